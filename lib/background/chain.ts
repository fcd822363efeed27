/**
 * The pure part of the interaction log (issues #6, #11): record building, redaction, the hash
 * chain and its checks. No Dexie, no `browser.*`: the background, the dashboard, the import and
 * the bench share it.
 */
import type {
  AuditEventInput,
  Detail,
  InteractionInput,
  InteractionOutcome,
  InteractionRecord,
  RecordVerdict,
} from '@/lib/log-record';
import type { LogTextMode } from '@/lib/settings';
import { sha256HexSync } from './sha256';

/** What replaces each masked span in 'redacted' mode: a fixed token so the length of a name leaks nothing. */
export const REDACTION_MARK = '[redacted]';

/** A record as stored: its position in its workstation's chain (`seq`) travels with it. */
export type StoredRecord = InteractionRecord & { seq: number };

/** The earliest time a record may carry (no Reply Guard log predates 2000): imports refuse older. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
/** How far past "now" a record's time may be (clock skew between workstations): imports refuse more. */
export const MAX_FUTURE_MS = 2 * 24 * 60 * 60 * 1000;

/** True for a time a record may carry: an integer between 2000 and a little after `now`. */
export function plausibleTime(t: unknown, now = Date.now()): t is number {
  return Number.isSafeInteger(t) && (t as number) >= EARLIEST_TIME && (t as number) <= now + MAX_FUTURE_MS;
}

/** SHA-256 of a string as lowercase hex (WebCrypto: present in service workers, pages and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

/** Bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** An event's details with sorted keys, so the same details always hash the same. */
function canonicalDetail(d: Detail | undefined): Array<[string, string | number | boolean]> {
  return Object.keys(d ?? {})
    .sort()
    .map((k) => [k, d![k]!]);
}

/**
 * The fields the hash covers, in a fixed order. Format 2 (issue #11) covers every field,
 * `seq` included, so a record's number cannot be changed without breaking its hash. Records
 * written before (no `v`) keep their original canonical form, which left `seq` out (it arrived
 * with schema v2 and v1 records must still verify).
 */
export function canonicalRecord(r: Omit<StoredRecord, 'hash'> | Omit<InteractionRecord, 'hash'>): string {
  if (r.v === 2) {
    return JSON.stringify([
      2,
      r.id,
      (r as StoredRecord).seq,
      r.kind ?? 'interaction',
      r.time,
      r.site,
      r.pageKind,
      r.url,
      r.link ?? '',
      r.reviewer ?? '',
      r.verdict,
      r.categories,
      r.rules,
      r.outcome,
      r.reason,
      r.staff,
      r.textMode ?? '',
      r.text,
      r.fingerprint ?? '',
      r.draftId ?? '',
      canonicalDetail(r.detail),
      r.durationMs,
      r.extensionVersion,
      r.prevHash,
    ]);
  }
  return JSON.stringify([
    r.id,
    r.time,
    r.site,
    r.pageKind,
    r.url,
    r.verdict,
    r.categories,
    r.rules,
    r.outcome,
    r.reason,
    r.staff,
    r.text,
    r.textHash ?? '',
    r.durationMs,
    r.extensionVersion,
    r.prevHash,
  ]);
}

/** The hash a record must carry: SHA-256 over its canonical fields, `prevHash` included. */
export function recordHash(r: Omit<StoredRecord, 'hash'> | Omit<InteractionRecord, 'hash'>): Promise<string> {
  return sha256Hex(canonicalRecord(r));
}

/** The same hash, synchronously (bulk verification: see sha256.ts for why). */
export function recordHashSync(r: Omit<StoredRecord, 'hash'> | Omit<InteractionRecord, 'hash'>): string {
  return sha256HexSync(canonicalRecord(r));
}

/** Masks the given [start, end) spans of `text`, merging overlaps and ignoring spans out of range. */
export function maskSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  const clean = spans
    .map(([s, e]) => [Math.max(0, Math.floor(s)), Math.min(text.length, Math.floor(e))] as [number, number])
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of clean) {
    if (e <= pos) continue;
    if (s >= pos) {
      out += text.slice(pos, s) + REDACTION_MARK;
    }
    // An overlapping span only extends the mask already written.
    pos = e;
  }
  return out + text.slice(pos);
}

/** The text the log keeps of a reply, as the log settings say. */
export function textForLog(input: Pick<InteractionInput, 'text' | 'spans' | 'verdict'>, mode: LogTextMode): string {
  if (mode === 'none') return '';
  if (mode === 'full') return input.text;
  // Redacted without spans: a risky (or unchecked) reply whose risky parts are unknown is not
  // kept at all, because keeping it whole would defeat the setting.
  if (!input.spans?.length) return input.verdict === 'ok' ? input.text : '';
  return maskSpans(input.text, input.spans);
}

/** A page address without its query or fragment (they can carry names or ids). */
export function stripUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

/**
 * The address the log keeps: in full mode the page without query or fragment; in redacted and
 * none modes only the origin, since a path can name a person (a Messenger thread, a profile) and
 * the record's `site` and `pageKind` already say where it happened (issue #11).
 */
export function urlForLog(url: string, mode: LogTextMode): string {
  if (mode === 'full') return stripUrl(url);
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Everything a new record needs besides the input. */
export interface RecordContext {
  id: string;
  time: number;
  staff: string;
  textMode: LogTextMode;
  extensionVersion: string;
  prevHash: string;
  seq: number;
  /** HMAC fingerprint of the reply (full mode); '' otherwise. See lib/audit/fingerprint.ts. */
  fingerprint?: string;
  /** The reason as the log keeps it (already redacted in redacted/none modes); default: the input's. */
  reason?: string;
}

/** The record's fields before hashing. */
function recordBase(input: InteractionInput, ctx: RecordContext): Omit<StoredRecord, 'hash'> {
  const mode = ctx.textMode;
  return {
    v: 2,
    id: ctx.id,
    seq: ctx.seq,
    kind: 'interaction',
    time: ctx.time,
    site: input.site,
    pageKind: input.pageKind,
    url: urlForLog(input.url, mode),
    link: mode === 'full' && input.link ? stripUrlKeepingReview(input.link) : '',
    reviewer: mode === 'none' ? '' : (input.reviewer ?? ''),
    verdict: input.verdict,
    categories: [...input.categories],
    rules: [...input.rules],
    outcome: input.outcome as InteractionOutcome,
    reason: ctx.reason ?? input.reason ?? '',
    staff: ctx.staff,
    textMode: mode,
    text: textForLog(input, mode),
    fingerprint: mode === 'full' ? (ctx.fingerprint ?? '') : '',
    draftId: input.draftId ?? '',
    durationMs: Math.max(0, Math.round(input.durationMs ?? 0)),
    extensionVersion: ctx.extensionVersion,
    prevHash: ctx.prevHash,
  };
}

/** A review link as kept: fragments go (they carry nothing an auditor needs), the query stays (review ids). */
function stripUrlKeepingReview(link: string): string {
  try {
    const u = new URL(link);
    if (u.protocol !== 'https:') return '';
    u.hash = '';
    return u.href;
  } catch {
    return '';
  }
}

/** Builds a complete, hashed interaction record (WebCrypto). */
export async function buildRecord(input: InteractionInput, ctx: RecordContext): Promise<StoredRecord> {
  const base = recordBase(input, ctx);
  return { ...base, hash: await recordHash(base) };
}

/** The same record, hashed synchronously (bulk generation in tests and the bench). */
export function buildRecordSync(input: InteractionInput, ctx: RecordContext): StoredRecord {
  const base = recordBase(input, ctx);
  return { ...base, hash: recordHashSync(base) };
}

/** Builds a hashed event record (a change to the guard or the log). */
export function buildEventRecordSync(event: AuditEventInput, ctx: Omit<RecordContext, 'fingerprint'>): StoredRecord {
  const base: Omit<StoredRecord, 'hash'> = {
    v: 2,
    id: ctx.id,
    seq: ctx.seq,
    kind: 'event',
    time: ctx.time,
    site: event.site ?? 'all',
    pageKind: '',
    url: '',
    link: '',
    reviewer: '',
    verdict: 'none' satisfies RecordVerdict,
    categories: [],
    rules: [],
    outcome: event.outcome,
    reason: ctx.reason ?? event.reason ?? '',
    staff: ctx.staff,
    textMode: ctx.textMode,
    text: '',
    fingerprint: '',
    draftId: '',
    detail: { ...(event.detail ?? {}) },
    durationMs: 0,
    extensionVersion: ctx.extensionVersion,
    prevHash: ctx.prevHash,
  };
  return { ...base, hash: recordHashSync(base) };
}

/** The result of checking a chain. `firstBroken.index` is 0-based in chain order. */
export interface ChainStatus {
  ok: boolean;
  checked: number;
  /** Places where records are absent (only counted with `allowGaps`: a filtered export from another workstation). */
  gaps?: number;
  firstBroken?: { id: string; index: number; time: number; reason: string };
  /** Something an auditor should know although the chain verifies (e.g. how its start was explained). */
  note?: string;
}

/**
 * Checks that every record's hash matches its fields and that each links to the one before.
 * `records` must be in chain order (by `seq`); `anchorHash` is the hash before the first one
 * ('' for a chain that starts at its beginning, or the last pruned record's hash).
 * `seq` must always increase: a repeat or a step back is an error, never a "gap" (issue #11).
 * With `allowGaps` (imported, possibly filtered files) a jump forward in `seq` is counted, not
 * failed, and links are checked only between neighbours; every record's own hash is still checked.
 * Runs in slices, yielding to the event loop between them, so a page stays responsive.
 */
export async function verifyRecords(
  records: readonly StoredRecord[],
  anchorHash = '',
  { allowGaps = false, anchorSeq }: { allowGaps?: boolean; anchorSeq?: number } = {},
): Promise<ChainStatus> {
  const SLICE = 5000;
  let gaps = 0;
  for (let start = 0; start < records.length; start += SLICE) {
    if (start) await new Promise((resolve) => setTimeout(resolve, 0));
    const end = Math.min(records.length, start + SLICE);
    for (let index = start; index < end; index++) {
      const r = records[index]!;
      const before = index > 0 ? records[index - 1]! : undefined;
      let reason = '';
      if (!Number.isSafeInteger(r.seq) || r.seq < 1) {
        reason = 'its record number is invalid';
      } else if (before && r.seq <= before.seq) {
        reason =
          r.seq === before.seq
            ? `its record number #${r.seq} repeats the record before it`
            : `its record number #${r.seq} goes back (after #${before.seq})`;
      } else if (before && r.seq !== before.seq + 1 && allowGaps) {
        gaps++;
      } else if (!before && allowGaps) {
        // The first record of a possibly filtered file links to something not in the file.
      } else if (r.prevHash !== (before ? before.hash : anchorHash)) {
        reason = 'it does not link to the record before it (a record was removed, added or reordered)';
      } else if (before && r.seq !== before.seq + 1) {
        reason = 'a record before it is missing';
      } else if (!before && anchorSeq !== undefined && r.seq !== anchorSeq + 1) {
        reason = `records #${anchorSeq + 1} to #${r.seq - 1} before it are missing`;
      }
      if (!reason && recordHashSync(r) !== r.hash) reason = 'its contents were changed after it was written';
      if (reason) return { ok: false, checked: index, gaps, firstBroken: { id: r.id, index, time: r.time, reason } };
    }
  }
  return allowGaps ? { ok: true, checked: records.length, gaps } : { ok: true, checked: records.length };
}

/** Where retention left this workstation's chain: the last deleted record (seq 0, '' for none). */
export interface ChainAnchor {
  hash: string;
  seq: number;
  /** Set on anchors left by versions that wrote no `pruned` record (before issue #11). */
  legacy?: boolean;
}

/**
 * Checks this workstation's own chain: the records link from the anchor without a hole, and the
 * anchor itself is explained by a `pruned` record in the chain (detail.upToSeq / upToHash), so
 * deleting the oldest records and moving the anchor by hand shows (issue #11).
 */
export async function verifyLocalChain(records: readonly StoredRecord[], anchor: ChainAnchor): Promise<ChainStatus> {
  const status = await verifyRecords(records, anchor.hash, { anchorSeq: anchor.seq });
  if (!status.ok || anchor.seq === 0) return status;
  const explained = records.some(
    (r) =>
      r.outcome === 'pruned' &&
      r.detail?.upToSeq === anchor.seq &&
      r.detail?.upToHash === anchor.hash &&
      // The record that explains a prune comes after what it pruned.
      r.seq > anchor.seq,
  );
  if (explained) return { ...status, note: `records #1 to #${anchor.seq} were deleted by retention (logged)` };
  if (anchor.legacy) {
    return { ...status, note: `records #1 to #${anchor.seq} were deleted by retention before it was logged` };
  }
  const first = records[0];
  return {
    ok: false,
    checked: 0,
    firstBroken: {
      id: first?.id ?? '',
      index: 0,
      time: first?.time ?? 0,
      reason: `records #1 to #${anchor.seq} were deleted without a retention record`,
    },
  };
}
