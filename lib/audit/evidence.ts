/**
 * "Verify against a checkpoint" (issue #11), the library side the dashboard calls: reads whatever
 * earlier evidence the manager kept (a checkpoint file, the one-line text form from a printed
 * report or an e-mail, or a whole earlier JSON export) and checks a log as it is now against it.
 */

import type { StoredRecord } from '@/lib/background/chain';
import { getDb, type LogDb } from '@/lib/db';
import { parseJsonLines } from '@/lib/import';
import {
  type Checkpoint,
  type CheckpointReport,
  checkpointSignature,
  parseCheckpointText,
  validateCheckpoint,
  verifyAgainstCheckpoint,
} from './checkpoint';
import { readChain, workstationId } from './local-chain';

/** Earlier evidence: a checkpoint, with the records of an earlier export when there was one. */
export interface Evidence {
  checkpoint: Checkpoint;
  /** The exporting workstation's own records in that export (seq order). */
  records?: StoredRecord[];
  /** Whether the checkpoint carried a valid signature ('none' for the text form or an old file). */
  signature: 'valid' | 'none';
  /** What the evidence was, for the report. */
  source: 'checkpoint' | 'checkpoint-text' | 'export';
}

/**
 * Reads earlier evidence from text. Throws an Error with a message for people when it is none of
 * the accepted forms, or when its signature does not match (it was edited).
 */
export async function parseEvidence(text: string): Promise<Evidence> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new Error('The file is empty.');
  const firstLine = trimmed.split(/\r?\n/, 1)[0]!;
  // A whole (possibly pretty-printed) checkpoint file, else the first line of an export.
  let first: unknown;
  for (const candidate of [trimmed, firstLine]) {
    try {
      first = JSON.parse(candidate);
      break;
    } catch {
      first = undefined;
    }
  }
  const f = first as { format?: unknown } | undefined;
  if (f?.format === 'reply-guard-checkpoint') {
    const checkpoint = validateCheckpoint(first);
    const sig = await checkpointSignature(checkpoint);
    if (sig === 'invalid') throw new Error('This checkpoint does not match its signature: it was edited.');
    return { checkpoint, signature: sig, source: 'checkpoint' };
  }
  if (f?.format === 'reply-guard-log') {
    const parsed = parseJsonLines(trimmed, 'export');
    const cp = parsed.header?.checkpoint;
    if (!cp) throw new Error('This export has no checkpoint (it was made before checkpoints existed).');
    const checkpoint = validateCheckpoint(cp);
    const sig = await checkpointSignature(checkpoint);
    if (sig === 'invalid')
      throw new Error('The checkpoint in this export does not match its signature: it was edited.');
    const records = parsed.records
      .filter((r) => r.workstation === checkpoint.workstation)
      .sort((a, b) => a.seq - b.seq);
    return { checkpoint, records, signature: sig, source: 'export' };
  }
  const fromText = parseCheckpointText(trimmed);
  if (fromText) return { checkpoint: fromText, signature: 'none', source: 'checkpoint-text' };
  throw new Error(
    'This is not a Reply Guard checkpoint or log export. Use a checkpoint file, the "Reply Guard checkpoint …" line of a report, or an "Export JSON" file.',
  );
}

/**
 * Checks a log now against earlier evidence: this browser's own log when the evidence is of this
 * workstation, else the records imported from that workstation.
 */
export async function verifyAgainstEvidence(
  evidence: Evidence,
  db: LogDb = getDb(),
  now = Date.now(),
): Promise<CheckpointReport> {
  const ws = evidence.checkpoint.workstation;
  if (ws === (await workstationId(db))) {
    const { records, anchor } = await readChain(db);
    return verifyAgainstCheckpoint(evidence, { workstation: ws, records, anchor }, now);
  }
  const records = await db.imported.where('workstation').equals(ws).sortBy('seq');
  return verifyAgainstCheckpoint(evidence, { workstation: ws, records }, now);
}
