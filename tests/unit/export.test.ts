import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkpointSignature, makeCheckpoint } from '@/lib/audit/checkpoint';
import { verifyText } from '@/lib/audit/keys';
import { buildRecord, sha256Hex } from '@/lib/background/chain';
import {
  buildJsonExport,
  CSV_COLUMNS,
  type ExportHeader,
  type ExportRecord,
  escapeCell,
  exportFileName,
  linesDigest,
  toCsv,
  toJsonLines,
} from '@/lib/export';
import { freshDb, input } from './log-fixtures';

async function record(over: Partial<ExportRecord> = {}): Promise<ExportRecord> {
  const r = await buildRecord(input(), {
    id: 'id-1',
    time: Date.UTC(2026, 9, 5, 14, 30),
    staff: 'Dana',
    textMode: 'full',
    extensionVersion: '0.1.0',
    prevHash: '',
    seq: 1,
  });
  return { ...r, workstation: 'ws-front', ...over };
}

describe('CSV export', () => {
  it('has the contract header, ISO times and lists joined with "; "', async () => {
    const csv = toCsv([await record({ reviewer: 'Maria P.', link: 'https://biz.yelp.com/r/1', draftId: 'd-1' })]);
    const { data } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    const [header, row] = data;
    expect(header!.slice(0, 7)).toEqual(['time', 'site', 'verdict', 'categories', 'rules', 'outcome', 'reason']);
    // What an auditor needs to follow a record up comes next (issue #11).
    expect(header!.slice(7, 12)).toEqual(['reviewer', 'text', 'link', 'staff', 'draftId']);
    expect(header).toEqual([...CSV_COLUMNS]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('time')).toBe('2026-10-05T14:30:00.000Z');
    expect(cell('categories')).toBe('confirms-patient-status; care-details');
    expect(cell('rules')).toBe('visit-confirmation; procedure-mention');
    expect(cell('text')).toBe(input().text);
    expect(cell('workstation')).toBe('ws-front');
    expect(cell('reviewer')).toBe('Maria P.');
    expect(cell('link')).toBe('https://biz.yelp.com/r/1');
    expect(cell('draftId')).toBe('d-1');
  });

  it('quotes every cell, header included, so no spreadsheet can split one', async () => {
    const csv = toCsv([await record({ reason: 'plain', text: 'a;b' }), await record({ id: 'id-2', seq: 2 })]);
    const lines = csv.split('\r\n');
    for (const line of lines) {
      const cells = line.match(/("(?:[^"]|"")*"|[^,]+)(?=,|$)/g)!;
      expect(cells.length).toBe(CSV_COLUMNS.length);
      for (const c of cells) expect(c).toMatch(/^".*"$/s);
    }
  });

  it('escapes formulas after ";" segments and line breaks too (locales whose separator is ";")', () => {
    expect(escapeCell("Thanks;=cmd|' /C calc'!A0")).toBe("Thanks;'=cmd|' /C calc'!A0");
    expect(escapeCell('ok; +1; fine')).toBe("ok;' +1; fine");
    expect(escapeCell('line one\n@SUM(A1)')).toBe("line one\n'@SUM(A1)");
    expect(escapeCell('\t=1+1')).toBe("'\t=1+1");
    expect(escapeCell('  =1+1')).toBe("'  =1+1");
    expect(escapeCell('a; b; c')).toBe('a; b; c');
  });

  it('neutralizes formulas in every text cell', async () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const payload of evil) {
      const csv = toCsv([
        await record({ reason: payload, staff: payload, text: payload, reviewer: payload, link: payload }),
      ]);
      const { data } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
      const [header, row] = data;
      for (const col of ['reason', 'staff', 'text', 'reviewer', 'link'])
        expect(row![header!.indexOf(col)]).toBe(`'${payload}`);
    }
    expect(escapeCell('Thanks =)')).toBe('Thanks =)');
    expect(escapeCell('')).toBe('');
  });

  it('keeps quotes, commas and line breaks inside their cell', async () => {
    const text = 'Line one, "quoted"\nline two';
    const { data } = Papa.parse<string[]>(toCsv([await record({ text })]), { skipEmptyLines: true });
    expect(data).toHaveLength(2);
    expect(data[1]![CSV_COLUMNS.indexOf('text')]).toBe(text);
  });

  it('writes just the header for an empty log', () => {
    expect(toCsv([]).trimEnd().split('\r\n')).toEqual([CSV_COLUMNS.map((c) => `"${c}"`).join(',')]);
  });
});

describe('JSON Lines export', () => {
  it('writes one record a line with every field', async () => {
    const rs = [await record(), await record({ id: 'id-2', seq: 2 })];
    const lines = toJsonLines(rs).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual(rs[1]);
  });

  it('starts with a signed header that carries the checkpoint and a digest of the record lines', async () => {
    const db = freshDb();
    const rs = [await record(), await record({ id: 'id-2', seq: 2 })];
    const checkpoint = makeCheckpoint('ws-front', rs, { hash: '', seq: 0 });
    const text = await buildJsonExport(rs, { workstation: 'ws-front', checkpoint, filtered: false, db });
    const [first, ...lines] = text.trimEnd().split('\n');
    const header = JSON.parse(first!) as ExportHeader;
    expect(header).toMatchObject({
      format: 'reply-guard-log',
      version: 2,
      workstation: 'ws-front',
      count: 2,
      filtered: false,
    });
    expect(header.checkpoint).toEqual(checkpoint);
    expect(header.digest).toBe(await linesDigest(lines));
    expect(lines.map((l) => JSON.parse(l))).toEqual(rs);
    const { signature, keyId: _k, publicKey, ...rest } = header;
    expect(await verifyText(canonicalJson(rest), signature!, publicKey!)).toBe(true);
    // Any change to the header breaks the signature.
    expect(await verifyText(canonicalJson({ ...rest, count: 3 }), signature!, publicKey!)).toBe(false);
    // The private key never leaves: the header holds only the public half.
    expect(Object.keys(publicKey!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(await checkpointSignature(checkpoint)).toBe('none');
    expect(header.digest).not.toBe(await sha256Hex(''));
    db.close();
    await db.delete();
  });

  it('names files by date', () => {
    expect(exportFileName('csv', new Date(Date.UTC(2026, 0, 2)))).toBe('reply-guard-log-2026-01-02.csv');
  });
});
