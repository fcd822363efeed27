import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maskSpans, REDACTION_MARK, recordHash, sha256Hex } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import {
  appendInteraction,
  describeLogError,
  PRUNE_INTERVAL_MS,
  pruneIfDue,
  pruneOlderThan,
  readAnchor,
  recentInteractions,
  resetLogStateForTests,
  verifyChain,
} from '@/lib/log';
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

describe('appendInteraction', () => {
  it('builds a complete record: id, time, url without query, staff, hashes', async () => {
    const before = Date.now();
    const r = await appendInteraction(input(), logSettings('full'), db);
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.time).toBeGreaterThanOrEqual(before);
    expect(r.url).toBe('https://business.google.com/reviews/l/123');
    expect(r.staff).toBe('Dana (front desk)');
    expect(r.reason).toBe('');
    expect(r.durationMs).toBe(4200);
    expect(r.textHash).toBe(await sha256Hex(input().text));
    expect(r.prevHash).toBe('');
    expect(r.seq).toBe(1);
    const { hash, seq: _s, ...rest } = r;
    expect(hash).toBe(await recordHash(rest));
    expect(await db.interactions.get(r.id)).toEqual(r);
  });

  it('links each record to the one before', async () => {
    const a = await appendInteraction(input(), logSettings(), db);
    const b = await appendInteraction(
      input({ outcome: 'overridden', reason: 'Reviewer is a vendor' }),
      logSettings(),
      db,
    );
    expect(b.prevHash).toBe(a.hash);
    expect(b.seq).toBe(2);
    expect(b.reason).toBe('Reviewer is a vendor');
  });

  it('keeps the text as the setting says: full, redacted, none', async () => {
    const full = await appendInteraction(input(), logSettings('full'), db);
    const red = await appendInteraction(input(), logSettings('redacted'), db);
    const none = await appendInteraction(input(), logSettings('none'), db);
    expect(full.text).toBe(input().text);
    expect(red.text).toBe(`Hi Maria, glad ${REDACTION_MARK} on ${REDACTION_MARK} went well!`);
    expect(red.text).not.toContain('root canal');
    expect(none.text).toBe('');
    // The hash of the original text is kept whatever the mode.
    expect(new Set([full.textHash, red.textHash, none.textHash]).size).toBe(1);
  });

  it('keeps nothing of a risky reply in redacted mode when the spans are unknown', async () => {
    const r = await appendInteraction(input({ spans: undefined }), logSettings('redacted'), db);
    expect(r.text).toBe('');
    const ok = await appendInteraction(
      input({ verdict: 'ok', spans: undefined, text: 'Thank you for the kind words!' }),
      logSettings('redacted'),
      db,
    );
    expect(ok.text).toBe('Thank you for the kind words!');
  });

  it('loses nothing when many tabs write at once, and the chain stays linear', async () => {
    const N = 120;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        appendInteraction(
          input({ site: (['facebook', 'google', 'yelp'] as const)[i % 3], durationMs: i }),
          logSettings(),
          db,
        ),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(N);
    expect(await db.interactions.count()).toBe(N);
    const seqs = (await db.interactions.orderBy('seq').toArray()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(await verifyChain(db)).toEqual({ ok: true, checked: N });
  });

  it('reports a full disk to the caller in plain words', async () => {
    vi.spyOn(db.interactions, 'bulkAdd').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const err = await appendInteraction(input(), logSettings(), db).catch((e: unknown) => e);
    expect(describeLogError(err)).toMatch(/^Storage is full: /);
    expect(describeLogError(err)).toMatch(/export the log/);
    expect(await db.interactions.count()).toBe(0);
    // The queue is not stuck after a failure.
    vi.restoreAllMocks();
    await expect(appendInteraction(input(), logSettings(), db)).resolves.toMatchObject({ seq: 1 });
  });
});

describe('verifyChain', () => {
  async function seed(n: number) {
    for (let i = 0; i < n; i++) await appendInteraction(input({ durationMs: i }), logSettings(), db);
    return db.interactions.orderBy('seq').toArray();
  }

  it('verifies an intact chain and an empty one', async () => {
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 0 });
    await seed(5);
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 5 });
  });

  it('points to a record whose contents changed', async () => {
    const rs = await seed(5);
    await db.interactions.update(rs[2]!.id, { outcome: 'edited', reason: 'nothing to see', verdict: 'ok' });
    const status = await verifyChain(db);
    expect(status.ok).toBe(false);
    expect(status.firstBroken).toMatchObject({ id: rs[2]!.id, index: 2, time: rs[2]!.time });
    expect(status.firstBroken?.reason).toMatch(/changed/);
  });

  it('notices a deleted record', async () => {
    const rs = await seed(5);
    await db.interactions.delete(rs[1]!.id);
    const status = await verifyChain(db);
    expect(status.ok).toBe(false);
    expect(status.firstBroken).toMatchObject({ id: rs[2]!.id, index: 1 });
  });

  it('notices a record re-hashed after a change (the next link breaks)', async () => {
    const rs = await seed(4);
    const changed = { ...rs[1]!, reason: 'rewritten' };
    const { hash: _h, seq: _s, ...rest } = changed;
    changed.hash = await recordHash(rest);
    await db.interactions.put(changed);
    expect((await verifyChain(db)).firstBroken).toMatchObject({ id: rs[2]!.id, index: 2 });
  });
});

describe('retention', () => {
  it('deletes old records from the head of the chain and the rest still verifies', async () => {
    const now = Date.UTC(2026, 10, 28);
    const spy = vi.spyOn(Date, 'now');
    for (const daysAgo of [40, 35, 31, 10, 1]) {
      spy.mockReturnValue(now - daysAgo * 86_400_000);
      await appendInteraction(input(), logSettings('full', 400), db);
    }
    spy.mockRestore();
    const all = await db.interactions.orderBy('seq').toArray();
    expect(await pruneOlderThan(30, db, now)).toBe(3);
    expect((await db.interactions.toArray()).map((r) => r.seq).sort()).toEqual([4, 5]);
    expect(await readAnchor(db)).toEqual({ hash: all[2]!.hash, seq: 3 });
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 2 });
    // New records continue the chain after the anchor, even when everything was pruned.
    expect(await pruneOlderThan(0, db, now + 1)).toBe(2);
    const next = await appendInteraction(input(), logSettings(), db);
    expect(next).toMatchObject({ seq: 6, prevHash: all[4]!.hash });
    expect(await verifyChain(db)).toEqual({ ok: true, checked: 1 });
  });

  it('prunes on writes at most hourly', async () => {
    const now = Date.now();
    expect(await pruneIfDue(30, db, now)).toBe(0);
    const spy = vi.spyOn(db.interactions, 'bulkDelete');
    await pruneIfDue(30, db, now + 1000);
    expect(spy).not.toHaveBeenCalled();
    await db.interactions.add({
      ...(await appendInteraction(input(), logSettings(), db)),
      id: 'old',
      seq: 0,
      time: now - 40 * 86_400_000,
    });
    expect(await pruneIfDue(30, db, now + PRUNE_INTERVAL_MS + 1)).toBe(1);
  });
});

describe('recentInteractions', () => {
  it('returns the newest first', async () => {
    for (let i = 0; i < 4; i++) await appendInteraction(input({ durationMs: i }), logSettings(), db);
    expect((await recentInteractions(2, db)).map((r) => r.seq)).toEqual([4, 3]);
  });
});

describe('maskSpans', () => {
  it('merges overlapping spans and ignores spans out of range', () => {
    expect(
      maskSpans('abcdefghij', [
        [2, 5],
        [4, 7],
        [20, 30],
        [-3, 1],
      ]),
    ).toBe(`${REDACTION_MARK}b${REDACTION_MARK}hij`);
    expect(maskSpans('abc', [])).toBe('abc');
  });
});

describe('synchronous SHA-256 (bulk verification)', () => {
  it('equals WebCrypto on ASCII, Unicode and every padding boundary', async () => {
    const { sha256HexSync } = await import('@/lib/background/sha256');
    const inputs = ['', 'abc', 'héllo ✓ 😀 Ünïcödé', ...[55, 56, 63, 64, 65, 119, 120, 1000].map((n) => 'a'.repeat(n))];
    for (const s of inputs) expect(sha256HexSync(s)).toBe(await sha256Hex(s));
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('quota errors as Dexie wraps them', () => {
  it('are recognised inside inner errors and bulk failures', async () => {
    const { isQuotaError } = await import('@/lib/log');
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [quota] })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
