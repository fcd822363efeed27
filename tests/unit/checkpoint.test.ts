import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Checkpoint,
  checkpointFile,
  checkpointSignature,
  checkpointText,
  parseCheckpointText,
  validateCheckpoint,
  verifyAgainstCheckpoint,
} from '@/lib/audit/checkpoint';
import { parseEvidence, verifyAgainstEvidence } from '@/lib/audit/evidence';
import { currentCheckpoint, readChain, workstationId } from '@/lib/audit/local-chain';
import { buildRecordSync, recordHashSync, type StoredRecord } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import { buildJsonExport } from '@/lib/export';
import { importJsonLines, parseJsonLines } from '@/lib/import';
import { appendInteraction, pruneOlderThan, resetLogStateForTests, verifyChain } from '@/lib/log';
import { freshDb, input, logSettings } from './log-fixtures';

let db: LogDb;
beforeEach(() => {
  resetLogStateForTests();
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seed(n: number, time?: number) {
  for (let i = 0; i < n; i++) await appendInteraction(input({ durationMs: i }), logSettings(), db, time);
}

/** The log as it is now, checked against `cp`. */
async function check(cp: Checkpoint, records?: StoredRecord[]) {
  const { records: current, anchor } = await readChain(db);
  return verifyAgainstCheckpoint(
    { checkpoint: cp, records },
    { workstation: await workstationId(db), records: current, anchor },
  );
}

/** Rebuilds the chain from `from` on, as someone covering an edit would: every later hash recomputed. */
function rechain(records: StoredRecord[], from: number): StoredRecord[] {
  const out = records.slice(0, from);
  let prev = out.at(-1);
  for (const r of records.slice(from)) {
    const base = { ...r, prevHash: prev?.hash ?? '', seq: (prev?.seq ?? 0) + 1 };
    const { hash: _h, ...rest } = base;
    const next = { ...base, hash: recordHashSync(rest) };
    out.push(next);
    prev = next;
  }
  return out;
}

describe('checkpoints', () => {
  it('are signed by the workstation and survive a round trip through their text form', async () => {
    await seed(3);
    const cp = await currentCheckpoint(db);
    expect(cp).toMatchObject({ format: 'reply-guard-checkpoint', version: 1, seq: 3, records: 3, firstSeq: 1 });
    expect(await checkpointSignature(cp)).toBe('valid');
    expect(await checkpointSignature({ ...cp, seq: 2 })).toBe('invalid');
    expect(validateCheckpoint(JSON.parse(JSON.stringify(cp)))).toEqual(cp);
    const text = checkpointText(cp);
    expect(text).toMatch(new RegExp(`^Reply Guard checkpoint ${cp.workstation} #3 sha256:${cp.hash} `));
    expect(parseCheckpointText(`Kept for the audit: ${text}`)).toMatchObject({
      workstation: cp.workstation,
      seq: 3,
      hash: cp.hash,
    });
    expect(() => validateCheckpoint({ ...cp, hash: 'x' })).toThrow(/damaged/);
  });

  it('a log that only grew is consistent with an earlier checkpoint', async () => {
    await seed(4);
    const cp = await currentCheckpoint(db);
    await seed(2);
    const report = await check(cp);
    expect(report).toMatchObject({ ok: true, added: 2, checkpointSeq: 4 });
    expect(report.summary).toMatch(/^Consistent with the checkpoint .* record #4 is unchanged, 2 records added since/);
  });

  it('finds the newest records deleted (truncation), though the shortened chain itself verifies', async () => {
    await seed(6);
    const cp = await currentCheckpoint(db);
    const { records } = await readChain(db);
    await db.interactions.bulkDelete(records.slice(3).map((r) => r.id));
    // The chain alone cannot tell: what is left links up.
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 3 });
    const report = await check(cp);
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ kind: 'truncated', fromSeq: 4, toSeq: 6 });
    expect(report.summary).toMatch(/Records #4 to #6 are missing/);
  });

  it('finds a wiped log, even when new records were written since', async () => {
    await seed(5);
    const cp = await currentCheckpoint(db);
    await db.interactions.clear();
    await db.meta.delete('anchor');
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 0 });
    expect((await check(cp)).findings[0]).toMatchObject({ kind: 'wiped', problem: true });
    await seed(2, Date.now() + 1000);
    const report = await check(cp);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toContain('wiped');
  });

  it('finds a chain rebuilt after an edit (every hash recomputed), and which records of an export changed', async () => {
    await seed(6);
    const cp = await currentCheckpoint(db);
    const { records } = await readChain(db);
    const edited = records.map((r, i) => (i === 2 ? { ...r, outcome: 'edited' as const, reason: 'rewritten' } : r));
    const forged = rechain(edited, 2);
    await db.interactions.bulkPut(forged);
    // The rebuilt chain verifies on its own: only the checkpoint shows it.
    expect((await verifyChain(db)).ok).toBe(true);
    const report = await check(cp, records);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['rebuilt', 'changed']));
    expect(report.findings.find((f) => f.kind === 'changed')).toMatchObject({ fromSeq: 3, toSeq: 6 });
  });

  it('reports records deleted by logged retention as such, not as a problem', async () => {
    const now = Date.now();
    await seed(3, now - 800 * 86_400_000);
    const cp = await currentCheckpoint(db);
    const { records: before } = await readChain(db);
    await seed(20, now);
    expect(await pruneOlderThan(400, db, now)).toBe(3);
    const report = await check(cp, before);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'pruned', problem: false, fromSeq: 1, toSeq: 3 }),
    ]);
  });

  it('flags a prune run under a clock set ahead, and records dated in the future', async () => {
    const now = Date.now();
    const DAY = 86_400_000;
    await seed(3, now - 30 * DAY);
    const cp = await currentCheckpoint(db);
    // Twenty records written while the clock was 401 days ahead, then retention under that clock.
    await seed(20, now + 401 * DAY);
    expect(await pruneOlderThan(365, db, now + 401 * DAY)).toBe(3);
    const { records, anchor } = await readChain(db);
    const report = await verifyAgainstCheckpoint(
      { checkpoint: cp },
      { workstation: await workstationId(db), records, anchor },
      now,
    );
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['pruned', 'pruned-early', 'future']));
    expect(report.summary).toMatch(/clock was probably set ahead/);
  });

  it('checks an imported log against the checkpoint of an earlier export: a forged, re-chained file shows', async () => {
    const source = freshDb();
    for (let i = 0; i < 5; i++) await appendInteraction(input({ durationMs: i }), logSettings(), source);
    const ws = await workstationId(source);
    const original = (await source.interactions.orderBy('seq').toArray()).map((r) => ({ ...r, workstation: ws }));
    const firstExport = await buildJsonExport(original, {
      workstation: ws,
      checkpoint: await currentCheckpoint(source),
      filtered: false,
      db: source,
    });
    const earlier = parseJsonLines(firstExport, 'x');
    // Later someone deletes record #2 and re-chains the rest into an unsigned file.
    const forged = rechain(
      original.filter((r) => r.seq !== 2),
      1,
    ).map((r) => ({ ...r, workstation: ws }));
    await importJsonLines(forged.map((r) => JSON.stringify(r)).join('\n'), 'later.jsonl', db, {
      record: async () => undefined,
    });
    const current = await db.imported.where('workstation').equals(ws).sortBy('seq');
    const report = await verifyAgainstCheckpoint(
      { checkpoint: earlier.header!.checkpoint, records: earlier.records },
      { workstation: ws, records: current },
    );
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['truncated', 'changed']));
    source.close();
    await source.delete();
  });

  it('says when a checkpoint is of another workstation', async () => {
    await seed(1);
    const cp = { ...(await currentCheckpoint(db)), workstation: 'ws-someone' };
    expect((await check(cp)).findings[0]).toMatchObject({ kind: 'other-workstation' });
    // A record built elsewhere does not match the checkpoint's hash.
    const r = buildRecordSync(input(), {
      id: crypto.randomUUID(),
      time: Date.now(),
      staff: '',
      textMode: 'full',
      extensionVersion: '',
      prevHash: '',
      seq: 1,
    });
    expect(r.hash).not.toBe(cp.hash);
  });

  it('reads earlier evidence in every form the manager may have kept, and refuses an edited one', async () => {
    await seed(4);
    const ws = await workstationId(db);
    const cp = await currentCheckpoint(db);
    const records = (await readChain(db)).records.map((r) => ({ ...r, workstation: ws }));
    const exportText = await buildJsonExport(records, { workstation: ws, checkpoint: cp, filtered: false, db });
    const fromExport = await parseEvidence(exportText);
    expect(fromExport).toMatchObject({ source: 'export', signature: 'valid', checkpoint: { seq: 4 } });
    expect(fromExport.records).toHaveLength(4);
    expect(await parseEvidence(JSON.stringify(cp))).toMatchObject({ source: 'checkpoint', signature: 'valid' });
    expect(await parseEvidence(checkpointFile(cp))).toMatchObject({ source: 'checkpoint', signature: 'valid' });
    expect(await parseEvidence(`printed on the Q3 report:\n${checkpointText(cp)}`)).toMatchObject({
      source: 'checkpoint-text',
      checkpoint: { seq: 4, hash: cp.hash },
    });
    await expect(parseEvidence(JSON.stringify({ ...cp, seq: 2 }))).rejects.toThrow(/does not match its signature/);
    await expect(parseEvidence('hello')).rejects.toThrow(/not a Reply Guard checkpoint/);
    // Then the log is truncated: the export kept elsewhere shows it.
    const { records: now } = await readChain(db);
    await db.interactions.delete(now.at(-1)!.id);
    const report = await verifyAgainstEvidence(fromExport, db);
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ kind: 'truncated', fromSeq: 4, toSeq: 4 });
  });
});
