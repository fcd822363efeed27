import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildRecord } from '@/lib/background/chain';
import { CSV_COLUMNS, type ExportRecord, escapeCell, exportFileName, toCsv, toJsonLines } from '@/lib/export';
import { input } from './log-fixtures';

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
    const csv = toCsv([await record()]);
    const { data } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    const [header, row] = data;
    expect(header!.slice(0, 7)).toEqual(['time', 'site', 'verdict', 'categories', 'rules', 'outcome', 'reason']);
    expect(header).toEqual([...CSV_COLUMNS]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('time')).toBe('2026-10-05T14:30:00.000Z');
    expect(cell('categories')).toBe('confirms-patient-status; care-details');
    expect(cell('rules')).toBe('visit-confirmation; procedure-mention');
    expect(cell('text')).toBe(input().text);
    expect(cell('workstation')).toBe('ws-front');
  });

  it('neutralizes formulas in every text cell', async () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const payload of evil) {
      const csv = toCsv([await record({ reason: payload, staff: payload, text: payload })]);
      const { data } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
      const [header, row] = data;
      for (const col of ['reason', 'staff', 'text']) expect(row![header!.indexOf(col)]).toBe(`'${payload}`);
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
    expect(toCsv([]).trimEnd().split('\r\n')).toEqual([CSV_COLUMNS.join(',')]);
  });
});

describe('JSON Lines export', () => {
  it('writes one record a line with every field', async () => {
    const rs = [await record(), await record({ id: 'id-2', seq: 2 })];
    const lines = toJsonLines(rs).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual(rs[1]);
  });

  it('names files by date', () => {
    expect(exportFileName('csv', new Date(Date.UTC(2026, 0, 2)))).toBe('reply-guard-log-2026-01-02.csv');
  });
});
