/**
 * The pure part of the interaction log (issue #6): record building, redaction and the hash chain.
 * No Dexie, no `browser.*`: the background, the dashboard, the import and the bench share it.
 */
import type { InteractionInput, InteractionRecord } from '@/lib/log-record';
import type { LogTextMode } from '@/lib/settings';
import { sha256HexSync } from './sha256';

/** What replaces each masked span in 'redacted' mode: a fixed token so the length of a name leaks nothing. */
export const REDACTION_MARK = '[redacted]';

/** A record as stored: its position in its workstation's chain (`seq`) travels with it. */
export type StoredRecord = InteractionRecord & { seq: number };

/** SHA-256 of a string as lowercase hex (WebCrypto: present in service workers, pages and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const bytes = new Uint8Array(digest);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * The fields the hash covers, in a fixed order. `seq` and `hash` are left out on purpose: `seq`
 * arrived with schema v2 and records written under v1 must still verify; the order is already
 * bound by `prevHash`.
 */
export function canonicalRecord(r: Omit<InteractionRecord, 'hash'>): string {
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
    r.textHash,
    r.durationMs,
    r.extensionVersion,
    r.prevHash,
  ]);
}

/** The hash a record must carry: SHA-256 over its canonical fields, `prevHash` included. */
export function recordHash(r: Omit<InteractionRecord, 'hash'>): Promise<string> {
  return sha256Hex(canonicalRecord(r));
}

/** The same hash, synchronously (bulk verification: see sha256.ts for why). */
export function recordHashSync(r: Omit<InteractionRecord, 'hash'>): string {
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
  // Redacted without spans: a risky reply whose risky parts are unknown is not kept at all,
  // because keeping it whole would defeat the setting.
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

/** Everything a new record needs besides the input. */
export interface RecordContext {
  id: string;
  time: number;
  staff: string;
  textMode: LogTextMode;
  extensionVersion: string;
  prevHash: string;
  seq: number;
}

/** The record's fields before hashing. */
function recordBase(input: InteractionInput, ctx: RecordContext, textHash: string): Omit<InteractionRecord, 'hash'> {
  return {
    id: ctx.id,
    time: ctx.time,
    site: input.site,
    pageKind: input.pageKind,
    url: stripUrl(input.url),
    verdict: input.verdict,
    categories: [...input.categories],
    rules: [...input.rules],
    outcome: input.outcome,
    reason: input.reason ?? '',
    staff: ctx.staff,
    text: textForLog(input, ctx.textMode),
    textHash,
    durationMs: Math.max(0, Math.round(input.durationMs ?? 0)),
    extensionVersion: ctx.extensionVersion,
    prevHash: ctx.prevHash,
  };
}

/** Builds a complete, hashed record from a content script's input (WebCrypto). */
export async function buildRecord(input: InteractionInput, ctx: RecordContext): Promise<StoredRecord> {
  const base = recordBase(input, ctx, await sha256Hex(input.text));
  return { ...base, hash: await recordHash(base), seq: ctx.seq };
}

/** The same record, hashed synchronously (bulk generation in tests and the bench). */
export function buildRecordSync(input: InteractionInput, ctx: RecordContext): StoredRecord {
  const base = recordBase(input, ctx, sha256HexSync(input.text));
  return { ...base, hash: recordHashSync(base), seq: ctx.seq };
}

/** The result of checking a chain. `firstBroken.index` is 0-based in chain order. */
export interface ChainStatus {
  ok: boolean;
  checked: number;
  /** Places where records are absent (only counted with `allowGaps`: a filtered export from another workstation). */
  gaps?: number;
  firstBroken?: { id: string; index: number; time: number; reason: string };
}

/**
 * Checks that every record's hash matches its fields and that each links to the one before.
 * `records` must be in chain order (by `seq`); `anchorHash` is the hash before the first one
 * ('' for a chain that starts at its beginning, or the last pruned record's hash).
 * With `allowGaps` (imported, possibly filtered files) a jump in `seq` is counted, not failed, and
 * links are checked only between neighbours; every record's own hash is still checked.
 * Runs in slices, yielding to the event loop between them, so a page stays responsive.
 */
export async function verifyRecords(
  records: readonly StoredRecord[],
  anchorHash = '',
  { allowGaps = false }: { allowGaps?: boolean } = {},
): Promise<ChainStatus> {
  const SLICE = 5000;
  let gaps = 0;
  for (let start = 0; start < records.length; start += SLICE) {
    if (start) await new Promise((resolve) => setTimeout(resolve, 0));
    const end = Math.min(records.length, start + SLICE);
    for (let index = start; index < end; index++) {
      const r = records[index]!;
      const before = index > 0 ? records[index - 1]! : undefined;
      const contiguous = before ? r.seq === before.seq + 1 : !allowGaps;
      let reason = '';
      if (!contiguous && allowGaps) {
        if (before) gaps++;
      } else if (r.prevHash !== (before ? before.hash : anchorHash)) {
        reason = 'it does not link to the record before it (a record was removed, added or reordered)';
      } else if (before && r.seq !== before.seq + 1) {
        reason = 'a record before it is missing';
      }
      if (!reason && recordHashSync(r) !== r.hash) reason = 'its contents were changed after it was written';
      if (reason) return { ok: false, checked: index, gaps, firstBroken: { id: r.id, index, time: r.time, reason } };
    }
  }
  return allowGaps ? { ok: true, checked: records.length, gaps } : { ok: true, checked: records.length };
}
