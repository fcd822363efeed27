import { useMemo } from 'react';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { isRisky, wasPrevented } from '@/lib/dashboard/stats';
import { fmtNum, pct } from './format';

/** Four headline figures for the records shown. */
export function Summary({ records }: { records: readonly ViewRecord[] }) {
  const s = useMemo(() => {
    let risky = 0;
    let prevented = 0;
    let overridden = 0;
    for (const r of records) {
      if (!isRisky(r)) continue;
      risky++;
      if (wasPrevented(r)) prevented++;
      if (r.outcome === 'overridden') overridden++;
    }
    return { risky, prevented, overridden };
  }, [records]);
  const cards: Array<[string, string, string]> = [
    ['Replies checked', fmtNum(records.length), 'in this view'],
    ['Risky replies caught', fmtNum(s.risky), `${pct(s.risky, records.length)} of replies`],
    ['Stopped before posting', fmtNum(s.prevented), `${pct(s.prevented, s.risky)} of risky replies`],
    ['Posted anyway', fmtNum(s.overridden), 'each with a reason'],
  ];
  return (
    <ul className="rg-summary" aria-label="Summary">
      {cards.map(([label, value, note]) => (
        <li key={label} className="rg-card">
          <span className="rg-summary-label">{label}</span>
          <strong className="rg-summary-value">{value}</strong>
          <span className="rg-muted">{note}</span>
        </li>
      ))}
    </ul>
  );
}
