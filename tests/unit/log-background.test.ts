import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkpointSignature } from '@/lib/audit/checkpoint';
import type { StoredRecord } from '@/lib/background/chain';
import {
  drainPending,
  handleMessage,
  isBackgroundRequest,
  onStartup,
  setRateLimiterForTests,
} from '@/lib/background/handler';
import { enqueuePending, PENDING_KEY, PENDING_PREFIX, readPending } from '@/lib/background/pending';
import { RateLimiter } from '@/lib/background/rate-limit';
import { senderKind } from '@/lib/background/senders';
import { onStorageChanged, recordSettingsChange } from '@/lib/background/settings-audit';
import { type LogDb, setDbForTests } from '@/lib/db';
import { appendInteraction, resetLogStateForTests, verifyChain } from '@/lib/log';
import type { BackgroundRequest } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { userSettingsItem } from '@/lib/settings-storage';
import { freshDb, input } from './log-fixtures';

let db: LogDb;
const origin = `chrome-extension://${fakeBrowser.runtime.id}`;
/** A content script in a tab of a guarded site. */
const tab = (id = 7) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://business.google.com/reviews',
  origin: 'https://business.google.com',
  tab: { id },
});
/** One of the extension's own pages (the dashboard). */
const page = { id: fakeBrowser.runtime.id, url: `${origin}/dashboard.html`, origin, tab: { id: 99 } };

beforeEach(async () => {
  resetLogStateForTests();
  setRateLimiterForTests(new RateLimiter());
  db = freshDb();
  setDbForTests(db);
  await userSettingsItem.setValue({
    ...DEFAULT_SETTINGS,
    staffMember: 'Sam',
    log: { retentionDays: 400, textMode: 'none' },
  });
});
afterEach(async () => {
  setRateLimiterForTests(undefined);
  setDbForTests(undefined);
  db.close();
  await db.delete();
});

const send = (m: BackgroundRequest | Record<string, unknown>, s: object) =>
  handleMessage(m as BackgroundRequest, s as never);

describe('handleMessage', () => {
  it('logs an interaction from a content script with the stored settings and acknowledges with its id', async () => {
    const res = await send({ type: 'log-interaction', input: input() }, tab());
    expect(res).toMatchObject({ ok: true });
    const id = (res as { id: string }).id;
    const stored = await db.interactions.get(id);
    expect(stored).toMatchObject({ staff: 'Sam', text: '', site: 'google', url: 'https://business.google.com' });
  });

  it('answers recent interactions to extension pages, newest first', async () => {
    await send({ type: 'log-interaction', input: input({ outcome: 'edited' }) }, tab());
    await send({ type: 'log-interaction', input: input({ outcome: 'abandoned' }) }, tab());
    const res = await send({ type: 'recent-interactions', limit: 5 }, page);
    expect(res.ok && 'records' in res && res.records.map((r) => r.outcome)).toEqual(['abandoned', 'edited']);
  });

  it('refuses malformed input and other senders', async () => {
    const bad = await send({ type: 'log-interaction', input: { ...input(), verdict: 'maybe' } }, tab());
    expect(bad).toEqual({ ok: false, error: 'The interaction\'s "verdict" is missing or invalid.' });
    const foreign = await send(
      { type: 'log-interaction', input: input() },
      { id: 'someone-else', url: 'https://x.test/' },
    );
    expect(foreign.ok).toBe(false);
    expect(await db.interactions.count()).toBe(0);
  });

  it('brings a quota error back to the content script as a clear message', async () => {
    vi.spyOn(db.interactions, 'bulkAdd').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const res = await send({ type: 'log-interaction', input: input() }, tab());
    expect(res.ok).toBe(false);
    expect((res as { error: string }).error).toMatch(/^Storage is full: Reply Guard could not save this reply/);
  });

  it('leaves other messages to other listeners', () => {
    expect(isBackgroundRequest({ type: 'get-status' })).toBe(false);
    expect(isBackgroundRequest({ type: 'log-interaction' })).toBe(true);
    expect(isBackgroundRequest({ type: 'record-event' })).toBe(true);
    expect(isBackgroundRequest(null)).toBe(false);
  });
});

describe('sender checks (issue #10 item 6)', () => {
  it('tells the extension pages from content scripts and foreign senders', () => {
    expect(senderKind(page)).toBe('extension-page');
    expect(senderKind(tab())).toBe('content-script');
    // A content script on a page whose path imitates the extension's is still a content script.
    expect(senderKind({ ...tab(), url: `https://evil.test/chrome-extension://${fakeBrowser.runtime.id}/` })).toBe(
      'content-script',
    );
    expect(senderKind({ ...page, origin: 'https://evil.test' })).toBe('content-script');
    expect(senderKind({ ...page, id: 'other-extension' })).toBe('foreign');
    expect(senderKind({} as never)).toBe('foreign');
  });

  it('a content script may not read the log, record events or ask for the checkpoint', async () => {
    await send({ type: 'log-interaction', input: input() }, tab());
    for (const m of [
      { type: 'recent-interactions', limit: 5 },
      { type: 'record-event', event: { outcome: 'settings-imported', detail: { file: 'x.json' } } },
      { type: 'checkpoint' },
    ]) {
      const res = await send(m, tab());
      expect(res).toMatchObject({ ok: false, error: "Only Reply Guard's own pages may do this." });
    }
    expect(await db.interactions.count()).toBe(1);
  });

  it("an extension page records the events pages may record; the rest are the background's own", async () => {
    const ok = await send(
      { type: 'record-event', event: { outcome: 'settings-imported', detail: { file: 'practice.json', keys: 3 } } },
      page,
    );
    expect(ok).toMatchObject({ ok: true, seq: 1 });
    const r = await db.interactions.get((ok as { id: string }).id);
    expect(r).toMatchObject({ kind: 'event', outcome: 'settings-imported', verdict: 'none', staff: 'Sam' });
    expect(r?.detail).toEqual({ file: 'practice.json', keys: 3 });
    for (const outcome of ['paused', 'pruned', 'refused', 'posted']) {
      const res = await send({ type: 'record-event', event: { outcome } }, page);
      expect(res.ok).toBe(false);
    }
    const nested = await send(
      { type: 'record-event', event: { outcome: 'setting-changed', detail: { x: { y: 1 } } } },
      page,
    );
    expect(nested).toMatchObject({ ok: false, error: 'The event\'s detail "x" is invalid.' });
    expect(await db.interactions.count()).toBe(1);
  });

  it('gives an extension page the signed checkpoint of the chain head', async () => {
    await send({ type: 'log-interaction', input: input() }, tab());
    const res = await send({ type: 'checkpoint' }, page);
    expect(res.ok).toBe(true);
    const cp = (res as { checkpoint: import('@/lib/audit/checkpoint').Checkpoint }).checkpoint;
    const head = await db.interactions.orderBy('seq').last();
    expect(cp).toMatchObject({ seq: 1, hash: head!.hash, records: 1, firstSeq: 1 });
    expect(await checkpointSignature(cp)).toBe('valid');
  });
});

describe('rate limit per tab', () => {
  it('takes 30 interactions a minute from one tab, refuses the rest with a record of the refusal', async () => {
    const results = [];
    for (let i = 0; i < 40; i++)
      results.push(await send({ type: 'log-interaction', input: input({ durationMs: i }) }, tab(7)));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(10);
    expect(refused[0]).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/Too many replies/) });
    // Another tab is not affected, nor are the extension's own pages.
    expect(await send({ type: 'log-interaction', input: input() }, tab(8))).toMatchObject({ ok: true });
    expect(await send({ type: 'log-interaction', input: input() }, page)).toMatchObject({ ok: true });
    const records = await db.interactions.where('outcome').equals('refused').toArray();
    expect(records).toHaveLength(1);
    expect(records[0]!.detail).toMatchObject({ why: 'rate-limit', tab: 7 });
    expect(await db.interactions.count()).toBe(33);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('refills with time (token bucket)', () => {
    const l = new RateLimiter(30, 30);
    const t0 = 1_000_000;
    for (let i = 0; i < 30; i++) expect(l.take('a', t0)).toBe(true);
    expect(l.take('a', t0)).toBe(false);
    expect(l.take('a', t0 + 2000)).toBe(true); // one token per 2 s
    expect(l.take('a', t0 + 2000)).toBe(false);
    expect(l.refusalsToReport('a', t0 + 60_000)).toBe(2);
    expect(l.refusalsToReport('a', t0 + 61_000)).toBe(0);
  });
});

describe('pending queue', () => {
  it('drains what content scripts queued while the worker slept, on start', async () => {
    await enqueuePending(input({ outcome: 'edited' }));
    await enqueuePending(input({ outcome: 'replaced' }));
    await onStartup(db);
    expect(await readPending()).toEqual([]);
    expect((await db.interactions.orderBy('seq').toArray()).map((r) => r.outcome).sort()).toEqual([
      'edited',
      'replaced',
    ]);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('keeps one key per entry: an append during the drain is never dropped', async () => {
    await enqueuePending(input({ outcome: 'edited' }));
    const realAdd = db.interactions.bulkAdd.bind(db.interactions);
    let injected = false;
    vi.spyOn(db.interactions, 'bulkAdd').mockImplementation((async (rec: StoredRecord[]) => {
      if (!injected) {
        injected = true;
        // A tab queues another interaction while the first is being written.
        await enqueuePending(input({ outcome: 'abandoned' }));
      }
      return realAdd(rec);
    }) as never);
    await drainPending(db);
    await drainPending(db);
    const written = (await db.interactions.toArray()).map((r) => r.outcome);
    expect(written.sort()).toEqual(['abandoned', 'edited']);
    expect(await readPending()).toEqual([]);
  });

  it('writes an entry once even when the worker stopped between writing it and clearing its key', async () => {
    const key = await enqueuePending(input({ outcome: 'edited' }));
    const id = key.slice(PENDING_PREFIX.length);
    // The record was committed, then the worker stopped before removing the key.
    await appendInteraction(
      { ...input({ outcome: 'edited' }), id },
      { log: DEFAULT_SETTINGS.log, staffMember: 'Sam' },
      db,
    );
    expect(await drainPending(db)).toBe(1);
    expect(await db.interactions.count()).toBe(1);
    expect((await db.interactions.toArray())[0]!.id).toBe(id);
    expect(await readPending()).toEqual([]);
  });

  it('keeps the queue when the disk is full, and drops entries that can never be written', async () => {
    await fakeBrowser.storage.local.set({
      [`${PENDING_PREFIX}bad`]: { nonsense: true },
      [`${PENDING_PREFIX}${crypto.randomUUID()}`]: { ...input(), queuedAt: Date.now() },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.interactions, 'bulkAdd').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    expect(await drainPending(db)).toBe(0);
    expect((await readPending()).map((e) => (e.value as { outcome?: string }).outcome)).toEqual(['edited']);
    vi.mocked(db.interactions.bulkAdd).mockRestore();
    expect(await drainPending(db)).toBe(1);
    expect(await readPending()).toEqual([]);
  });

  it('still drains the single-array queue of earlier versions', async () => {
    await fakeBrowser.storage.local.set({
      [PENDING_KEY]: [input({ outcome: 'edited' }), input({ outcome: 'posted' })],
    });
    expect(await drainPending(db)).toBe(2);
    expect((await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toBeUndefined();
  });

  it('stamps a queued interaction with when it happened (queuedAt from the content script)', async () => {
    const happened = Date.now() - 5 * 60_000;
    await enqueuePending({ ...input({ outcome: 'edited' }), queuedAt: happened });
    await enqueuePending({ ...input({ outcome: 'abandoned' }), queuedAt: Date.now() + 86_400_000 });
    await drainPending(db);
    const rs = await db.interactions.orderBy('seq').toArray();
    expect(rs.find((r) => r.outcome === 'edited')!.time).toBe(happened);
    // A time in the future is not believed.
    expect(rs.find((r) => r.outcome === 'abandoned')!.time).toBeLessThanOrEqual(Date.now());
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('applies retention when the worker starts, with a pruned record', async () => {
    // A prune just ran, so the writes below do not prune (writes prune at most hourly).
    await db.meta.put({ key: 'lastPrune', value: Date.now() });
    const settings = { log: { retentionDays: 400, textMode: 'none' as const }, staffMember: 'Sam' };
    await appendInteraction(input({ reason: 'old' }), settings, db, Date.now() - 2500 * 86_400_000);
    // Pruning believes the clock once 20 records attest it.
    for (let i = 0; i < 20; i++) await appendInteraction(input({ reason: 'new' }), settings, db);
    expect(await db.interactions.count()).toBe(21);
    resetLogStateForTests();
    await onStartup(db);
    const rs = await db.interactions.orderBy('seq').toArray();
    expect(rs.map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 2));
    expect(rs.at(-1)!.outcome).toBe('pruned');
    expect((await verifyChain(db)).ok).toBe(true);
  });
});

describe('settings changes are recorded (issue #11)', () => {
  const base: Settings = { ...DEFAULT_SETTINGS, staffMember: 'Sam' };

  it('records pause, site-off with its reason and end, monitor-only and each other change', async () => {
    const now = Date.now();
    const after: Settings = {
      ...base,
      pausedUntil: now + 3600_000,
      monitorOnly: true,
      strictness: 'relaxed',
      siteOff: { yelp: { until: now + 7200_000, reason: 'Yelp page is being redesigned' } },
      disabledRules: ['staff-blame'],
      log: { ...base.log, retentionDays: 400 },
    };
    const rs = await recordSettingsChange(base, after, 'user', db, now);
    const by = (o: string) => rs.filter((r) => r.outcome === o);
    expect(by('paused')[0]!.detail).toMatchObject({ until: new Date(now + 3600_000).toISOString(), source: 'user' });
    expect(by('site-off')[0]).toMatchObject({
      site: 'yelp',
      detail: { until: new Date(now + 7200_000).toISOString() },
    });
    // The reason is kept (the staff member's own words), redacted through the rules in this mode.
    expect(by('site-off')[0]!.reason).toMatch(/redesigned/);
    expect(by('monitor-only')).toHaveLength(1);
    const changed = by('setting-changed').map((r) => [r.detail!.setting, r.detail!.from, r.detail!.to]);
    expect(changed).toEqual(
      expect.arrayContaining([
        ['strictness', 'standard', 'relaxed'],
        ['disabledRules', 'none', 'staff-blame'],
        ['log.retentionDays', String(DEFAULT_SETTINGS.log.retentionDays), '400'],
      ]),
    );
    // Resuming and the site coming back are recorded too.
    const back = await recordSettingsChange(after, { ...after, pausedUntil: 0, siteOff: {} }, 'user', db, now + 1000);
    expect(back.map((r) => r.outcome).sort()).toEqual(['resumed', 'site-on']);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('watches storage: a change written by any page, or the policy, leaves records', async () => {
    await onStorageChanged(
      { settings: { oldValue: base, newValue: { ...base, sites: { ...base.sites, google: false } } } },
      'local',
      db,
    );
    await onStorageChanged({ monitorOnly: { newValue: true } }, 'managed', db);
    await onStorageChanged({ unrelated: { newValue: 1 } }, 'local', db);
    const rs = await db.interactions.orderBy('seq').toArray();
    expect(rs.map((r) => [r.outcome, r.site, r.detail?.source])).toEqual([
      ['site-off', 'google', 'user'],
      ['monitor-only', 'all', 'policy'],
    ]);
  });

  it('writes nothing when nothing changed', async () => {
    expect(await recordSettingsChange(base, { ...base }, 'user', db)).toEqual([]);
    expect(await db.interactions.count()).toBe(0);
  });
});
