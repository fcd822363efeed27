/**
 * Reads the evidence for "Verify against a checkpoint" (issue #11): a checkpoint file, a JSON
 * export (its header carries the checkpoint and its records are compared one by one), an export
 * from before checkpoints (its newest record serves as one), or the checkpoint line printed on
 * every report, pasted. Evidence that was itself altered is refused with a message, never used.
 * Kept here rather than in lib/import.ts (the log core's) because only the dashboard needs it.
 */
import {
  CHECKPOINT_FORMAT,
  type Checkpoint,
  canonicalJson,
  checkpointSignature,
  makeCheckpoint,
  parseCheckpointText,
  validateCheckpoint,
} from '@/lib/audit/checkpoint';
import { keyIdOf, verifyText } from '@/lib/audit/keys';
import type { StoredRecord } from '@/lib/background/chain';
import { type ExportHeader, LOG_FILE_FORMAT, linesDigest } from '@/lib/export';
import { MAX_IMPORT_BYTES, parseJsonLines } from '@/lib/import';

/** What the evidence is, for the sentence that introduces the result. */
export type EvidenceKind = 'checkpoint' | 'export' | 'old-export' | 'text';

/** A checkpoint to compare against, and the records the evidence held (exports only). */
export interface Evidence {
  kind: EvidenceKind;
  checkpoint: Checkpoint;
  records?: StoredRecord[];
  /** 'valid' when its signature checks, 'none' when it carries none (typed text, old export). */
  signature: 'valid' | 'none';
  /** The signing key's id, when signed. */
  keyId: string;
}

/** Evidence that cannot be used; the message says why, for people. */
export class EvidenceError extends Error {}

/** Reads evidence from a file's or a paste's text. */
export async function readEvidence(text: string, now = Date.now()): Promise<Evidence> {
  if (text.length > MAX_IMPORT_BYTES) throw new EvidenceError('This file is too large to be a Reply Guard export.');
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new EvidenceError('Nothing to check: the file or the text is empty.');
  const firstLine = body.split(/\r?\n/, 1)[0]!;
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  const whole = first === undefined && firstLine !== body ? tryJson(body) : first;
  if (isObj(whole) && whole.format === CHECKPOINT_FORMAT) return signed('checkpoint', checked(whole));
  if (isObj(first) && (first.format === LOG_FILE_FORMAT || 'hash' in first)) return fromExport(body, now);
  const cp = parseCheckpointText(body);
  if (cp) return { kind: 'text', checkpoint: cp, signature: 'none', keyId: '' };
  throw new EvidenceError(
    'This is not a Reply Guard checkpoint or log export. Choose a checkpoint file, an "Export JSON" file, or paste the checkpoint line printed on a report.',
  );
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checked(raw: unknown): Checkpoint {
  try {
    return validateCheckpoint(raw);
  } catch (e) {
    throw new EvidenceError((e as Error).message);
  }
}

async function signed(kind: EvidenceKind, cp: Checkpoint, records?: StoredRecord[]): Promise<Evidence> {
  const sig = await checkpointSignature(cp);
  if (sig === 'invalid') {
    throw new EvidenceError('The checkpoint does not match its signature: it was changed after it was made.');
  }
  return {
    kind,
    checkpoint: cp,
    records,
    signature: sig,
    keyId: sig === 'valid' && cp.publicKey ? await keyIdOf(cp.publicKey) : '',
  };
}

/** An export: its header's checkpoint and its own records; the file must be as exported. */
async function fromExport(body: string, now: number): Promise<Evidence> {
  let parsed: ReturnType<typeof parseJsonLines>;
  try {
    parsed = parseJsonLines(body, 'earlier-export', now);
  } catch (e) {
    throw new EvidenceError(`This export cannot be used as evidence: ${(e as Error).message}`);
  }
  const h = parsed.header;
  if (!h) {
    // An export from before checkpoints: its newest record of the busiest workstation is one.
    const counts = new Map<string, number>();
    for (const r of parsed.records) counts.set(r.workstation, (counts.get(r.workstation) ?? 0) + 1);
    const ws = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const records = parsed.records.filter((r) => r.workstation === ws).sort((a, b) => a.seq - b.seq);
    const cp = makeCheckpoint(ws, records, { hash: '', seq: 0 }, records.at(-1)!.time);
    return {
      kind: 'old-export',
      checkpoint: { ...cp, records: 0, firstSeq: 0 },
      records,
      signature: 'none',
      keyId: '',
    };
  }
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(1);
  if (lines.length !== h.count || (await linesDigest(lines)) !== h.digest) {
    throw new EvidenceError(
      'The records in this export are not the ones it was exported with (lines were added, removed or edited), so it cannot be used as evidence.',
    );
  }
  if (h.signature && h.publicKey) {
    const { signature: _s, keyId: _k, publicKey: _p, ...rest } = h as ExportHeader;
    if (!(await verifyText(canonicalJson(rest), h.signature, h.publicKey))) {
      throw new EvidenceError('This export does not match its signature: it was changed after it was exported.');
    }
  }
  const cp = checked(h.checkpoint);
  const records = parsed.records.filter((r) => r.workstation === cp.workstation).sort((a, b) => a.seq - b.seq);
  return signed('export', cp, records);
}
