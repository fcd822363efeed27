import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StoredRecord, verifyRecords } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import { type ExportRecord, toJsonLines } from '@/lib/export';
import { ImportError, importJsonLines } from '@/lib/import';
import { appendInteraction, resetLogStateForTests } from '@/lib/log';
import { freshDb, input, logSettings } from './log-fixtures';

let source: LogDb;
let target: LogDb;
beforeEach(() => {
  resetLogStateForTests();
  source = freshDb();
  target = freshDb();
});
afterEach(async () => {
  for (const db of [source, target]) {
    db.close();
    await db.delete();
  }
});

/** A log of `n` records written on another workstation, as exported. */
async function otherWorkstation(n: number, workstation = 'ws-frontdesk2'): Promise<ExportRecord[]> {
  for (let i = 0; i < n; i++) {
    await appendInteraction(
      input({ outcome: i % 2 ? 'overridden' : 'edited', reason: i % 2 ? `Reason, "${i}"\nsecond line` : undefined }),
      logSettings('redacted'),
      source,
    );
  }
  return (await source.interactions.orderBy('seq').toArray()).map((r) => ({ ...r, workstation }));
}

describe('import of JSON Lines', () => {
  it('round-trips every field of every record', async () => {
    const exported = await otherWorkstation(5);
    const summary = await importJsonLines(toJsonLines(exported), 'frontdesk2.jsonl', target);
    expect(summary).toEqual({ added: 5, duplicates: 0, workstations: ['ws-frontdesk2'] });
    const back = await target.imported
      .where('[workstation+seq]')
      .between(['ws-frontdesk2', 0], ['ws-frontdesk2', Infinity])
      .toArray();
    expect(back).toEqual(exported);
    // The imported chain verifies as its own chain; local records are untouched.
    expect(await verifyRecords(back as StoredRecord[])).toEqual({ ok: true, checked: 5 });
    expect(await target.interactions.count()).toBe(0);
  });

  it('dedupes by id, against earlier imports and within the file', async () => {
    const exported = await otherWorkstation(3);
    await importJsonLines(toJsonLines(exported.slice(0, 2)), 'a.jsonl', target);
    const again = await importJsonLines(toJsonLines([...exported, exported[0]!]), 'b.jsonl', target);
    expect(again).toEqual({ added: 1, duplicates: 3, workstations: ['ws-frontdesk2'] });
    expect(await target.imported.count()).toBe(3);
  });

  it("skips records that are already this workstation's own", async () => {
    await appendInteraction(input(), logSettings(), target);
    const own = (await target.interactions.toArray()).map((r) => ({ ...r, workstation: 'ws-here' }));
    expect(await importJsonLines(toJsonLines(own), 'own.jsonl', target)).toMatchObject({ added: 0, duplicates: 1 });
  });

  it('names records from files without a workstation after the file', async () => {
    const [r] = await otherWorkstation(1);
    const { workstation: _w, ...bare } = r!;
    await importJsonLines(`${JSON.stringify(bare)}\n`, 'reception-pc.jsonl', target);
    expect((await target.imported.toArray())[0]!.workstation).toBe('reception-pc');
  });

  it('refuses a corrupt file, names the line, and changes nothing', async () => {
    const exported = await otherWorkstation(4);
    await importJsonLines(toJsonLines(exported.slice(0, 1)), 'first.jsonl', target);
    const before = await target.imported.toArray();
    const lines = toJsonLines(exported).split('\n');
    const cases: Array<[string, RegExp]> = [
      [[lines[0], lines[1], '{"id": "broken', lines[3]].join('\n'), /^Line 3 is not valid JSON/],
      [[lines[0], JSON.stringify({ ...exported[1], verdict: 'maybe' })].join('\n'), /^Line 2: the field "verdict"/],
      [[lines[0], lines[1], '[1,2]'].join('\n'), /^Line 3 is not a log record/],
      [[lines[0], JSON.stringify({ ...exported[2], hash: 'not-a-hash' })].join('\n'), /^Line 2: the field "hash"/],
      ['', /no log records/],
      ['time,site,verdict\n2026-01-01,google,ok', /^Line 1 is not valid JSON/],
    ];
    for (const [text, message] of cases) {
      const err = await importJsonLines(text, 'bad.jsonl', target).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as Error).message).toMatch(message);
    }
    expect(await target.imported.toArray()).toEqual(before);
  });

  it("detects a record altered on the way, per workstation, while allowing a filtered export's gaps", async () => {
    const exported = await otherWorkstation(6);
    const filtered = exported.filter((r) => r.seq !== 3);
    filtered[3] = { ...filtered[3]!, reason: 'changed in transit' };
    await importJsonLines(toJsonLines(filtered), 'x.jsonl', target);
    const back = await target.imported
      .where('[workstation+seq]')
      .between(['ws-frontdesk2', 0], ['ws-frontdesk2', Infinity])
      .toArray();
    const status = await verifyRecords(back, '', { allowGaps: true });
    expect(status).toMatchObject({ ok: false, gaps: 1, firstBroken: { index: 3, id: filtered[3]!.id } });
    const clean = await verifyRecords(back.slice(0, 3), '', { allowGaps: true });
    expect(clean).toEqual({ ok: true, checked: 3, gaps: 1 });
  });
});
