/**
 * The interaction log (issue #6): append, verify, prune. Runs in the background service worker,
 * the only writer of `interactions`; appends are serialized so the hash chain stays linear.
 */
import { browser } from 'wxt/browser';
import { buildRecord, type ChainStatus, type StoredRecord, verifyRecords } from './background/chain';
import { getDb, type LogDb } from './db';
import type { InteractionInput } from './log-record';
import type { Settings } from './settings';

export { maskSpans, REDACTION_MARK, textForLog } from './background/chain';

/** How often writes may trigger retention (the SW also prunes when it starts). */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The chain's starting point after retention deleted its head: the last deleted record. */
export interface ChainAnchor {
  hash: string;
  seq: number;
}

/** Where the next record links: the last record, else the retention anchor, else the beginning. */
async function chainTail(db: LogDb): Promise<ChainAnchor> {
  const last = await db.interactions.orderBy('seq').last();
  if (last) return { hash: last.hash, seq: last.seq };
  return await readAnchor(db);
}

/** The anchor retention left, or the chain's beginning. */
export async function readAnchor(db: LogDb = getDb()): Promise<ChainAnchor> {
  const row = await db.meta.get('anchor');
  return (row?.value as ChainAnchor | undefined) ?? { hash: '', seq: 0 };
}

/** The running extension's version; '' outside an extension (tests without a manifest). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/** A storage failure that the user must hear about in plain words. */
export class LogWriteError extends Error {}

/** True for IndexedDB's "disk full" error, however Dexie wrapped it (inner errors, bulk failures). */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: string; inner?: unknown; failures?: unknown[] };
  if (err.name === 'QuotaExceededError') return true;
  if (isQuotaError(err.inner, depth + 1)) return true;
  return Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1));
}

/** The message a content script shows when the log could not be written. */
export function describeLogError(e: unknown): string {
  if (isQuotaError(e)) {
    return (
      'Storage is full: Reply Guard could not save this reply to the compliance log. ' +
      'Ask your practice manager to export the log from the dashboard and shorten the retention period in the options, ' +
      'or free disk space on this computer.'
    );
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `The compliance log could not be written: ${msg}`;
}

// Group commit: appends queue up per database and a single writer drains the queue, building
// each batch's records in order (so the chain stays linear whatever the concurrency) and writing
// the batch in one transaction. With strict durability every transaction is a disk flush; one
// flush per batch instead of per record is what keeps many tabs writing at once fast.
interface Job {
  input: InteractionInput;
  settings: Pick<Settings, 'log' | 'staffMember'>;
  time?: number;
  resolve: (r: StoredRecord) => void;
  reject: (e: unknown) => void;
}
interface Writer {
  queue: Job[];
  running: boolean;
}
const writers = new WeakMap<LogDb, Writer>();
let lastPrune = 0;
/** The most records one transaction writes. */
const MAX_BATCH = 500;

/**
 * Appends one interaction and resolves once IndexedDB has committed it (so an acknowledgement
 * means the record survives a service worker stop). Rejects on storage errors; see describeLogError.
 * `time` is when it happened, for interactions that waited in the pending queue (default: now).
 */
export function appendInteraction(
  input: InteractionInput,
  settings: Pick<Settings, 'log' | 'staffMember'>,
  db: LogDb = getDb(),
  time?: number,
): Promise<StoredRecord> {
  let w = writers.get(db);
  if (!w) {
    w = { queue: [], running: false };
    writers.set(db, w);
  }
  const writer = w;
  return new Promise<StoredRecord>((resolve, reject) => {
    writer.queue.push({ input, settings, time, resolve, reject });
    if (!writer.running) void drainWriter(db, writer);
  });
}

async function drainWriter(db: LogDb, w: Writer): Promise<void> {
  w.running = true;
  try {
    while (w.queue.length) {
      const batch = w.queue.splice(0, MAX_BATCH);
      try {
        const records = await writeBatch(db, batch);
        for (const [i, job] of batch.entries()) job.resolve(records[i]!);
        // The records are committed: a failed prune must not turn their acknowledgement into an error.
        const days = batch[batch.length - 1]!.settings.log.retentionDays;
        await pruneIfDue(days, db).catch((e) => console.warn('Reply Guard: retention failed', e));
      } catch (e) {
        for (const job of batch) job.reject(e);
      }
    }
  } finally {
    w.running = false;
  }
}

/** Builds a batch on the current tail and writes it in one transaction; retried if the tail moved. */
async function writeBatch(db: LogDb, batch: Job[]): Promise<StoredRecord[]> {
  // Another context writing the same table (not expected: only the background writes) would
  // move the tail; the transaction checks it and the batch is rebuilt on the new tail.
  for (let attempt = 0; attempt < 5; attempt++) {
    const tail = await chainTail(db);
    const records: StoredRecord[] = [];
    let prev = tail;
    const version = extensionVersion();
    // Hashing is async WebCrypto, which must not run inside an IndexedDB transaction.
    for (const { input, settings, time } of batch) {
      const r = await buildRecord(input, {
        id: crypto.randomUUID(),
        time: time ?? Date.now(),
        staff: settings.staffMember,
        textMode: settings.log.textMode,
        extensionVersion: version,
        prevHash: prev.hash,
        seq: prev.seq + 1,
      });
      records.push(r);
      prev = r;
    }
    const written = await db.transaction('rw', db.interactions, db.meta, async () => {
      const now = await chainTail(db);
      if (now.hash !== tail.hash || now.seq !== tail.seq) return false;
      await db.interactions.bulkAdd(records);
      return true;
    });
    if (written) return records;
  }
  throw new LogWriteError('the log kept changing while writing; please try again');
}

/**
 * Deletes records older than `days`, oldest first along the chain, and remembers the last one
 * deleted as the anchor so the rest still verifies. Returns how many local records were deleted.
 * Imported records older than the limit are deleted too: retention is about not keeping PHI.
 */
export async function pruneOlderThan(days: number, db: LogDb = getDb(), now = Date.now()): Promise<number> {
  const cutoff = now - days * DAY_MS;
  const deleted = await db.transaction('rw', db.interactions, db.meta, async () => {
    const old: StoredRecord[] = [];
    // Only the chain's prefix goes: a record that is old but sits after a newer one (a clock set
    // back) waits, so the chain never gets a hole in the middle.
    await db.interactions
      .orderBy('seq')
      .until((r) => r.time >= cutoff)
      .each((r) => {
        old.push(r);
      });
    if (!old.length) return 0;
    const last = old[old.length - 1]!;
    await db.interactions.bulkDelete(old.map((r) => r.id));
    await db.meta.put({ key: 'anchor', value: { hash: last.hash, seq: last.seq } satisfies ChainAnchor });
    return old.length;
  });
  await db.imported.where('time').below(cutoff).delete();
  lastPrune = now;
  await db.meta.put({ key: 'lastPrune', value: now });
  return deleted;
}

/**
 * Prunes when the last prune is older than PRUNE_INTERVAL_MS. The manifest has no `alarms`
 * permission on purpose (least privilege, issue #2): the service worker's start and the writes
 * themselves are the schedule, which is enough because nothing is added without a write.
 */
export async function pruneIfDue(days: number, db: LogDb = getDb(), now = Date.now()): Promise<number> {
  if (!lastPrune) lastPrune = ((await db.meta.get('lastPrune'))?.value as number | undefined) ?? 0;
  if (now - lastPrune < PRUNE_INTERVAL_MS) return 0;
  return pruneOlderThan(days, db, now);
}

/** Forgets the in-memory prune time (tests, and a fresh database). */
export function resetLogStateForTests(): void {
  lastPrune = 0;
}

/** Verifies this workstation's chain from the retention anchor to the newest record. */
export async function verifyChain(db: LogDb = getDb()): Promise<ChainStatus> {
  const [records, anchor] = await Promise.all([db.interactions.orderBy('seq').toArray(), readAnchor(db)]);
  return verifyRecords(records, anchor.hash);
}

/** The newest `limit` records, newest first (the popup's "last few interactions"). */
export async function recentInteractions(limit: number, db: LogDb = getDb()): Promise<StoredRecord[]> {
  const n = Math.max(0, Math.min(500, Math.floor(limit) || 0));
  return db.interactions.orderBy('seq').reverse().limit(n).toArray();
}

/** This workstation's id, made once: it names this browser's records in exports. */
export async function workstationId(db: LogDb = getDb()): Promise<string> {
  const row = await db.meta.get('workstation');
  if (typeof row?.value === 'string') return row.value;
  const id = `ws-${crypto.randomUUID().slice(0, 8)}`;
  // `add` fails if another context made one first; then that one wins.
  try {
    await db.meta.add({ key: 'workstation', value: id });
    return id;
  } catch {
    return ((await db.meta.get('workstation'))?.value as string) ?? id;
  }
}
