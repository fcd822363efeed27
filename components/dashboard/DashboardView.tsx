import { lazy, Suspense, useMemo, useState } from 'react';
import { ShieldMark } from '@/components/common/ShieldMark';
import { distinct, type Filters, filterRecords, type ViewRecord } from '@/lib/dashboard/filter';
import { quartersWithData } from '@/lib/dashboard/stats';
import type { DashboardState } from '@/lib/dashboard/store';
import { ChainBanner } from './ChainBanner';
import { FilterBar } from './FilterBar';
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
> & { practice: string };

/** The practice manager's dashboard: the log, its integrity, charts, exports and the audit report. */
export function DashboardView(p: DashboardProps) {
  const [busy, setBusy] = useState(false);
  const [quarterKey, setQuarterKey] = useState('');
  const shown = useMemo(() => filterRecords(p.records, p.filters), [p.records, p.filters]);
  const staff = useMemo(() => distinct(p.records, 'staff'), [p.records]);
  const workstations = useMemo(() => distinct(p.records, 'workstation'), [p.records]);
  const quarters = useMemo(() => quartersWithData(p.records), [p.records]);
  const loading = p.phase === 'first' || p.phase === 'rest';
  const onFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => p.setFilter(key, value);

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
        <ChainBanner chain={p.chain} loading={loading} />
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

      {p.view === 'log' ? (
        <main className="rg-main">
          <FilterBar
            filters={p.filters}
            onChange={onFilter}
            onReset={p.resetFilters}
            staff={staff}
            workstations={workstations}
            shown={shown.length}
            total={p.records.length}
            loading={loading}
          />
          {!loading && <Summary records={shown} />}
          {!loading && shown.length > 0 && (
            <Suspense fallback={<p className="rg-loading">Loading charts…</p>}>
              <Charts records={shown} />
            </Suspense>
          )}
          <h2 className="rg-section-title">Interactions</h2>
          <LogTable records={shown as ViewRecord[]} loadingMore={loading} />
        </main>
      ) : (
        <main className="rg-main">
          <Suspense fallback={<p className="rg-loading">Loading the report…</p>}>
            <AuditReport
              records={p.records}
              quarters={quarters}
              quarterKey={quarterKey}
              onQuarter={setQuarterKey}
              chain={p.chain}
              practice={p.practice}
            />
          </Suspense>
        </main>
      )}
    </div>
  );
}
