import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildRecord, type StoredRecord } from '@/lib/background/chain';
import { chainOrder, declareV1, LogDb } from '@/lib/db';
import { verifyChain } from '@/lib/log';
import { input } from './log-fixtures';

/** Builds a v1-style chain (records without seq), three of them in one millisecond. */
async function v1Chain(n: number) {
  const out: Array<Omit<StoredRecord, 'seq'>> = [];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const { seq: _s, ...r } = await buildRecord(input({ durationMs: i }), {
      id: `rec-${String.fromCharCode(122 - i)}`, // ids sort against chain order on purpose
      time: 1_700_000_000_000 + (i < 3 ? 0 : i),
      staff: 'Ana',
      textMode: 'full',
      extensionVersion: '0.0.9',
      prevHash: prev,
      seq: 0,
    });
    out.push(r);
    prev = r.hash;
  }
  return out;
}

describe('schema migration v1 → v2', () => {
  it('numbers v1 records in chain order, adds the new tables, and the chain still verifies', async () => {
    const name = `migrate-${Math.random()}`;
    const old = new Dexie(name);
    declareV1(old);
    const chain = await v1Chain(6);
    await old.table('interactions').bulkAdd([...chain].reverse());
    old.close();

    const db = new LogDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const migrated = await db.interactions.orderBy('seq').toArray();
    expect(migrated.map((r) => r.id)).toEqual(chain.map((r) => r.id));
    expect(migrated.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // Every v1 field survives untouched.
    expect(migrated.map(({ seq: _s, ...r }) => r)).toEqual(chain);
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 6 });
    expect(await db.imported.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
    // The new indexes answer queries.
    expect(await db.interactions.where('categories').equals('care-details').count()).toBe(6);
    db.close();
    await db.delete();
  });

  it('orders a chain whose head was pruned, strays last', () => {
    const rs = [
      { hash: 'c', prevHash: 'b', time: 3 },
      { hash: 'b', prevHash: 'a', time: 2 },
      { hash: 'x', prevHash: 'zz', time: 9 },
    ];
    expect(chainOrder(rs).map((r) => r.hash)).toEqual(['b', 'c', 'x']);
  });
});
