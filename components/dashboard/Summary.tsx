import { useMemo } from 'react';
import { groupDrafts } from '@/lib/dashboard/drafts';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { UNSEEN_HINT } from '@/lib/dashboard/stats';
import { fmtNum, pct, SITE_LABELS } from './format';

/** Headline figures for the records shown, counted in replies (drafts), not records. */
export function Summary({ records }: { records: readonly ViewRecord[] }) {
  const s = useMemo(() => {
    const drafts = groupDrafts(records);
    let caught = 0;
    let prevented = 0;
    let overridden = 0;
    const unseenSites = new Set<string>();
    for (const d of drafts) {
      if (d.flagged) caught++;
      if (d.result === 'prevented') prevented++;
      if (d.result === 'overridden') overridden++;
      if (d.result === 'unseen') unseenSites.add(d.main.site);
    }
    return { replies: drafts.length, caught, prevented, overridden, unseenSites: [...unseenSites] };
  }, [records]);
  const cards: Array<[string, string, string]> = [
    ['Replies checked', fmtNum(s.replies), 'in this view'],
    ['Risky replies caught', fmtNum(s.caught), `${pct(s.caught, s.replies)} of replies`],
    ['Stopped before posting', fmtNum(s.prevented), `${pct(s.prevented, s.caught)} of risky replies`],
    ['Posted anyway', fmtNum(s.overridden), 'each with a reason'],
  ];
  return (
    <>
      <ul className="rg-summary" aria-label="Summary">
        {cards.map(([label, value, note]) => (
          <li key={label} className="rg-card">
            <span className="rg-summary-label">{label}</span>
            <strong className="rg-summary-value">{value}</strong>
            <span className="rg-muted">{note}</span>
          </li>
        ))}
      </ul>
      {s.unseenSites.length > 0 && (
        <p className="rg-notice rg-notice-warn" role="status">
          {UNSEEN_HINT} ({s.unseenSites.map((x) => SITE_LABELS[x] ?? x).join(', ')}): a flagged reply left its box
          without a post the guard saw. Check those replies on the site.
        </p>
      )}
    </>
  );
}
