/**
 * Figures for the charts and the quarterly audit report (issues #6, #11; seed "Audit and Quality
 * Assurance": are responses complying with protocols, has anyone confirmed patient status
 * publicly, are responses following templates). Everything counts replies (drafts, see
 * drafts.ts), never records or categories.
 */
import { OUTCOME_WORDS, OUTCOMES, type Outcome } from '@/lib/log-record';
import { OVERRIDE_REASONS, reasonPreset } from '@/lib/override-reasons';
import { CATEGORIES, type Category } from '@/rules/types';
import { type Draft, type DraftResult, groupDrafts, needsFollowUp, needsLook, RESULT_WORDS } from './drafts';
import type { ViewRecord } from './filter';
import { type GuardOffSpan, guardOffSpans, guardOffTotals } from './guard-off';

/** Every outcome, in the order the filter lists them: replies first, then changes to the guard. */
export const OUTCOME_ORDER: readonly Outcome[] = OUTCOMES;

/** Plain-word labels for outcomes. */
export const OUTCOME_LABELS: Record<Outcome, string> = OUTCOME_WORDS;

/** What the table and the report say about a reply that left the box unseen (issue #10 item 9). */
export const UNSEEN_HINT = "The guard may be missing this site's post button";

/** Plain-word labels for the policy's categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'confirms-patient-status': 'Confirms patient status',
  'care-details': 'Care details',
  identifiers: 'Identifiers',
  'defensive-disclosure': 'Defensive disclosure',
  'staff-gossip': 'Staff gossip',
  'testimonial-without-authorization': 'Testimonial without authorization',
};

/** A flagged record: the guard found something (warn or block). */
export const isRisky = (r: Pick<ViewRecord, 'verdict'>): boolean => r.verdict === 'warn' || r.verdict === 'block';

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

/** The results a weekly bar is split into (flagged replies only). */
export const WEEK_SERIES: readonly DraftResult[] = ['prevented', 'overridden', 'posted-risky', 'unchecked', 'unseen'];

/** One bar of the weekly chart: the week and how many flagged replies ended each way. */
export type WeekRow = { week: string } & Record<DraftResult, number>;

const zeroResults = () =>
  Object.fromEntries(Object.keys(RESULT_WORDS).map((k) => [k, 0])) as Record<DraftResult, number>;

/** Replies needing a look (flagged, unchecked, unseen) per week, by how they ended; the last `maxWeeks`. */
export function flagsPerWeek(records: readonly ViewRecord[], maxWeeks = 26): WeekRow[] {
  const byWeek = new Map<number, Record<DraftResult, number>>();
  for (const d of groupDrafts(records)) {
    if (!needsLook(d)) continue;
    const w = weekStart(d.time);
    let row = byWeek.get(w);
    if (!row) {
      row = zeroResults();
      byWeek.set(w, row);
    }
    row[d.result]++;
  }
  if (!byWeek.size) return [];
  const weeks = [...byWeek.keys()].sort((a, b) => a - b);
  const last = weeks[weeks.length - 1]!;
  const out: WeekRow[] = [];
  // Continuous weeks, quiet ones included, so the axis reads as time.
  const first = Math.max(weeks[0]!, new Date(last).setDate(new Date(last).getDate() - 7 * (maxWeeks - 1)));
  for (let w = weekStart(first); w <= last; w = weekStart(new Date(w).setDate(new Date(w).getDate() + 8))) {
    out.push({ week: isoDay(w), ...(byWeek.get(w) ?? zeroResults()) });
  }
  return out;
}

/** How many replies ended each way (drafts, not records). */
export function resultCounts(drafts: readonly Draft[]): Array<{ result: DraftResult; label: string; count: number }> {
  const c = zeroResults();
  for (const d of drafts) c[d.result]++;
  return (Object.keys(RESULT_WORDS) as DraftResult[]).map((result) => ({
    result,
    label: RESULT_WORDS[result],
    count: c[result],
  }));
}

/** Overridden replies grouped by preset reason (lib/override-reasons.ts), most frequent first. */
export function overrideReasons(drafts: readonly Draft[]): Array<{ id: string; reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const d of drafts) {
    if (d.result !== 'overridden') continue;
    const id = reasonPreset(d.main.reason.trim()).id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return OVERRIDE_REASONS.filter((r) => counts.has(r.id))
    .map((r) => ({ id: r.id, reason: r.id === 'other' ? 'Other (own words)' : r.label, count: counts.get(r.id)! }))
    .sort((a, b) => b.count - a.count);
}

/** A calendar quarter: key `2026-Q3`, local start (inclusive) and end (exclusive). */
export interface Quarter {
  key: string;
  label: string;
  /** "Q3 2026". */
  short: string;
  start: number;
  end: number;
}

/** Quarter `q` (1-4) of `year`. */
export function quarter(year: number, q: number): Quarter {
  const start = new Date(year, (q - 1) * 3, 1).getTime();
  const end = new Date(year, q * 3, 1).getTime();
  const fmt = (t: number) =>
    new Date(t).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  const short = `Q${q} ${year}`;
  return { key: `${year}-Q${q}`, label: `${short} (${fmt(start)} – ${fmt(end - 86_400_000)})`, short, start, end };
}

/** The quarter holding `time`. */
export function quarterOf(time: number): Quarter {
  const d = new Date(time);
  return quarter(d.getFullYear(), Math.floor(d.getMonth() / 3) + 1);
}

/** The last quarter that has ended: what a quarterly audit reviews (not the one under way). */
export function lastFullQuarter(now = Date.now()): Quarter {
  return quarterOf(quarterOf(now).start - 1);
}

/** Quarters with records, newest first, always with the last full one; the current one says it is under way. */
export function quartersWithData(records: readonly ViewRecord[], now = Date.now()): Quarter[] {
  const keys = new Map<number, Quarter>();
  const cur = quarterOf(now);
  const full = lastFullQuarter(now);
  const num = (t: number) => new Date(t).getFullYear() * 4 + Math.floor(new Date(t).getMonth() / 3);
  keys.set(num(cur.start), { ...cur, label: `${cur.label}, under way` });
  keys.set(num(full.start), full);
  for (const r of records) {
    // A cheap numeric key per record; the Quarter (with its formatted label) only once per quarter.
    const k = num(r.time);
    if (!keys.has(k) && r.time < cur.end) keys.set(k, quarterOf(r.time));
  }
  return [...keys.values()].sort((a, b) => b.start - a.start);
}

/** One row of a "by site" or "by staff member" table (replies, not records). */
export interface GroupRow {
  name: string;
  checked: number;
  caught: number;
  prevented: number;
  overridden: number;
  /** Risky replies posted without a hold (monitor-only mode). */
  postedRisky: number;
  unchecked: number;
}

function groupBy(drafts: readonly Draft[], key: (d: Draft) => string): GroupRow[] {
  const rows = new Map<string, GroupRow>();
  for (const d of drafts) {
    const name = key(d);
    let g = rows.get(name);
    if (!g) {
      g = { name, checked: 0, caught: 0, prevented: 0, overridden: 0, postedRisky: 0, unchecked: 0 };
      rows.set(name, g);
    }
    g.checked++;
    if (d.flagged) g.caught++;
    if (d.result === 'prevented') g.prevented++;
    if (d.result === 'overridden') g.overridden++;
    if (d.result === 'posted-risky') g.postedRisky++;
    if (d.result === 'unchecked') g.unchecked++;
  }
  return [...rows.values()].sort(
    (a, b) => b.caught - a.caught || b.checked - a.checked || a.name.localeCompare(b.name),
  );
}

/** Everything the quarterly audit report shows, computed from the log. */
export interface AuditReport {
  quarter: Quarter;
  /** Replies checked (drafts). */
  checked: number;
  /** Replies flagged at least once. */
  caught: number;
  prevented: number;
  overridden: number;
  postedRisky: number;
  unchecked: number;
  unseen: number;
  /** Flagged replies replaced with an approved template. */
  templates: number;
  /** Flagged replies by category (a reply counts once per category it was flagged for), and how many went out. */
  byCategory: Array<{ category: Category; label: string; caught: number; wentOut: number }>;
  /** Replies that may confirm someone is a patient and went out (seed: "inadvertently confirmed patient status"). */
  confirmedPublicly: number;
  /** Overrides grouped by preset reason. */
  reasons: Array<{ id: string; reason: string; count: number }>;
  /** When the guard was off, and the totals per kind. */
  guardOff: GuardOffSpan[];
  guardOffTotals: ReturnType<typeof guardOffTotals>;
  /** Settings changes, imports and retention in the quarter (event records other than on/off). */
  changes: Array<{ outcome: Outcome; label: string; count: number }>;
  bySite: GroupRow[];
  byStaff: GroupRow[];
  /** The appendix: replies to follow up first (went out or may have), then those stopped; oldest first in each. */
  followUp: Draft[];
  stopped: Draft[];
  workstations: string[];
}

const CHANGE_OUTCOMES: readonly Outcome[] = [
  'setting-changed',
  'settings-imported',
  'log-imported',
  'import-removed',
  'pruned',
  'refused',
];

/** The audit report for one quarter, from all records (filters do not apply to an audit). */
export function auditReport(records: readonly ViewRecord[], q: Quarter, now = Date.now()): AuditReport {
  // A draft belongs to the quarter its first record falls in; its later records come along.
  const drafts = groupDrafts(records).filter((d) => d.time >= q.start && d.time < q.end);
  const flagged = drafts.filter((d) => d.flagged);
  const count = (r: DraftResult) => drafts.filter((d) => d.result === r).length;
  const wentOut = (d: Draft) => d.result === 'overridden' || d.result === 'posted-risky';
  const byCategory = CATEGORIES.map((category) => {
    const hit = flagged.filter((d) => d.categories.includes(category));
    return { category, label: CATEGORY_LABELS[category], caught: hit.length, wentOut: hit.filter(wentOut).length };
  }).filter((c) => c.caught > 0);
  const spans = guardOffSpans(records, q.start, q.end, now);
  const inQ = records.filter((r) => r.time >= q.start && r.time < q.end && r.kind === 'event');
  const changes = CHANGE_OUTCOMES.map((o) => ({
    outcome: o,
    label: OUTCOME_WORDS[o],
    count: inQ.filter((r) => r.outcome === o).length,
  })).filter((c) => c.count > 0);
  const look = drafts.filter(needsLook);
  return {
    quarter: q,
    checked: drafts.length,
    caught: flagged.length,
    prevented: count('prevented'),
    overridden: count('overridden'),
    postedRisky: count('posted-risky'),
    unchecked: count('unchecked'),
    unseen: count('unseen'),
    templates: flagged.filter((d) => d.templated).length,
    byCategory,
    confirmedPublicly: flagged.filter((d) => wentOut(d) && d.categories.includes('confirms-patient-status')).length,
    reasons: overrideReasons(drafts),
    guardOff: spans,
    guardOffTotals: guardOffTotals(spans),
    changes,
    bySite: groupBy(drafts, (d) => d.main.site),
    byStaff: groupBy(drafts, (d) => d.main.staff || '(not set)'),
    followUp: look.filter(needsFollowUp),
    stopped: look.filter((d) => !needsFollowUp(d)),
    workstations: [...new Set(drafts.map((d) => d.main.workstation))].sort(),
  };
}
