import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { CATEGORY_LABELS, OUTCOME_LABELS, UNSEEN_HINT } from '@/lib/dashboard/stats';
import { VERDICT_WORDS } from '@/lib/log-record';
import { fmtTime, SITE_LABELS } from './format';

const ROW_HEIGHT = 40;
const COLUMNS = ['Time', 'Site', 'Verdict', 'Outcome', 'Categories', 'Reason', 'Staff', 'Reply'] as const;
const VERDICT_LABELS = VERDICT_WORDS;

let marked = false;

/**
 * The log as a virtualized table: only the rows in view are in the DOM, so 100,000 records
 * scroll smoothly. A row's time opens all its fields.
 */
export function LogTable({ records, loadingMore }: { records: readonly ViewRecord[]; loadingMore: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<ViewRecord | null>(null);
  const virtual = useVirtualizer({
    count: records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Lets the first rows render before layout is measured (and in test DOMs without layout).
    initialRect: { width: 1200, height: 560 },
  });

  useEffect(() => {
    // For the bench: when the first rows reached the page (performance.getEntriesByName).
    if (!marked && records.length) {
      marked = true;
      performance.mark('rg-first-rows');
    }
  }, [records.length]);

  if (!records.length && !loadingMore) {
    return <p className="rg-empty">No records match. Replies checked by the guard appear here.</p>;
  }

  return (
    <div className="rg-table-wrap">
      {/* A real table laid out as a grid, so rows can be positioned by the virtualizer while
          assistive tech still reads a table (TanStack Virtual's "table" pattern). */}
      <div ref={scroller} className="rg-scroller">
        <table className="rg-table" aria-label="Interaction log" aria-rowcount={records.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const r = records[item.index]!;
              const cats = r.categories.map((c) => CATEGORY_LABELS[c]).join(', ');
              return (
                <tr
                  key={r.id}
                  className={selected?.id === r.id ? 'rg-selected' : undefined}
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <td className="rg-nowrap">
                    <button
                      type="button"
                      className="rg-link"
                      onClick={() => setSelected(r)}
                      aria-label={`Details of record ${r.seq} from ${fmtTime(r.time)}`}
                    >
                      {fmtTime(r.time)}
                    </button>
                  </td>
                  <td>{SITE_LABELS[r.site] ?? r.site}</td>
                  <td>
                    <span className={`rg-pill rg-v-${r.verdict}`}>{VERDICT_LABELS[r.verdict]}</span>
                  </td>
                  <td
                    className={`rg-o-${r.outcome}`}
                    title={r.outcome === 'unseen-submit' ? `${UNSEEN_HINT}.` : undefined}
                  >
                    {OUTCOME_LABELS[r.outcome] ?? r.outcome}
                  </td>
                  <td className="rg-ellipsis" title={cats}>
                    {cats || '—'}
                  </td>
                  <td className="rg-ellipsis" title={r.reason}>
                    {r.reason || '—'}
                  </td>
                  <td className="rg-ellipsis">{r.staff || '(not set)'}</td>
                  <td className="rg-ellipsis rg-muted">{rowText(r)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {loadingMore && <p className="rg-loading">Loading the rest of the log…</p>}
      {selected && <RecordDetails record={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

/** Event details as "setting: from → to", "until …", "count 12". */
function detailText(r: ViewRecord): string {
  const d = r.detail;
  if (!d) return '';
  if (d.setting !== undefined && (d.from !== undefined || d.to !== undefined)) {
    return `${String(d.label ?? d.setting)}: ${String(d.from ?? '')} → ${String(d.to ?? '')}`;
  }
  return Object.entries(d)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}

/** The last column: the reply for an interaction, what changed for an event. */
function rowText(r: ViewRecord): string {
  if (r.kind === 'event') return detailText(r) || '—';
  if (r.outcome === 'unseen-submit') return `${UNSEEN_HINT}. ${r.text}`;
  return r.text || '(text not kept)';
}

/** Every field of one record, for an auditor's question about it. */
function RecordDetails({ record: r, onClose }: { record: ViewRecord; onClose: () => void }) {
  const rows: Array<[string, string]> = [
    ['Record', `#${r.seq} on ${r.workstation}${r.imported ? ' (imported)' : ''}`],
    ['Time', fmtTime(r.time)],
    ['Page', `${SITE_LABELS[r.site] ?? r.site} · ${r.pageKind}`],
    ['Address', r.url],
    ['Verdict at submit', VERDICT_LABELS[r.verdict]],
    [
      'Outcome',
      r.outcome === 'unseen-submit' ? `${OUTCOME_LABELS[r.outcome]}. ${UNSEEN_HINT}.` : OUTCOME_LABELS[r.outcome],
    ],
    ...(r.kind === 'event' ? ([['What changed', detailText(r) || '—']] as Array<[string, string]>) : []),
    ['Reviewer', r.reviewer || '—'],
    ['Link to the review', r.link || '—'],
    ['Draft', r.draftId || '—'],
    ['Reason', r.reason || '—'],
    ['Categories', r.categories.map((c) => CATEGORY_LABELS[c]).join(', ') || '—'],
    ['Rules', r.rules.join(', ') || '—'],
    ['Staff member', r.staff || '(not set)'],
    ['Reply text', r.text || '(not kept, as the log settings said)'],
    ['Time to decide', `${(r.durationMs / 1000).toFixed(1)} s`],
    ['Extension version', r.extensionVersion || '—'],
    ['Text fingerprint', r.fingerprint || r.textHash || '(not kept)'],
    ['Record hash', r.hash],
    ['Previous hash', r.prevHash || '(start of the log)'],
  ];
  return (
    <section className="rg-details" aria-label="Selected record">
      <header>
        <h2>Record #{r.seq}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className={k.includes('hash') || k.includes('SHA') ? 'rg-mono' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
