/**
 * Retention as pruning applies it (issue #11). The limits themselves live with the settings
 * (lib/settings.ts: at least a year, six years by default, at most a hundred); the settings
 * refuse a value outside them from a file or policy with a message. Pruning clamps whatever it is
 * given once more, so a bad value that reached storage some other way can never empty the log.
 */
import { DAY_MS, RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '@/lib/settings';

export { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS };

/** The retention period pruning uses: `days` clamped between the floor (≥ one year) and 100 years. */
export function effectiveRetentionDays(days: unknown, floorDays = RETENTION_MIN_DAYS): number {
  const floor = Math.max(RETENTION_MIN_DAYS, Number.isFinite(floorDays) ? Math.floor(floorDays) : RETENTION_MIN_DAYS);
  const d = typeof days === 'number' && Number.isFinite(days) ? Math.floor(days) : RETENTION_DEFAULT_DAYS;
  return Math.min(RETENTION_MAX_DAYS, Math.max(floor, d));
}

/** How far ahead of the newest record the clock may be before pruning stops trusting it. */
export const MAX_CLOCK_LEAD_MS = 2 * DAY_MS;

/** How many of the newest records must agree on the time before pruning believes it. */
export const TIME_WITNESSES = 20;

/**
 * The time before which records may be pruned. "Now" is taken as no later than two days after
 * the oldest of the newest TIME_WITNESSES records: a clock set 401 days ahead must not age the
 * whole log at once (issue #11), not even after a few records were written under it — it would
 * take twenty records dated in the future, each visible in the log. Records are only ever pruned
 * once the log itself has moved on past them. `recentTimes`: the times of the newest records.
 */
export function pruneCutoff(days: number, now: number, recentTimes: readonly number[]): number {
  const witnessed = recentTimes.length ? Math.min(...recentTimes) + MAX_CLOCK_LEAD_MS : now;
  return Math.min(now, witnessed) - days * DAY_MS;
}
