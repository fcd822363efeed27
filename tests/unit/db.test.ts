import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordHash, type StoredRecord, sha256Hex, textForLog } from '@/lib/background/chain';
import { chainOrder, declareV1, LogDb } from '@/lib/db';
import { verifyChain } from '@/lib/log';
import { input } from './log-fixtures';

/**
 * Builds a chain as the first version wrote it (records without seq, a plain SHA-256 textHash,
 * the original canonical form), three of them in one millisecond.
 */
async function v1Chain(n: number) {
  const out: Array<Omit<StoredRecord, 'seq'>> = [];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const inp = input({ durationMs: i });
    const base = {
      id: `rec-${String.fromCharCode(122 - i)}`, // ids sort against chain order on purpose
      time: 1_700_000_000_000 + (i < 3 ? 0 : i),
      site: inp.site,
      pageKind: inp.pageKind,
      url: 'https://business.google.com/reviews/l/123',
      verdict: inp.verdict,
      categories: inp.categories,
      rules: inp.rules,
      outcome: inp.outcome,
      reason: '',
      staff: 'Ana',
      text: textForLog(inp, 'full'),
      textHash: await sha256Hex(inp.text),
      durationMs: i,
      extensionVersion: '0.0.9',
      prevHash: prev,
    };
    const r = { ...base, hash: await recordHash(base) };
    out.push(r);
    prev = r.hash;
  }
  return out;
}

describe('schema migration v1 → v3', () => {
  it('numbers v1 records in chain order, adds the new tables, and the chain still verifies', async () => {
    const name = `migrate-${Math.random()}`;
    const old = new Dexie(name);
    declareV1(old);
    const chain = await v1Chain(6);
    await old.table('interactions').bulkAdd([...chain].reverse());
    old.close();

    const db = new LogDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    const migrated = await db.interactions.orderBy('seq').toArray();
    expect(migrated.map((r) => r.id)).toEqual(chain.map((r) => r.id));
    expect(migrated.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // Every v1 field survives untouched.
    expect(migrated.map(({ seq: _s, ...r }) => r)).toEqual(chain);
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 6 });
    expect(await db.imported.count()).toBe(0);
    expect(await db.keys.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
    // The new indexes answer queries.
    expect(await db.interactions.where('categories').equals('care-details').count()).toBe(6);
    db.close();
    await db.delete();
  });

  it('marks an anchor left by an older version as legacy: it verifies, with a note, though no record explains it', async () => {
    const name = `migrate-anchor-${Math.random()}`;
    const chain = await v1Chain(5);
    const old = new Dexie(name);
    declareV1(old);
    old.version(2).stores({ interactions: 'id, &seq, time', imported: 'id', meta: 'key' });
    await old.open();
    // Retention (before issue #11) deleted the first two records and moved the anchor silently.
    await old.table('interactions').bulkAdd(chain.slice(2).map((r, i) => ({ ...r, seq: i + 3 })));
    await old.table('meta').put({ key: 'anchor', value: { hash: chain[1]!.hash, seq: 2 } });
    old.close();

    const db = new LogDb(name);
    await db.open();
    expect((await db.meta.get('anchor'))?.value).toEqual({ hash: chain[1]!.hash, seq: 2, legacy: true });
    const status = await verifyChain(db);
    expect(status).toMatchObject({ ok: true, checked: 3 });
    expect(status.note).toMatch(/before it was logged/);
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
