/**
 * Reading this workstation's own chain (issue #11): its anchor, id, records, verification and
 * checkpoint. Kept apart from lib/log.ts (the writer) so the dashboard can use it without the
 * rules engine the writer needs to redact reasons.
 */

import { type ChainAnchor, type ChainStatus, type StoredRecord, verifyLocalChain } from '@/lib/background/chain';
import { getDb, type LogDb } from '@/lib/db';
import { type Checkpoint, checkpointOf, signCheckpoint } from './checkpoint';

/** The anchor retention left, or the chain's beginning. */
export async function readAnchor(db: LogDb = getDb()): Promise<ChainAnchor> {
  const row = await db.meta.get('anchor');
  return (row?.value as ChainAnchor | undefined) ?? { hash: '', seq: 0 };
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

/** This workstation's chain in order, with its anchor. */
export async function readChain(db: LogDb = getDb()): Promise<{ records: StoredRecord[]; anchor: ChainAnchor }> {
  const [records, anchor] = await Promise.all([db.interactions.orderBy('seq').toArray(), readAnchor(db)]);
  return { records, anchor };
}

/** Verifies this workstation's chain from the retention anchor to the newest record. */
export async function verifyChain(db: LogDb = getDb()): Promise<ChainStatus> {
  const { records, anchor } = await readChain(db);
  return verifyLocalChain(records, anchor);
}

/** This workstation's checkpoint now (the chain's head), signed with its key. */
export async function currentCheckpoint(db: LogDb = getDb(), now = Date.now()): Promise<Checkpoint> {
  const [ws, first, last, count, anchor] = await Promise.all([
    workstationId(db),
    db.interactions.orderBy('seq').first(),
    db.interactions.orderBy('seq').last(),
    db.interactions.count(),
    readAnchor(db),
  ]);
  return signCheckpoint(checkpointOf(ws, { first, last, count }, anchor, now), db);
}
