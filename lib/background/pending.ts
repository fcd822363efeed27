/**
 * The queue content scripts fall back on when the service worker cannot be reached (asleep and
 * failing to wake, extension reloading): one storage.local key per queued interaction,
 * `pending:<id>` (issue #11). Two tabs queueing at once write different keys, so neither
 * overwrites the other; the background removes exactly the keys it wrote, so an append that
 * lands meanwhile is never dropped; and the key's id is the record's id, so a worker stopped
 * between writing a record and removing its key writes nothing twice when it drains again.
 * The single-array key of earlier versions (`pendingInteractions`) is still drained.
 */
import { browser } from 'wxt/browser';
import { type InteractionInput, PENDING_KEY, PENDING_PREFIX } from '@/lib/log-record';

export { PENDING_KEY, PENDING_PREFIX };

/** One queued interaction and where it is stored. */
export interface PendingEntry {
  /** The storage key (`pending:<id>`), or PENDING_KEY for an entry of the old array. */
  key: string;
  value: unknown;
}

/** True for a storage key of the queue. */
export function isPendingKey(key: string): boolean {
  return key.startsWith(PENDING_PREFIX) || key === PENDING_KEY;
}

/** Adds an interaction to the queue under its own key (tests; content scripts use lib/guard/log.ts). */
export async function enqueuePending(input: InteractionInput & { queuedAt?: number }): Promise<string> {
  const id = input.id ?? crypto.randomUUID();
  const key = `${PENDING_PREFIX}${id}`;
  await browser.storage.local.set({ [key]: { ...input, id } });
  return key;
}

/** Reads the queue as it is now, oldest first (by `queuedAt` where known). */
export async function readPending(): Promise<PendingEntry[]> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const out: PendingEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(PENDING_PREFIX)) out.push({ key, value });
  }
  const legacy = all[PENDING_KEY];
  if (Array.isArray(legacy)) for (const value of legacy) out.push({ key: PENDING_KEY, value });
  const at = (e: PendingEntry) => {
    const t = (e.value as { queuedAt?: unknown } | null)?.queuedAt;
    return typeof t === 'number' ? t : 0;
  };
  return out.sort((a, b) => at(a) - at(b));
}

/**
 * Removes exactly the given entries: their own keys, and for the old array the written values
 * (compared by value), keeping anything queued meanwhile.
 */
export async function removePending(done: readonly PendingEntry[]): Promise<void> {
  const keys = [...new Set(done.filter((d) => d.key !== PENDING_KEY).map((d) => d.key))];
  if (keys.length) await browser.storage.local.remove(keys);
  const legacyDone = done.filter((d) => d.key === PENDING_KEY).map((d) => d.value);
  if (!legacyDone.length) return;
  const got = await browser.storage.local.get(PENDING_KEY);
  const remaining = Array.isArray(got[PENDING_KEY]) ? (got[PENDING_KEY] as unknown[]) : [];
  const counts = new Map<string, number>();
  for (const d of legacyDone) counts.set(JSON.stringify(d), (counts.get(JSON.stringify(d)) ?? 0) + 1);
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
