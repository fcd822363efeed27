/**
 * When the guard was switched off, and for how long (issue #11): pauses, sites turned off and
 * monitor-only mode, read from the chain's own event records, one workstation at a time. An
 * interval runs from its record to the record that ended it, its own `until` (a pause or a
 * site switch-off expires), or the end of the period, whichever is first.
 */
import type { ViewRecord } from './filter';

/** The ways the guard can be switched off. */
export type GuardOffKind = 'paused' | 'site-off' | 'monitor-only';

/** One interval with the guard off (clipped to the period asked for). */
export interface GuardOffSpan {
  kind: GuardOffKind;
  /** The site concerned, or 'all'. */
  site: string;
  workstation: string;
  start: number;
  end: number;
  /** Still off at the end of the period. */
  open: boolean;
  /** The reason given (site switch-offs ask for one). */
  reason: string;
  staff: string;
}

/** Plain words for each kind. */
export const GUARD_OFF_WORDS: Record<GuardOffKind, string> = {
  paused: 'Guard paused',
  'site-off': 'Site turned off',
  'monitor-only': 'Monitor only (risky replies not held)',
};

interface Open {
  start: number;
  until: number;
  reason: string;
  staff: string;
}

const untilOf = (r: ViewRecord): number => {
  const u = r.detail?.until;
  const t = typeof u === 'string' ? Date.parse(u) : Number.NaN;
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
};

/** Is this `setting-changed` record monitor-only being turned off? */
const monitorOff = (r: ViewRecord) => r.detail?.setting === 'monitorOnly' && r.detail?.to === 'off';

/**
 * Every interval with the guard off that overlaps [from, to), clipped to it, oldest first.
 * `now` bounds intervals still open (the guard cannot have been off in the future).
 */
export function guardOffSpans(
  records: readonly ViewRecord[],
  from: number,
  to: number,
  now = Date.now(),
): GuardOffSpan[] {
  const byWs = new Map<string, ViewRecord[]>();
  for (const r of records) {
    if (r.kind !== 'event') continue;
    const g = byWs.get(r.workstation);
    if (g) g.push(r);
    else byWs.set(r.workstation, [r]);
  }
  const limit = Math.min(to, Math.max(from, now));
  const out: GuardOffSpan[] = [];
  for (const [workstation, rs] of byWs) {
    rs.sort((a, b) => a.seq - b.seq || a.time - b.time);
    const open = new Map<string, Open & { kind: GuardOffKind; site: string }>();
    const close = (key: string, at: number) => {
      const o = open.get(key);
      if (!o) return;
      open.delete(key);
      const end = Math.min(at, o.until, limit);
      const start = Math.max(o.start, from);
      // Still off when the period ends: nothing ended it and it had not expired.
      const stillOff = at === Number.POSITIVE_INFINITY && o.until > limit;
      if (end > start) out.push({ ...o, workstation, start, end, open: stillOff });
    };
    const begin = (kind: GuardOffKind, site: string, r: ViewRecord) => {
      const key = `${kind}:${site}`;
      const was = open.get(key);
      // A pause extended or a switch-off renewed: one interval, with the newest expiry.
      if (was && was.until > r.time) {
        open.set(key, { ...was, until: untilOf(r), reason: r.reason || was.reason });
        return;
      }
      if (was) close(key, r.time);
      open.set(key, { kind, site, start: r.time, until: untilOf(r), reason: r.reason, staff: r.staff });
    };
    for (const r of rs) {
      if (r.outcome === 'paused') begin('paused', 'all', r);
      else if (r.outcome === 'resumed') close('paused:all', r.time);
      else if (r.outcome === 'site-off') begin('site-off', r.site, r);
      else if (r.outcome === 'site-on') close(`site-off:${r.site}`, r.time);
      else if (r.outcome === 'monitor-only') begin('monitor-only', 'all', r);
      else if (r.outcome === 'setting-changed' && monitorOff(r)) close('monitor-only:all', r.time);
    }
    for (const key of [...open.keys()]) close(key, Number.POSITIVE_INFINITY);
  }
  return out.filter((s) => s.end > from && s.start < to).sort((a, b) => a.start - b.start);
}

/** Total time off per kind and site: the summary's lines. */
export function guardOffTotals(
  spans: readonly GuardOffSpan[],
): Array<{ kind: GuardOffKind; site: string; times: number; ms: number; open: boolean }> {
  const m = new Map<string, { kind: GuardOffKind; site: string; times: number; ms: number; open: boolean }>();
  for (const s of spans) {
    const key = `${s.kind}:${s.site}`;
    const t = m.get(key) ?? { kind: s.kind, site: s.site, times: 0, ms: 0, open: false };
    t.times++;
    t.ms += s.end - s.start;
    t.open ||= s.open;
    m.set(key, t);
  }
  return [...m.values()].sort((a, b) => b.ms - a.ms);
}

/** A duration in plain words: "3 h 20 min", "2 days 4 h", "45 min", "under a minute". */
export function fmtDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'under a minute';
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d) return `${d} day${d === 1 ? '' : 's'}${h ? ` ${h} h` : ''}`;
  if (h) return `${h} h${m ? ` ${m} min` : ''}`;
  return `${m} min`;
}
