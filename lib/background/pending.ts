/**
 * The queue content scripts fall back on when the service worker cannot be reached (asleep and
 * failing to wake, extension reloading): `storage.local.pendingInteractions`. The background
 * drains it into the log on start, on every message and whenever the key changes.
 */
import { browser } from 'wxt/browser';
import { type InteractionInput, PENDING_KEY } from '@/lib/log-record';

export { PENDING_KEY };

/** Adds an interaction to the queue (for content scripts whose message to the background failed). */
export async function enqueuePending(input: InteractionInput): Promise<void> {
  const got = await browser.storage.local.get(PENDING_KEY);
  const list = Array.isArray(got[PENDING_KEY]) ? (got[PENDING_KEY] as unknown[]) : [];
  await browser.storage.local.set({ [PENDING_KEY]: [...list, input] });
}

/** Reads the queue as it is now. */
export async function readPending(): Promise<unknown[]> {
  const got = await browser.storage.local.get(PENDING_KEY);
  return Array.isArray(got[PENDING_KEY]) ? (got[PENDING_KEY] as unknown[]) : [];
}

/**
 * Removes exactly the given entries (compared by value), keeping anything queued meanwhile:
 * a content script may have added to the queue while the drain was writing.
 */
export async function removePending(done: readonly unknown[]): Promise<void> {
  if (!done.length) return;
  const remaining = await readPending();
  const counts = new Map<string, number>();
  for (const d of done) {
    const k = JSON.stringify(d);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const keep = remaining.filter((r) => {
    const k = JSON.stringify(r);
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      counts.set(k, n - 1);
      return false;
    }
    return true;
  });
  if (keep.length) await browser.storage.local.set({ [PENDING_KEY]: keep });
  else await browser.storage.local.remove(PENDING_KEY);
}
