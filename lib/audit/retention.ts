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

/**
 * The time before which records may be pruned. "Now" is taken as no later than the newest
 * record's time plus two days: a clock set 401 days ahead must not age the whole log at once
 * (issue #11). Records are only ever pruned once the log itself has moved on past them.
 */
export function pruneCutoff(days: number, now: number, newestTime: number | undefined): number {
  const reference = newestTime === undefined ? now : Math.min(now, newestTime + MAX_CLOCK_LEAD_MS);
  return reference - days * DAY_MS;
}
