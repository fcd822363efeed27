/**
 * Figures for the charts and the quarterly audit report (issue #6, seed "Audit and Quality
 * Assurance": are responses complying with protocols, has anyone confirmed patient status
 * publicly, are responses following templates).
 */
import { OUTCOME_WORDS, type Outcome } from '@/lib/log-record';
import { CATEGORIES, type Category } from '@/rules/types';
import type { ViewRecord } from './filter';

/** Outcomes in the order the dashboard lists them. */
export const OUTCOME_ORDER: readonly Outcome[] = ['posted', 'edited', 'replaced', 'abandoned', 'overridden'];

/** Plain-word labels for outcomes. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  ...OUTCOME_WORDS,
  posted: 'Posted',
  edited: 'Edited',
  replaced: 'Replaced with template',
  abandoned: 'Abandoned',
  overridden: 'Posted anyway',
};

/** Plain-word labels for the policy's categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'confirms-patient-status': 'Confirms patient status',
  'care-details': 'Care details',
  identifiers: 'Identifiers',
  'defensive-disclosure': 'Defensive disclosure',
  'staff-gossip': 'Staff gossip',
  'testimonial-without-authorization': 'Testimonial without authorization',
};

/** A flagged reply: the guard found something at submit. */
export const isRisky = (r: Pick<ViewRecord, 'verdict'>): boolean => r.verdict !== 'ok';
/** A risky reply that did not go out as written: edited, replaced or abandoned. */
export const wasPrevented = (r: Pick<ViewRecord, 'verdict' | 'outcome'>): boolean =>
  isRisky(r) && (r.outcome === 'edited' || r.outcome === 'replaced' || r.outcome === 'abandoned');
/** A risky reply that went out as written: overridden, or posted in monitor-only mode. */
export const wentOut = (r: Pick<ViewRecord, 'verdict' | 'outcome'>): boolean =>
  isRisky(r) && (r.outcome === 'overridden' || r.outcome === 'posted');

/** Local Monday 00:00 of the week holding `time`. */
export function weekStart(time: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/** A local date as `YYYY-MM-DD`. */
export function isoDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One bar of the weekly chart: the week and a count per category. */
export type WeekRow = { week: string } & Record<Category, number>;

/** Flagged replies per week and category (a reply counts once in each of its categories); the last `maxWeeks`. */
export function flagsPerWeek(records: readonly ViewRecord[], maxWeeks = 26): WeekRow[] {
  const byWeek = new Map<number, Record<Category, number>>();
  for (const r of records) {
    if (!isRisky(r)) continue;
    const w = weekStart(r.time);
    let row = byWeek.get(w);
    if (!row) {
      row = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
      byWeek.set(w, row);
    }
    for (const c of r.categories) row[c]++;
  }
  if (!byWeek.size) return [];
  const weeks = [...byWeek.keys()].sort((a, b) => a - b);
  const last = weeks[weeks.length - 1]!;
  const out: WeekRow[] = [];
  // Continuous weeks, quiet ones included, so the axis reads as time.
  const first = Math.max(weeks[0]!, new Date(last).setDate(new Date(last).getDate() - 7 * (maxWeeks - 1)));
  for (let w = weekStart(first); w <= last; w = weekStart(new Date(w).setDate(new Date(w).getDate() + 8))) {
    const counts = byWeek.get(w) ?? (Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>);
    out.push({ week: isoDay(w), ...counts });
  }
  return out;
}

/** How many records ended each way, split into risky and clean. */
export function outcomeCounts(
  records: readonly ViewRecord[],
): Array<{ outcome: string; risky: number; clean: number }> {
  const counts = new Map<Outcome, { risky: number; clean: number }>(
    OUTCOME_ORDER.map((o) => [o, { risky: 0, clean: 0 }]),
  );
  for (const r of records) {
    const c = counts.get(r.outcome);
    if (c) isRisky(r) ? c.risky++ : c.clean++;
  }
  return OUTCOME_ORDER.map((o) => ({ outcome: OUTCOME_LABELS[o], ...counts.get(o)! }));
}

/** Override reasons, grouped case- and space-insensitively, most frequent first. */
export function overrideReasons(records: readonly ViewRecord[], top = 8): Array<{ reason: string; count: number }> {
  const groups = new Map<string, { reason: string; count: number }>();
  for (const r of records) {
    if (r.outcome !== 'overridden') continue;
    const reason = r.reason.trim() || '(no reason given)';
    const key = reason.toLowerCase().replace(/\s+/g, ' ');
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { reason, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)).slice(0, top);
}

/** A calendar quarter: key `2026-Q3`, local start (inclusive) and end (exclusive). */
export interface Quarter {
  key: string;
  label: string;
  start: number;
  end: number;
}

/** The quarter holding `time`. */
export function quarterOf(time: number): Quarter {
  const d = new Date(time);
  const q = Math.floor(d.getMonth() / 3);
  return quarter(d.getFullYear(), q + 1);
}

/** Quarter `q` (1-4) of `year`. */
export function quarter(year: number, q: number): Quarter {
  const start = new Date(year, (q - 1) * 3, 1).getTime();
  const end = new Date(year, q * 3, 1).getTime();
  const fmt = (t: number) =>
    new Date(t).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  return { key: `${year}-Q${q}`, label: `Q${q} ${year} (${fmt(start)} – ${fmt(end - 86_400_000)})`, start, end };
}

/** Quarters with records, newest first, always including the current one. */
export function quartersWithData(records: readonly ViewRecord[], now = Date.now()): Quarter[] {
  const keys = new Map<number, Quarter>();
  const cur = quarterOf(now);
  keys.set(new Date(now).getFullYear() * 4 + Math.floor(new Date(now).getMonth() / 3), cur);
  for (const r of records) {
    // A cheap numeric key per record; the Quarter (with its formatted label) only once per quarter.
    const d = new Date(r.time);
    const k = d.getFullYear() * 4 + Math.floor(d.getMonth() / 3);
    if (!keys.has(k)) keys.set(k, quarterOf(r.time));
  }
  return [...keys.values()].sort((a, b) => b.start - a.start);
}

/** One row of a "by site" or "by staff member" table. */
export interface GroupRow {
  name: string;
  checked: number;
  risky: number;
  prevented: number;
  overridden: number;
  /** Risky replies posted without a hold (monitor-only mode). */
  postedRisky: number;
  templates: number;
}

function groupBy(records: readonly ViewRecord[], key: (r: ViewRecord) => string): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  for (const r of records) {
    const name = key(r);
    let g = rows.get(name);
    if (!g) {
      g = { name, checked: 0, risky: 0, prevented: 0, overridden: 0, postedRisky: 0, templates: 0 };
      rows.set(name, g);
    }
    g.checked++;
    if (!isRisky(r)) continue;
    g.risky++;
    if (wasPrevented(r)) g.prevented++;
    if (r.outcome === 'overridden') g.overridden++;
    if (r.outcome === 'posted') g.postedRisky++;
    if (r.outcome === 'replaced') g.templates++;
  }
  return [...rows.values()].sort((a, b) => b.risky - a.risky || a.name.localeCompare(b.name));
}

/** Everything the quarterly audit report shows, computed from the log. */
export interface AuditReport {
  quarter: Quarter;
  total: number;
  risky: number;
  prevented: number;
  overridden: number;
  postedRisky: number;
  templates: number;
  /** Risky replies by how they ended. */
  riskyByOutcome: Array<{ outcome: Outcome; label: string; count: number }>;
  /** Risky replies by category, and how many of those went out anyway. */
  byCategory: Array<{ category: Category; label: string; caught: number; wentOut: number }>;
  /** Replies that confirmed someone is a patient and were posted (seed: "inadvertently confirmed patient status"). */
  confirmedPublicly: ViewRecord[];
  /** Every override with its reason, oldest first. */
  overrides: ViewRecord[];
  /** Override reasons grouped, most frequent first. */
  reasons: Array<{ reason: string; count: number }>;
  bySite: GroupRow[];
  byStaff: GroupRow[];
  workstations: string[];
}

/** The audit report for one quarter, from all records (filters do not apply to an audit). */
export function auditReport(records: readonly ViewRecord[], q: Quarter): AuditReport {
  const inQ = records.filter((r) => r.time >= q.start && r.time < q.end);
  const risky = inQ.filter(isRisky);
  const byOutcome = new Map<Outcome, number>();
  for (const r of risky) byOutcome.set(r.outcome, (byOutcome.get(r.outcome) ?? 0) + 1);
  const byCategory = CATEGORIES.map((category) => {
    const hit = risky.filter((r) => r.categories.includes(category));
    return { category, label: CATEGORY_LABELS[category], caught: hit.length, wentOut: hit.filter(wentOut).length };
  }).filter((c) => c.caught > 0);
  const oldestFirst = (a: ViewRecord, b: ViewRecord) => a.time - b.time;
  return {
    quarter: q,
    total: inQ.length,
    risky: risky.length,
    prevented: risky.filter(wasPrevented).length,
    overridden: risky.filter((r) => r.outcome === 'overridden').length,
    postedRisky: risky.filter((r) => r.outcome === 'posted').length,
    templates: risky.filter((r) => r.outcome === 'replaced').length,
    riskyByOutcome: OUTCOME_ORDER.map((o) => ({ outcome: o, label: OUTCOME_LABELS[o], count: byOutcome.get(o) ?? 0 })),
    byCategory,
    confirmedPublicly: risky
      .filter((r) => wentOut(r) && r.categories.includes('confirms-patient-status'))
      .sort(oldestFirst),
    overrides: inQ.filter((r) => r.outcome === 'overridden').sort(oldestFirst),
    reasons: overrideReasons(inQ, 50),
    bySite: groupBy(inQ, (r) => r.site),
    byStaff: groupBy(inQ, (r) => r.staff || '(not set)'),
    workstations: [...new Set(inQ.map((r) => r.workstation))].sort(),
  };
}
