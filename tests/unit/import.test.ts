import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerWorkstationKey, workstationKeyText } from '@/lib/audit/keys';
import { currentCheckpoint, workstationId } from '@/lib/audit/local-chain';
import { type StoredRecord, verifyRecords } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import { buildJsonExport, type ExportRecord, toJsonLines } from '@/lib/export';
import {
  ImportError,
  importedTrust,
  importFile,
  importJsonLines,
  MAX_IMPORT_BYTES,
  removeWorkstationRecords,
} from '@/lib/import';
import { appendInteraction, resetLogStateForTests } from '@/lib/log';
import type { AuditEventInput } from '@/lib/log-record';
import { freshDb, input, logSettings } from './log-fixtures';

let source: LogDb;
let target: LogDb;
let recorded: AuditEventInput[];
const record = async (e: AuditEventInput) => {
  recorded.push(e);
};
beforeEach(() => {
  resetLogStateForTests();
  source = freshDb();
  target = freshDb();
  recorded = [];
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

/** The source workstation's signed JSON export of its whole log. */
async function signedExport(n: number): Promise<{ text: string; ws: string; records: ExportRecord[] }> {
  await otherWorkstation(n);
  const ws = await workstationId(source);
  const records = (await source.interactions.orderBy('seq').toArray()).map((r) => ({ ...r, workstation: ws }));
  const text = await buildJsonExport(records, {
    workstation: ws,
    checkpoint: await currentCheckpoint(source),
    filtered: false,
    db: source,
  });
  return { text, ws, records };
}

const imported = (db: LogDb, ws: string) =>
  db.imported.where('[workstation+seq]').between([ws, 0], [ws, Number.POSITIVE_INFINITY]).toArray();

describe('import of JSON Lines', () => {
  it('round-trips every field of every record; a bare file is imported as unsigned, never verified', async () => {
    const exported = await otherWorkstation(5);
    const summary = await importJsonLines(toJsonLines(exported), 'frontdesk2.jsonl', target, { record });
    expect(summary).toMatchObject({ added: 5, duplicates: 0, workstations: ['ws-frontdesk2'], trust: 'unsigned' });
    expect(summary.message).toMatch(/unsigned: where it came from cannot be verified/);
    const back = await imported(target, 'ws-frontdesk2');
    expect(back).toEqual(exported);
    // The imported chain verifies as its own chain; local records are untouched.
    expect(await verifyRecords(back as StoredRecord[])).toEqual({ ok: true, checked: 5 });
    expect(await target.interactions.count()).toBe(0);
    expect((await importedTrust(target)).get('ws-frontdesk2')).toEqual({ trust: 'unsigned', keyId: '' });
    // The import itself is recorded in this workstation's chain.
    expect(recorded).toEqual([
      expect.objectContaining({
        outcome: 'log-imported',
        detail: expect.objectContaining({ added: 5, trust: 'unsigned' }),
      }),
    ]);
  });

  it('dedupes by id, against earlier imports and within the file', async () => {
    const exported = await otherWorkstation(3);
    await importJsonLines(toJsonLines(exported.slice(0, 2)), 'a.jsonl', target, { record });
    const again = await importJsonLines(toJsonLines(exported), 'b.jsonl', target, { record });
    expect(again).toMatchObject({ added: 1, duplicates: 2, workstations: ['ws-frontdesk2'] });
    expect(await target.imported.count()).toBe(3);
  });

  it("skips records that are already this workstation's own", async () => {
    await appendInteraction(input(), logSettings(), target);
    const ws = await workstationId(target);
    const own = (await target.interactions.toArray()).map((r) => ({ ...r, workstation: ws }));
    expect(await importJsonLines(toJsonLines(own), 'own.jsonl', target, { record })).toMatchObject({
      added: 0,
      duplicates: 1,
    });
  });

  it('a file cannot call itself this browser', async () => {
    const exported = await otherWorkstation(2);
    const local = await workstationId(target);
    for (const name of [local, 'This browser', 'this workstation']) {
      const text = toJsonLines(exported.map((r) => ({ ...r, workstation: name })));
      const err = await importJsonLines(text, 'x.jsonl', target, { record }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
    }
    const err = await importJsonLines(
      toJsonLines(exported.map((r) => ({ ...r, workstation: local }))),
      'x.jsonl',
      target,
      {
        record,
      },
    ).catch((e: Error) => e.message);
    expect(err).toMatch(/says its records come from this browser/);
    expect(await target.imported.count()).toBe(0);
  });

  it('names records from files without a workstation after the file', async () => {
    const [r] = await otherWorkstation(1);
    const { workstation: _w, ...bare } = r!;
    await importJsonLines(`${JSON.stringify(bare)}\n`, 'reception-pc.jsonl', target, { record });
    expect((await target.imported.toArray())[0]!.workstation).toBe('reception-pc');
  });

  it('refuses a corrupt file, names the line, and changes nothing', async () => {
    const exported = await otherWorkstation(4);
    await importJsonLines(toJsonLines(exported.slice(0, 1)), 'first.jsonl', target, { record });
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
      const err = await importJsonLines(text, 'bad.jsonl', target, { record }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as Error).message).toMatch(message);
    }
    expect(await target.imported.toArray()).toEqual(before);
  });

  it('refuses the time bomb (time 9007199254740991) and dates before 2000 with a clear message', async () => {
    const [a, b] = await otherWorkstation(2);
    for (const time of [9_007_199_254_740_991, Date.now() + 30 * 86_400_000, Date.UTC(1999, 11, 31), 0, -1]) {
      const text = toJsonLines([a!, { ...b!, time }]);
      const err = await importJsonLines(text, 'bomb.jsonl', target, { record }).catch((e: Error) => e.message);
      expect(err).toMatch(/^Line 2: the time .* is not a plausible date/);
    }
    expect(await target.imported.count()).toBe(0);
  });

  it('counts seq jumps as gaps but refuses repeats and regressions', async () => {
    const exported = await otherWorkstation(4);
    const text = (rs: ExportRecord[]) => toJsonLines(rs);
    const repeat = await importJsonLines(
      text([exported[0]!, exported[1]!, { ...exported[2]!, seq: 2 }]),
      'r.jsonl',
      target,
      {
        record,
      },
    ).catch((e: Error) => e.message);
    expect(repeat).toMatch(/^Line 3: record #2 of ws-frontdesk2 appears twice/);
    const back = await importJsonLines(text([exported[2]!, exported[0]!]), 'b.jsonl', target, { record }).catch(
      (e: Error) => e.message,
    );
    expect(back).toMatch(/^Line 2: record #1 of ws-frontdesk2 comes after #3: record numbers go back/);
    expect(await target.imported.count()).toBe(0);
    // A filtered export (a jump forward) is fine.
    expect(await importJsonLines(text([exported[0]!, exported[3]!]), 'f.jsonl', target, { record })).toMatchObject({
      added: 2,
    });
    // The same record number with other contents, in a later file: two versions of one log.
    const forged = { ...exported[3]!, id: crypto.randomUUID(), reason: 'rewritten' };
    const clash = await importJsonLines(text([forged]), 'g.jsonl', target, { record }).catch((e: Error) => e.message);
    expect(clash).toMatch(/Record #4 of ws-frontdesk2 differs from the one imported before/);
  });

  it("detects a record altered on the way, per workstation, while allowing a filtered export's gaps", async () => {
    const exported = await otherWorkstation(6);
    const filtered = exported.filter((r) => r.seq !== 3);
    filtered[3] = { ...filtered[3]!, reason: 'changed in transit' };
    await importJsonLines(toJsonLines(filtered), 'x.jsonl', target, { record });
    const back = await imported(target, 'ws-frontdesk2');
    const status = await verifyRecords(back, '', { allowGaps: true });
    expect(status).toMatchObject({ ok: false, gaps: 1, firstBroken: { index: 3, id: filtered[3]!.id } });
    const clean = await verifyRecords(back.slice(0, 3), '', { allowGaps: true });
    expect(clean).toEqual({ ok: true, checked: 3, gaps: 1 });
  });

  it('refuses a file over the size cap before reading it', async () => {
    const text = vi.fn(async () => '');
    const huge = { name: 'huge.jsonl', size: MAX_IMPORT_BYTES + 1, text } as unknown as File;
    const err = await importFile(huge, target, { record }).catch((e: Error) => e.message);
    expect(err).toMatch(/the largest log file this dashboard reads is 128 MB/);
    expect(text).not.toHaveBeenCalled();
  });
});

describe('signed exports and registered workstation keys', () => {
  it('a file signed by a registered key is verified; by an unregistered key it is "unknown signer"', async () => {
    const { text, ws } = await signedExport(3);
    const unknown = await importJsonLines(text, 'a.jsonl', target, { record });
    expect(unknown).toMatchObject({ added: 3, trust: 'unknown-signer', workstations: [ws] });
    expect(unknown.message).toMatch(/not registered/);
    expect(unknown.checkpoint).toMatchObject({ workstation: ws, seq: 3 });

    // The manager registers the workstation's key, then imports its next export.
    const keyRow = await registerWorkstationKey(await workstationKeyText(ws, source), 'Front desk 2', target);
    expect(keyRow).toMatchObject({ workstation: ws, label: 'Front desk 2', keyId: unknown.keyId });
    await appendInteraction(input(), logSettings(), source);
    const next = await signedExport(0);
    const verified = await importJsonLines(next.text, 'b.jsonl', target, { record });
    expect(verified).toMatchObject({ added: 1, duplicates: 3, trust: 'verified' });
    // A workstation shows as verified only if every file that brought its records was.
    expect((await importedTrust(target)).get(ws)?.trust).toBe('unknown-signer');
  });

  it('refuses a signed file whose records or header were edited, and a forged unsigned file is never "verified"', async () => {
    const { text, ws } = await signedExport(3);
    await registerWorkstationKey(await workstationKeyText(ws, source), '', target);
    const [header, ...lines] = text.trimEnd().split('\n');
    const edited = lines.map((l, i) => (i === 1 ? l.replace('"outcome":"overridden"', '"outcome":"edited"') : l));
    expect(edited[1]).not.toBe(lines[1]);
    const e1 = await importJsonLines([header, ...edited].join('\n'), 'e.jsonl', target, { record }).catch(
      (e: Error) => e.message,
    );
    expect(e1).toMatch(/not the ones it was exported with/);
    const dropped = await importJsonLines([header, ...lines.slice(0, 2)].join('\n'), 'd.jsonl', target, {
      record,
    }).catch((e: Error) => e.message);
    expect(dropped).toMatch(/not the ones it was exported with/);
    const h = JSON.parse(header!);
    const renamed = JSON.stringify({ ...h, workstation: 'ws-boss' });
    const e2 = await importJsonLines([renamed, ...lines].join('\n'), 'r.jsonl', target, { record }).catch(
      (e: Error) => e.message,
    );
    expect(e2).toMatch(/does not match its signature|checkpoint is of another workstation/);
    // Re-signed with another key (a forger's): the key is not the registered one.
    const forger = freshDb();
    const forgedRecords = lines.map((l) => ({ ...JSON.parse(l), workstation: ws }));
    const forgedText = await buildJsonExport(forgedRecords, {
      workstation: ws,
      checkpoint: { ...h.checkpoint, keyId: undefined, publicKey: undefined, signature: undefined },
      filtered: false,
      db: forger,
    });
    expect(await importJsonLines(forgedText, 'f.jsonl', target, { record })).toMatchObject({ trust: 'unknown-signer' });
    forger.close();
    await forger.delete();
    // A hand-made JSONL claiming to be from that workstation: imported, but as unsigned.
    await target.imported.clear();
    await target.imports.clear();
    expect(await importJsonLines(lines.join('\n'), 'plain.jsonl', target, { record })).toMatchObject({
      trust: 'unsigned',
    });
    expect(await target.interactions.count()).toBe(0);
  });

  it('"remove this workstation\'s records" deletes them and records it', async () => {
    await importJsonLines(toJsonLines(await otherWorkstation(3)), 'a.jsonl', target, { record });
    const other = (await otherWorkstation(0, 'ws-other')).map((r) => ({ ...r, id: crypto.randomUUID() }));
    await importJsonLines(toJsonLines(other), 'b.jsonl', target, { record });
    expect(await target.imported.count()).toBe(6);
    expect(await removeWorkstationRecords('ws-frontdesk2', target, { record })).toBe(3);
    expect((await target.imported.toArray()).every((r) => r.workstation === 'ws-other')).toBe(true);
    expect(await target.imports.where('workstation').equals('ws-frontdesk2').count()).toBe(0);
    expect(recorded.at(-1)).toEqual({
      outcome: 'import-removed',
      detail: { workstation: 'ws-frontdesk2', records: 3 },
    });
  });
});
