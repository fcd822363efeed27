/**
 * The corpus ledger (issue #9): first looks are append-only, a batch is training data only once
 * its first look is recorded, and a broken ledger stops with a clear message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendRows,
  type LedgerRow,
  nextLook,
  pool,
  readLedger,
  recordedBatches,
  renderLedger,
} from '../../lib/cli/ledger';
import { batches } from '../../lib/train/corpus';

const rates = (recall: number, falseAlarms: number, violations = 100, safe = 100) => ({
  recall,
  falseAlarms,
  violations,
  safe,
});

function row(name: string, kind: LedgerRow['kind'] = 'batch', look?: number): LedgerRow {
  return {
    name,
    kind,
    recorded: '2026-12-01T05:00:00.000Z',
    method: 'shipped',
    trainedOn: 1000,
    n: 200,
    look,
    rules: rates(0.6, 0.1),
    model: rates(0.7, 0.02),
    combined: rates(0.8, 0.05),
    relaxed: rates(0.75, 0.04),
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  fs.mkdirSync(path.join(dir, 'tests/corpus/batches'), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ledger', () => {
  it('reads no rows when there is no ledger, and a clear error when it is broken', () => {
    const file = path.join(dir, 'tests/corpus/ledger.json');
    expect(readLedger(file)).toEqual([]);
    fs.writeFileSync(file, '{"rows": ');
    expect(() => readLedger(file)).toThrow(/not a readable ledger/);
  });

  it('only trains on batches whose first look is recorded', () => {
    const line = (id: string) => `${JSON.stringify({ id, text: 'We offer Saturday hours.', label: 'safe' })}\n`;
    fs.writeFileSync(path.join(dir, 'tests/corpus/batches/b01.jsonl'), line('b01-1'));
    fs.writeFileSync(path.join(dir, 'tests/corpus/batches/b02.jsonl'), line('b02-1'));
    fs.writeFileSync(path.join(dir, 'tests/corpus/ledger.json'), JSON.stringify({ rows: [row('b01')] }));
    expect(batches(dir).map(([n]) => n)).toEqual(['b01']);
    expect(batches(dir, 'pending').map(([n]) => n)).toEqual(['b02']);
  });

  it('never records a second first look for the same batch, and counts looks at the fresh holdout', () => {
    const file = path.join(dir, 'ledger.json');
    const md = path.join(dir, 'LEDGER.md');
    appendRows([row('b01'), row('f01', 'fresh', 1)], file, md);
    expect(() => appendRows([row('b01')], file, md)).toThrow(/already has its first look/);
    const rows = readLedger(file);
    expect(rows.map((r) => r.name)).toEqual(['b01', 'f01']);
    expect(recordedBatches(rows)).toEqual(new Set(['b01']));
    expect(nextLook('f01', rows)).toBe(2);
    expect(nextLook('f02', rows)).toBe(1);
    expect(fs.readFileSync(md, 'utf8')).toContain('| f01 | 1 |');
  });

  it('pools by counts, not by averaging percentages', () => {
    const a = { ...row('a'), combined: rates(1, 0, 10, 10) };
    const b = { ...row('b'), combined: rates(0.5, 0.1, 90, 90) };
    const p = pool([a, b]).combined;
    expect(p.violations).toBe(100);
    expect(p.recall).toBeCloseTo(0.55, 5);
    expect(p.falseAlarms).toBeCloseTo(0.09, 5);
    expect(renderLedger([a, b])).toContain('| **pooled, all** | | | | 400 |');
  });
});
