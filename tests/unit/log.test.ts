import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maskSpans, REDACTION_MARK, recordHash, sha256Hex } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import { reasonSpans } from '@/lib/guard/log';
import {
  appendEvent,
  appendInteraction,
  countPrunable,
  describeLogError,
  LogFullError,
  PRUNE_INTERVAL_MS,
  pruneIfDue,
  pruneOlderThan,
  readAnchor,
  reasonForLog,
  recentInteractions,
  resetLogStateForTests,
  setLogLimitsForTests,
  verifyChain,
} from '@/lib/log';
import { analyze } from '@/rules';
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
    // The fingerprint is an HMAC under this install's secret, never a plain SHA-256 of the reply
    // (issue #11: a SHA-256 of a short reply can be brute-forced from a vocabulary).
    expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.fingerprint).not.toBe(await sha256Hex(input().text));
    expect(r.textHash).toBeUndefined();
    expect(r.prevHash).toBe('');
    expect(r.seq).toBe(1);
    const { hash, ...rest } = r;
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
    // A fingerprint only in full mode: in redacted/none modes nothing derived from the text is kept.
    expect(full.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(red.fingerprint).toBe('');
    expect(none.fingerprint).toBe('');
    // The same text, the same install: the same fingerprint (it still matches duplicates).
    const again = await appendInteraction(input(), logSettings('full'), db);
    expect(again.fingerprint).toBe(full.fingerprint);
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
    const { hash: _h, ...rest } = changed;
    changed.hash = await recordHash(rest);
    await db.interactions.put(changed);
    expect((await verifyChain(db)).firstBroken).toMatchObject({ id: rs[2]!.id, index: 2 });
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  /** Writes records `daysAgo` before `now`, oldest first, with no prune in between. */
  async function aged(now: number, daysAgo: number[]) {
    await db.meta.put({ key: 'lastPrune', value: now + 10 * 365 * DAY });
    for (const d of daysAgo)
      await appendInteraction(input({ durationMs: d }), logSettings('full', 400), db, now - d * DAY);
    await db.meta.delete('lastPrune');
    resetLogStateForTests();
    return db.interactions.orderBy('seq').toArray();
  }
  /** Twenty records an hour before `now`: the witnesses pruning needs before it believes the time. */
  const witnesses = (now: number) =>
    aged(
      now,
      Array.from({ length: 20 }, () => 1 / 24),
    );

  it('deletes old records from the head of the chain and writes a "pruned" record in the chain', async () => {
    const now = Date.UTC(2026, 10, 28);
    await aged(now, [800, 700, 500, 100, 1]);
    const all = await witnesses(now);
    // The options page's preview counts exactly what the prune then deletes.
    expect(await countPrunable(400, db, now)).toBe(3);
    expect(await countPrunable(1, db, now)).toBe(3);
    expect(await countPrunable(750, db, now)).toBe(1);
    expect(await pruneOlderThan(400, db, now)).toBe(3);
    const left = await db.interactions.orderBy('seq').toArray();
    expect(left.map((r) => r.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 4));
    expect(await readAnchor(db)).toEqual({ hash: all[2]!.hash, seq: 3 });
    // Retention does not move the anchor silently: the chain says what it deleted.
    const pruned = left.at(-1)!;
    expect(pruned).toMatchObject({
      outcome: 'pruned',
      kind: 'event',
      prevHash: all.at(-1)!.hash,
      reason: 'pruned 3 records up to #3',
      detail: { count: 3, fromSeq: 1, upToSeq: 3, upToHash: all[2]!.hash, retentionDays: 400 },
    });
    const status = await verifyChain(db);
    expect(status).toMatchObject({ ok: true, checked: 23 });
    expect(status.note).toMatch(/deleted by retention/);
    // New records continue the chain after the pruned record.
    const next = await appendInteraction(input(), logSettings(), db);
    expect(next).toMatchObject({ seq: 27, prevHash: pruned.hash });
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('never goes under one year: "1 day" keeps records of the last year', async () => {
    const now = Date.UTC(2026, 10, 28);
    await aged(now, [300, 40, 1]);
    await witnesses(now);
    expect(await pruneOlderThan(1, db, now)).toBe(0);
    expect(await pruneOlderThan(1e21, db, now)).toBe(0);
    expect(await pruneOlderThan(Number.NaN, db, now)).toBe(0);
    expect(await db.interactions.count()).toBe(23);
  });

  it('does not trust a clock far ahead of the log (401 days ahead prunes nothing)', async () => {
    const now = Date.UTC(2026, 10, 28);
    await aged(now, [60, 30, 1]);
    await witnesses(now);
    expect(await pruneOlderThan(400, db, now + 401 * DAY)).toBe(0);
    expect(await pruneOlderThan(365, db, now + 5000 * DAY)).toBe(0);
    // Not even after a few records were written with the clock ahead: the time needs 20 witnesses.
    await aged(now, [-401, -401, -401]);
    expect(await pruneOlderThan(365, db, now + 402 * DAY)).toBe(0);
    expect(await db.interactions.count()).toBe(26);
  });

  it("ages records by the log's own time: a log that stood still is not emptied when it wakes", async () => {
    const now = Date.now();
    await aged(now, [900, 800]);
    // The newest record is 800 days old: pruning counts from it, so both stay (and the head survives).
    expect(await pruneOlderThan(365, db, now)).toBe(0);
    // Once the log moves on, the old records go.
    await witnesses(now);
    expect(await pruneOlderThan(365, db, now)).toBe(2);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('a head deleted by hand with the anchor moved to match does not verify', async () => {
    const rs = await aged(Date.now(), [5, 4, 3, 2, 1]);
    // Extension-page code (DevTools on the dashboard) deletes the two oldest and moves the anchor.
    await db.interactions.bulkDelete([rs[0]!.id, rs[1]!.id]);
    await db.meta.put({ key: 'anchor', value: { hash: rs[1]!.hash, seq: 2 } });
    const status = await verifyChain(db);
    expect(status.ok).toBe(false);
    expect(status.firstBroken?.reason).toMatch(/records #1 to #2 were deleted without a retention record/);
  });

  it('prunes on writes at most hourly', async () => {
    const now = Date.now();
    expect(await pruneIfDue(400, db, now)).toBe(0);
    const spy = vi.spyOn(db.interactions, 'bulkDelete');
    await pruneIfDue(400, db, now + 1000);
    expect(spy).not.toHaveBeenCalled();
    await appendInteraction(input(), logSettings(), db, now - 800 * DAY);
    for (let i = 0; i < 20; i++) await appendInteraction(input(), logSettings(), db, now);
    expect(await pruneIfDue(400, db, now + PRUNE_INTERVAL_MS + 1)).toBe(1);
  });
});

describe('no lost or doubled records', () => {
  it('writes an id once: a retried or re-queued interaction resolves to the record already there', async () => {
    const id = crypto.randomUUID();
    const [a, b] = await Promise.all([
      appendInteraction(input({ id }), logSettings(), db),
      appendInteraction(input({ id }), logSettings(), db),
    ]);
    const c = await appendInteraction(input({ id, outcome: 'abandoned' }), logSettings(), db);
    expect(a.id).toBe(id);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await db.interactions.count()).toBe(1);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('refuses interactions once the log is full, with one clear "refused" record, and still records events', async () => {
    setLogLimitsForTests({ maxRecords: 3, headroom: 5 });
    for (let i = 0; i < 3; i++) await appendInteraction(input({ durationMs: i }), logSettings(), db);
    const err = await appendInteraction(input(), logSettings(), db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogFullError);
    expect(describeLogError(err)).toMatch(/log is full \(3 records\)/);
    await vi.waitFor(async () => expect(await db.interactions.where('outcome').equals('refused').count()).toBe(1));
    const refused = await db.interactions.where('outcome').equals('refused').first();
    expect(refused?.detail).toMatchObject({ why: 'log-full', count: 1, limit: 3 });
    // Weakening the guard is still recorded when the log is full.
    await expect(appendEvent({ outcome: 'paused', detail: { until: 'x' } }, logSettings(), db)).resolves.toMatchObject({
      outcome: 'paused',
    });
    expect((await verifyChain(db)).ok).toBe(true);
  });
});

describe('privacy of the log (issue #11)', () => {
  it('keeps only the site and page kind of the address in redacted and none modes', async () => {
    const link = 'https://business.google.com/reviews/l/123?review=abc#frag';
    const full = await appendInteraction(input({ link, reviewer: 'Maria P.' }), logSettings('full'), db);
    const red = await appendInteraction(input({ link, reviewer: 'Maria P.' }), logSettings('redacted'), db);
    const none = await appendInteraction(input({ link, reviewer: 'Maria P.' }), logSettings('none'), db);
    expect(full).toMatchObject({
      url: 'https://business.google.com/reviews/l/123',
      link: 'https://business.google.com/reviews/l/123?review=abc',
      reviewer: 'Maria P.',
    });
    expect(red).toMatchObject({
      url: 'https://business.google.com',
      link: '',
      pageKind: 'review-reply',
      site: 'google',
    });
    expect(none).toMatchObject({ url: 'https://business.google.com', link: '', reviewer: '' });
  });

  it('redacts the reason through the rules in redacted and none modes, keeps it in full mode', async () => {
    const reason = 'Ok to post: Maria said we could mention her root canal from March 3';
    // What the guard sends: the spans the rules flag in the reason (lib/guard/log.ts reasonSpans).
    const spans = reasonSpans(reason, { analyze });
    expect(spans?.length).toBeGreaterThan(0);
    const over = { outcome: 'overridden' as const, reason, reasonSpans: spans };
    const full = await appendInteraction(input(over), logSettings('full'), db);
    const red = await appendInteraction(input(over), logSettings('redacted'), db);
    const none = await appendInteraction(input(over), logSettings('none'), db);
    expect(full.reason).toBe(reason);
    for (const r of [red, none]) {
      expect(r.reason).toContain(REDACTION_MARK);
      expect(r.reason).not.toMatch(/root canal|Maria/);
      // The staff member's own words around it stay.
      expect(r.reason).toMatch(/^Ok to post: /);
    }
    // Without the rules' spans (a sender without the engine) the background masks conservatively:
    // names, numbers and care words go, the rest stays.
    const bare = await appendInteraction(input({ outcome: 'overridden', reason }), logSettings('redacted'), db);
    expect(bare.reason).not.toMatch(/Maria|root canal|3/);
    expect(bare.reason).toMatch(/^Ok to post: .*said we could mention her/);
    expect(reasonForLog('Reviewer is a vendor', 'redacted', [])).toBe('Reviewer is a vendor');
  });
});

describe('recentInteractions', () => {
  it('returns the newest interactions first; events only when asked', async () => {
    for (let i = 0; i < 4; i++) await appendInteraction(input({ durationMs: i }), logSettings(), db);
    await appendEvent({ outcome: 'setting-changed', detail: { setting: 'strictness' } }, logSettings(), db);
    expect((await recentInteractions(2, db)).map((r) => r.seq)).toEqual([4, 3]);
    expect((await recentInteractions(2, db, { includeEvents: true })).map((r) => r.seq)).toEqual([5, 4]);
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
