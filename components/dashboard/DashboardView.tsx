import { lazy, Suspense, useMemo, useState } from 'react';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { ShieldMark } from '@/components/common/ShieldMark';
import { distinct, type Filters, filterRecords, type ViewRecord } from '@/lib/dashboard/filter';
import { lastFullQuarter, quartersWithData } from '@/lib/dashboard/stats';
import type { DashboardState } from '@/lib/dashboard/store';
import { trustLabel } from '@/lib/dashboard/trust';
import type { ReportCheckpoint } from './AuditReport';
import { ChainBanner } from './ChainBanner';
import { FilterBar } from './FilterBar';
import { IntegrityView } from './IntegrityView';
import { LogTable } from './LogTable';
import { Summary } from './Summary';
import { Toolbar } from './Toolbar';
import './dashboard.css';

// Charts (recharts) and the report load after the table: the first rows need neither, and
// recharts is most of the page's JavaScript.
const Charts = lazy(() => import('./Charts').then((m) => ({ default: m.Charts })));
const AuditReport = lazy(() => import('./AuditReport').then((m) => ({ default: m.AuditReport })));

/** What the page needs from the store. */
export type DashboardProps = Pick<
  DashboardState,
  | 'phase'
  | 'error'
  | 'records'
  | 'totalHint'
  | 'chain'
  | 'filters'
  | 'view'
  | 'notice'
  | 'setFilter'
  | 'resetFilters'
  | 'setView'
  | 'importLog'
  | 'exportFiltered'
  | 'dismissNotice'
  | 'localWorkstation'
  | 'checkpoint'
  | 'checkpointCheck'
  | 'savedCheckpoints'
  | 'keys'
  | 'ownKey'
  | 'verifyCheckpoint'
  | 'clearCheckpointCheck'
  | 'downloadCheckpoint'
  | 'registerKey'
  | 'removeKey'
  | 'removeWorkstation'
> & {
  /** The practice's name; null while the profile loads (the report waits for it before it can print). */
  practice: string | null;
  /** The report's clock (tests pass one); defaults to now. */
  now?: number;
};

/** The practice manager's dashboard: the log, its integrity, charts, exports and the audit report. */
export function DashboardView(p: DashboardProps) {
  const [busy, setBusy] = useState(false);
  const [quarterKey, setQuarterKey] = useState('');
  const shown = useMemo(() => filterRecords(p.records, p.filters), [p.records, p.filters]);
  const staff = useMemo(() => distinct(p.records, 'staff'), [p.records]);
  const workstations = useMemo(() => distinct(p.records, 'workstation'), [p.records]);
  const quarters = useMemo(() => quartersWithData(p.records, p.now), [p.records, p.now]);
  // The quarterly audit reviews the last quarter that has ended, not the one under way.
  const reportQuarter = quarterKey || lastFullQuarter(p.now).key;
  const { checkpoint, chain } = p;
  const checkpoints = useMemo(() => reportCheckpoints(checkpoint, chain), [checkpoint, chain]);
  const loading = p.phase === 'first' || p.phase === 'rest';
  const onFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => p.setFilter(key, value);
  const guarded = (name: string, node: React.ReactNode) => (
    // A record no check foresaw must not blank the page: the header, the notices and
    // "Remove this workstation's records" stay usable (issue #11).
    // Keyed by view only: a new record must not remount the view (typed text and a pending
    // confirmation would be lost); switching views gives a failed one a fresh start.
    <ErrorBoundary page={`dashboard's ${name}`} key={p.view}>
      {node}
    </ErrorBoundary>
  );

  return (
    <div className={`rg-dash rg-view-${p.view}`}>
      <header className="rg-dash-head rg-noprint">
        <div className="rg-brand">
          <ShieldMark size={28} />
          <div>
            <h1>Reply Guard compliance dashboard</h1>
            <p className="rg-muted">
              {p.practice ? `${p.practice} · ` : ''}Replies to reviews and comments checked for patient information
            </p>
          </div>
        </div>
        <Toolbar
          view={p.view}
          onView={p.setView}
          busy={busy || loading}
          shown={shown.length}
          onExport={(kind) => {
            // Disable the buttons first, then build the file on the next task, so a long export
            // (100,000 records take ~2 s) shows as busy instead of a frozen click.
            setBusy(true);
            setTimeout(() => {
              try {
                p.exportFiltered(kind);
              } finally {
                setBusy(false);
              }
            }, 0);
          }}
          onImport={(f) => {
            setBusy(true);
            void p.importLog(f).finally(() => setBusy(false));
          }}
        />
      </header>

      <div className="rg-noprint">
        {guarded('integrity banner', <ChainBanner chain={p.chain} loading={loading} />)}
        {p.notice && (
          <div className={`rg-notice rg-notice-${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{p.notice.text}</span>
            <button type="button" className="rg-link" onClick={p.dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        {p.phase === 'error' && (
          <p className="rg-notice rg-notice-error" role="alert">
            The log could not be opened: {p.error}
          </p>
        )}
      </div>

      {p.view === 'log' && (
        <main className="rg-main">
          <FilterBar
            filters={p.filters}
            onChange={onFilter}
            onReset={p.resetFilters}
            staff={staff}
            workstations={workstations}
            localWorkstation={p.localWorkstation}
            shown={shown.length}
            total={p.records.length}
            loading={loading}
          />
          {guarded(
            'log',
            <>
              {!loading && <Summary records={shown} />}
              {!loading && shown.length > 0 && (
                <Suspense fallback={<p className="rg-loading">Loading charts…</p>}>
                  <Charts records={shown} />
                </Suspense>
              )}
              <h2 className="rg-section-title">Interactions</h2>
              <LogTable records={shown as ViewRecord[]} loadingMore={loading} />
            </>,
          )}
        </main>
      )}
      {p.view === 'audit' && (
        <main className="rg-main">
          {guarded(
            'report',
            <Suspense fallback={<p className="rg-loading">Loading the report…</p>}>
              <AuditReport
                records={p.records}
                quarters={quarters}
                quarterKey={reportQuarter}
                onQuarter={setQuarterKey}
                chain={p.chain}
                checkpoints={checkpoints}
                practice={p.practice}
                now={p.now}
              />
            </Suspense>,
          )}
        </main>
      )}
      {p.view === 'integrity' && (
        <main className="rg-main">
          {guarded(
            'integrity view',
            <IntegrityView
              localWorkstation={p.localWorkstation}
              chain={p.chain}
              checkpoint={p.checkpoint}
              checkpointCheck={p.checkpointCheck}
              savedCheckpoints={p.savedCheckpoints}
              keys={p.keys}
              ownKey={p.ownKey}
              busy={busy || loading}
              verifyCheckpoint={async (x, source) => {
                setBusy(true);
                await p.verifyCheckpoint(x, source).finally(() => setBusy(false));
              }}
              clearCheckpointCheck={p.clearCheckpointCheck}
              downloadCheckpoint={p.downloadCheckpoint}
              registerKey={p.registerKey}
              removeKey={p.removeKey}
              removeWorkstation={async (ws) => {
                setBusy(true);
                await p.removeWorkstation(ws).finally(() => setBusy(false));
              }}
            />,
          )}
        </main>
      )}
    </div>
  );
}

/** The checkpoints printed on the report: this browser's now, then each imported workstation's newest. */
function reportCheckpoints(
  checkpoint: DashboardProps['checkpoint'],
  chain: DashboardProps['chain'],
): ReportCheckpoint[] {
  const out: ReportCheckpoint[] = [];
  if (checkpoint) {
    const local = chain?.find((c) => !c.imported);
    out.push({
      label: `This browser (${checkpoint.workstation})`,
      checkpoint,
      note: local ? (local.status.ok ? 'links verified' : `ALTERED from record #${local.brokenSeq}`) : '',
    });
  }
  for (const c of chain ?? []) {
    if (!c.imported || !c.checkpoint) continue;
    out.push({
      label: `${c.workstation} (imported)`,
      checkpoint: c.checkpoint,
      note: `${trustLabel(c.trust, c.keyId)}; its own checkpoint when exported`,
    });
  }
  return out;
}
