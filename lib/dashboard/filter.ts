/**
 * The dashboard's view of the log: records from this browser and imported ones, their filters,
 * and the figures the charts and the quarterly audit report show. Pure functions over arrays.
 */
import type { ExportRecord } from '@/lib/export';
import type { Outcome, RecordVerdict } from '@/lib/log-record';
import type { SiteId } from '@/lib/settings';
import type { Category } from '@/rules/types';

/** A record on the dashboard: `imported` is false for this browser's own log. */
export type ViewRecord = ExportRecord & { imported: boolean };

/** The filter bar's state; '' means "any". Dates are local `YYYY-MM-DD`, both ends inclusive. */
export interface Filters {
  from: string;
  to: string;
  site: SiteId | '';
  outcome: Outcome | '';
  verdict: RecordVerdict | '';
  category: Category | '';
  staff: string;
  workstation: string;
}

/** No filter at all. */
export const NO_FILTERS: Filters = {
  from: '',
  to: '',
  site: '',
  outcome: '',
  verdict: '',
  category: '',
  staff: '',
  workstation: '',
};

/** Local midnight of a `YYYY-MM-DD` date, or NaN. */
export function localDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : Number.NaN;
}

/** The records that pass every filter, in their order. */
export function filterRecords(records: readonly ViewRecord[], f: Filters): ViewRecord[] {
  const from = f.from ? localDay(f.from) : Number.NEGATIVE_INFINITY;
  // The "to" day is inclusive: up to the next local midnight.
  const toDay = f.to ? localDay(f.to) : Number.NaN;
  const to = Number.isNaN(toDay) ? Number.POSITIVE_INFINITY : new Date(toDay).setDate(new Date(toDay).getDate() + 1);
  const active = f.site || f.outcome || f.verdict || f.category || f.staff || f.workstation || f.from || f.to;
  if (!active) return records as ViewRecord[];
  return records.filter(
    (r) =>
      r.time >= from &&
      r.time < to &&
      (!f.site || r.site === f.site) &&
      (!f.outcome || r.outcome === f.outcome) &&
      (!f.verdict || r.verdict === f.verdict) &&
      (!f.category || r.categories.includes(f.category)) &&
      (!f.staff || r.staff === f.staff) &&
      (!f.workstation || r.workstation === f.workstation),
  );
}

/** The distinct values of a field, sorted, for a filter's options. */
export function distinct(records: readonly ViewRecord[], field: 'staff' | 'workstation'): string[] {
  const seen = new Set<string>();
  for (const r of records) seen.add(r[field]);
  return [...seen].sort((a, b) => a.localeCompare(b));
}
