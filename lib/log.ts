/**
 * The interaction log (issues #6, #11): append interactions and events, verify, prune, checkpoint.
 * Runs in the background service worker, the only writer of `interactions`; appends are
 * serialized so the hash chain stays linear, and idempotent by record id so a retried or
 * re-queued interaction is written once.
 */
import { browser } from 'wxt/browser';
import { fingerprint } from './audit/fingerprint';
import { readAnchor } from './audit/local-chain';
import { effectiveRetentionDays, pruneCutoff, RETENTION_MIN_DAYS, TIME_WITNESSES } from './audit/retention';
import { buildEventRecordSync, buildRecordSync, type ChainAnchor, type StoredRecord } from './background/chain';
import { reasonForLog } from './background/reason';
import { getDb, type LogDb } from './db';
import type { AuditEventInput, InteractionInput } from './log-record';
import type { Settings } from './settings';

export { currentCheckpoint, readAnchor, readChain, verifyChain, workstationId } from './audit/local-chain';
export type { ChainAnchor } from './background/chain';
export { maskSpans, REDACTION_MARK, textForLog } from './background/chain';

/** How often writes may trigger retention (the SW also prunes when it starts). */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The most interaction records this workstation's log holds (issue #10 item 6: a flood must not
 * fill the disk). At ~1 KB a record this is ~250 MB; a front desk writes a few thousand a year.
 * When it is reached, interactions are refused (the content script keeps them queued and tells
 * the user) and one `refused` record says so; events that weaken the guard are still written,
 * up to EVENT_HEADROOM more.
 */
export const MAX_LOG_RECORDS = 250_000;
/** Room kept for events (pause, site off, settings) once interactions are refused. */
export const EVENT_HEADROOM = 10_000;

let limits = { maxRecords: MAX_LOG_RECORDS, headroom: EVENT_HEADROOM };

/** Lowers the log's size cap (tests cannot write 250,000 records); undefined restores it. */
export function setLogLimitsForTests(l?: { maxRecords: number; headroom: number }): void {
  limits = l ?? { maxRecords: MAX_LOG_RECORDS, headroom: EVENT_HEADROOM };
}

/** The settings a write needs: text mode and retention, who is at the desk, the practice's terms. */
export type LogSettings = Pick<Settings, 'log' | 'staffMember'> &
  Partial<Pick<Settings, 'profile' | 'extraTerms'>> & {
    /** A retention floor above the one-year minimum, in days (pruning never goes under it). */
    retentionFloorDays?: number;
  };

/** Where the next record links: the last record, else the retention anchor, else the beginning. */
async function chainTail(db: LogDb): Promise<ChainAnchor> {
  const last = await db.interactions.orderBy('seq').last();
  if (last) return { hash: last.hash, seq: last.seq };
  return await readAnchor(db);
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

/** The log reached MAX_LOG_RECORDS: the interaction was refused (and stays queued). */
export class LogFullError extends LogWriteError {}

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
  if (e instanceof LogFullError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return `The compliance log could not be written: ${msg}`;
}

export { reasonForLog } from './background/reason';

// Group commit: appends queue up per database and a single writer drains the queue, building
// each batch's records in order (so the chain stays linear whatever the concurrency) and writing
// the batch in one transaction. With strict durability every transaction is a disk flush; one
// flush per batch instead of per record is what keeps many tabs writing at once fast.
interface Job {
  id: string;
  kind: 'interaction' | 'event';
  /** Builds the record on the chain's current tail (synchronous hashing). */
  make: (prev: ChainAnchor) => StoredRecord;
  retentionDays: number;
  floorDays: number;
  resolve: (r: StoredRecord) => void;
  reject: (e: unknown) => void;
}
interface Writer {
  queue: Job[];
  running: boolean;
}
const writers = new WeakMap<LogDb, Writer>();
let lastPrune = 0;
/** When the last "log full" refusal record was written (at most one an hour). */
let lastFullRecord = 0;
/** Interactions refused since the last "log full" record. */
let refusedSinceRecord = 0;
/** The most records one transaction writes. */
const MAX_BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for an id a sender may give its interaction (a UUID). */
export function isRecordId(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

function enqueue(db: LogDb, job: Omit<Job, 'resolve' | 'reject'>): Promise<StoredRecord> {
  let w = writers.get(db);
  if (!w) {
    w = { queue: [], running: false };
    writers.set(db, w);
  }
  const writer = w;
  return new Promise<StoredRecord>((resolve, reject) => {
    writer.queue.push({ ...job, resolve, reject });
    if (!writer.running) void drainWriter(db, writer);
  });
}

/**
 * Appends one interaction and resolves once IndexedDB has committed it (so an acknowledgement
 * means the record survives a service worker stop). Rejects on storage errors (see
 * describeLogError) and with LogFullError when the log is at MAX_LOG_RECORDS.
 * `input.id` becomes the record's id: appending an id already in the log writes nothing and
 * resolves with the record already there. `time` is when it happened, for queued interactions.
 */
export async function appendInteraction(
  input: InteractionInput,
  settings: LogSettings,
  db: LogDb = getDb(),
  time?: number,
): Promise<StoredRecord> {
  const id = isRecordId(input.id) ? input.id : crypto.randomUUID();
  const mode = settings.log.textMode;
  // Async work (HMAC, rules) happens before the writer: hashing in the batch is synchronous.
  const fp = mode === 'full' ? await fingerprint(input.text, db) : '';
  const reason = reasonForLog(input.reason ?? '', mode, input.reasonSpans);
  const when = time ?? Date.now();
  const version = extensionVersion();
  return enqueue(db, {
    id,
    kind: 'interaction',
    retentionDays: settings.log.retentionDays,
    floorDays: settings.retentionFloorDays ?? RETENTION_MIN_DAYS,
    make: (prev) =>
      buildRecordSync(input, {
        id,
        time: when,
        // Picked in the hold dialog ("Who is replying", issue #11 item 6), else the settings' name.
        staff: input.staff || settings.staffMember,
        textMode: mode,
        extensionVersion: version,
        prevHash: prev.hash,
        seq: prev.seq + 1,
        fingerprint: fp,
        reason,
      }),
  });
}

/**
 * Appends an event (a change to the guard or the log: paused, site-off, setting-changed, pruned,
 * log-imported, ...). Only the background calls this, for itself or for an extension page whose
 * message it checked. Events are written even when the log is full (up to EVENT_HEADROOM more).
 */
export function appendEvent(
  event: AuditEventInput,
  settings: LogSettings,
  db: LogDb = getDb(),
  time = Date.now(),
): Promise<StoredRecord> {
  const id = crypto.randomUUID();
  const mode = settings.log.textMode;
  const reason = reasonForLog(event.reason ?? '', mode, event.reasonSpans);
  const version = extensionVersion();
  return enqueue(db, {
    id,
    kind: 'event',
    retentionDays: settings.log.retentionDays,
    floorDays: settings.retentionFloorDays ?? RETENTION_MIN_DAYS,
    make: (prev) =>
      buildEventRecordSync(event, {
        id,
        time,
        staff: settings.staffMember,
        textMode: mode,
        extensionVersion: version,
        prevHash: prev.hash,
        seq: prev.seq + 1,
        reason,
      }),
  });
}

async function drainWriter(db: LogDb, w: Writer): Promise<void> {
  w.running = true;
  try {
    while (w.queue.length) {
      const batch = w.queue.splice(0, MAX_BATCH);
      try {
        const records = await writeBatch(db, batch);
        for (const [i, job] of batch.entries()) {
          const r = records[i];
          if (r instanceof Error) job.reject(r);
          else job.resolve(r!);
        }
        // The records are committed: a failed prune must not turn their acknowledgement into an
        // error. Not awaited: a prune appends its own `pruned` record through this same writer.
        const last = batch[batch.length - 1]!;
        void pruneIfDue(last.retentionDays, db, Date.now(), last.floorDays).catch((e) =>
          console.warn('Reply Guard: retention failed', e),
        );
        if (records.some((r) => r instanceof LogFullError)) void recordRefusals(db, last);
      } catch (e) {
        for (const job of batch) job.reject(e);
      }
    }
  } finally {
    w.running = false;
  }
}

/** Writes one `refused` record (at most hourly) for interactions refused because the log is full. */
async function recordRefusals(db: LogDb, job: Job): Promise<void> {
  const now = Date.now();
  if (now - lastFullRecord < PRUNE_INTERVAL_MS) return;
  lastFullRecord = now;
  const count = refusedSinceRecord;
  refusedSinceRecord = 0;
  await appendEvent(
    {
      outcome: 'refused',
      detail: { why: 'log-full', count, limit: limits.maxRecords },
      reason: `The log holds ${limits.maxRecords.toLocaleString('en-US')} records: new interactions are refused until it is exported and retention shortens it.`,
    },
    { log: { retentionDays: job.retentionDays, textMode: 'full' }, staffMember: '' },
    db,
  ).catch((e) => console.error('Reply Guard: could not record that the log is full', e));
}

/**
 * Builds a batch on the current tail and writes it in one transaction; retried if the tail moved.
 * Returns, per job, the record (new, or the one already there with its id) or the error for it.
 */
async function writeBatch(db: LogDb, batch: Job[]): Promise<Array<StoredRecord | Error>> {
  // Another context writing the same table (not expected: only the background writes) would
  // move the tail; the transaction checks it and the batch is rebuilt on the new tail.
  for (let attempt = 0; attempt < 5; attempt++) {
    const tail = await chainTail(db);
    const ids = batch.map((j) => j.id);
    const [existing, count] = await Promise.all([db.interactions.bulkGet(ids), db.interactions.count()]);
    const out: Array<StoredRecord | Error> = [];
    const fresh: StoredRecord[] = [];
    const made = new Map<string, StoredRecord>();
    let prev = tail;
    let size = count;
    for (const [i, job] of batch.entries()) {
      // Idempotent: an id already written (a retry, a queued copy, a drain the worker was
      // stopped in before clearing) resolves to the record already there.
      const already = existing[i] ?? made.get(job.id);
      if (already) {
        out.push(already);
        continue;
      }
      const limit = job.kind === 'interaction' ? limits.maxRecords : limits.maxRecords + limits.headroom;
      if (size >= limit) {
        refusedSinceRecord++;
        out.push(
          new LogFullError(
            `The compliance log is full (${limits.maxRecords.toLocaleString('en-US')} records): this reply was not logged yet and waits in a queue. Ask your practice manager to export the log.`,
          ),
        );
        continue;
      }
      const r = job.make(prev);
      fresh.push(r);
      made.set(r.id, r);
      out.push(r);
      prev = r;
      size++;
    }
    if (!fresh.length) return out;
    const written = await db.transaction('rw', db.interactions, db.meta, async () => {
      const now = await chainTail(db);
      if (now.hash !== tail.hash || now.seq !== tail.seq) return false;
      if ((await db.interactions.bulkGet(fresh.map((r) => r.id))).some(Boolean)) return false;
      await db.interactions.bulkAdd(fresh);
      return true;
    });
    if (written) return out;
  }
  throw new LogWriteError('the log kept changing while writing; please try again');
}

/** What one prune did. */
export interface PruneResult {
  deleted: number;
  /** The `pruned` record written, if any. */
  record?: StoredRecord;
}

/** The records a prune with `days` would delete now, and the cutoff it would use. */
async function prunable(days: number, db: LogDb, now: number, floorDays: number) {
  const effective = effectiveRetentionDays(days, floorDays);
  const recent = await db.interactions.orderBy('seq').reverse().limit(TIME_WITNESSES).toArray();
  const newest = recent[0];
  const cutoff = pruneCutoff(
    effective,
    now,
    recent.map((r) => r.time),
  );
  const old = await db.interactions
    .orderBy('seq')
    // Only the chain's prefix goes: a record that is old but sits after a newer one (a clock set
    // back) waits, so the chain never gets a hole in the middle. The newest record always stays,
    // so the chain's head (and any checkpoint of it) survives retention.
    .until((r) => r.time >= cutoff || r.seq === newest?.seq)
    .toArray();
  return { old, cutoff, effective, newest };
}

/**
 * How many of this browser's records a retention of `days` would delete now, counted exactly as
 * pruning will (clamped period, the log's own time, the chain's prefix only): for the options
 * page's "this will delete N records" confirmation (issue #11).
 */
export async function countPrunable(
  days: number,
  db: LogDb = getDb(),
  now = Date.now(),
  floorDays: number = RETENTION_MIN_DAYS,
): Promise<number> {
  return (await prunable(days, db, now, floorDays)).old.length;
}

/**
 * Deletes records older than the retention period, oldest first along the chain, and writes a
 * `pruned` record ("pruned N records up to #k") into the chain, so the anchor never moves silently
 * (issue #11). Sane by construction: the period is clamped to the floor (six years by default,
 * never under one), "now" is never taken as more than two days after the newest record (a clock
 * running ahead cannot age the log), and only the chain's prefix goes. Returns how many local
 * records were deleted. Imported records older than the limit are deleted too.
 */
export async function pruneOlderThan(
  days: number,
  db: LogDb = getDb(),
  now = Date.now(),
  floorDays: number = RETENTION_MIN_DAYS,
): Promise<number> {
  // Set first: the `pruned` record written below goes through the writer, which checks this.
  lastPrune = now;
  const { old, cutoff, effective, newest } = await prunable(days, db, now, floorDays);
  if (newest && now - newest.time > 2 * 86_400_000 + effective * 86_400_000) {
    console.warn("Reply Guard: the clock is far ahead of the newest log record; retention uses the log's own time.");
  }
  let deleted = 0;
  if (old.length) {
    const first = old[0]!;
    const last = old[old.length - 1]!;
    await db.transaction('rw', db.interactions, db.meta, async () => {
      // Still the chain's prefix? (Only the background writes; this guards against a second context.)
      const head = await db.interactions.orderBy('seq').first();
      if (head?.id !== first.id) return;
      await db.interactions.bulkDelete(old.map((r) => r.id));
      await db.meta.put({ key: 'anchor', value: { hash: last.hash, seq: last.seq } satisfies ChainAnchor });
      deleted = old.length;
    });
    if (deleted) {
      await appendEvent(
        {
          outcome: 'pruned',
          reason: `pruned ${deleted} record${deleted === 1 ? '' : 's'} up to #${last.seq}`,
          detail: {
            count: deleted,
            fromSeq: first.seq,
            upToSeq: last.seq,
            upToHash: last.hash,
            upToTime: last.time,
            retentionDays: effective,
            cutoff: new Date(cutoff).toISOString(),
          },
        },
        // The reason holds only numbers: full mode keeps it as written.
        { log: { retentionDays: effective, textMode: 'full' }, staffMember: '' },
        db,
        now,
      );
    }
  }
  await db.imported.where('time').below(cutoff).delete();
  await db.meta.put({ key: 'lastPrune', value: now });
  return deleted;
}

/**
 * Prunes when the last prune is older than PRUNE_INTERVAL_MS. The manifest has no `alarms`
 * permission on purpose (least privilege, issue #2): the service worker's start and the writes
 * themselves are the schedule, which is enough because nothing is added without a write.
 */
export async function pruneIfDue(
  days: number,
  db: LogDb = getDb(),
  now = Date.now(),
  floorDays?: number,
): Promise<number> {
  if (!lastPrune) lastPrune = ((await db.meta.get('lastPrune'))?.value as number | undefined) ?? 0;
  // A clock that went back (lastPrune in the future) waits until it has caught up, but not forever.
  if (now - lastPrune < PRUNE_INTERVAL_MS && lastPrune - now < 366 * 86_400_000) return 0;
  return pruneOlderThan(days, db, now, floorDays);
}

/** Forgets the in-memory prune time and refusal counters (tests, and a fresh database). */
export function resetLogStateForTests(): void {
  limits = { maxRecords: MAX_LOG_RECORDS, headroom: EVENT_HEADROOM };
  lastPrune = 0;
  lastFullRecord = 0;
  refusedSinceRecord = 0;
}

/**
 * The newest `limit` interactions, newest first (the popup's "last few interactions"); with
 * `includeEvents`, the newest records of either kind (pauses, setting changes, ...).
 */
export async function recentInteractions(
  limit: number,
  db: LogDb = getDb(),
  { includeEvents = false }: { includeEvents?: boolean } = {},
): Promise<StoredRecord[]> {
  const n = Math.max(0, Math.min(500, Math.floor(limit) || 0));
  const newest = db.interactions.orderBy('seq').reverse();
  return (includeEvents ? newest : newest.filter((r) => r.kind !== 'event')).limit(n).toArray();
}
