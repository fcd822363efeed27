/**
 * Per-tab rate limiting of logged interactions (issue #10 item 6): a token bucket per sender tab,
 * 30 interactions a minute with bursts of 30. A person posting replies by hand stays far below it;
 * a page synthesising clicks on a forged box (2,000 records in 19 s, issue #10) is cut off after
 * the burst, and what it was refused is counted into one `refused` record a minute per tab, so a
 * flood is visible in the log rather than silently dropped or silently written.
 */

/** Interactions a tab may log per minute (and at once). */
export const RATE_PER_MINUTE = 30;

interface Bucket {
  tokens: number;
  at: number;
  /** Refused since the last refusal record. */
  refused: number;
  /** When the last refusal record for this tab was written. */
  reportedAt: number;
}

/** A token bucket per key (a tab, or a page's url when it has no tab). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute = RATE_PER_MINUTE,
    private readonly burst = RATE_PER_MINUTE,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty (the interaction is refused). */
  take(key: string, now = Date.now()): boolean {
    const b = this.bucket(key, now);
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    b.refused++;
    return false;
  }

  /**
   * The refusals of `key` to report now (at most once a minute per key), resetting the count;
   * 0 when there is nothing to report yet.
   */
  refusalsToReport(key: string, now = Date.now()): number {
    const b = this.buckets.get(key);
    if (!b?.refused || now - b.reportedAt < 60_000) return 0;
    const n = b.refused;
    b.refused = 0;
    b.reportedAt = now;
    return n;
  }

  private bucket(key: string, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      // Forget idle tabs so the map cannot grow without end.
      if (this.buckets.size > 1000) {
        for (const [k, v] of this.buckets) if (now - v.at > 10 * 60_000) this.buckets.delete(k);
      }
      b = { tokens: this.burst, at: now, refused: 0, reportedAt: 0 };
      this.buckets.set(key, b);
    }
    return b;
  }
}
