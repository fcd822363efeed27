import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredRecord } from '@/lib/background/chain';
import { drainPending, handleMessage, isBackgroundRequest, onStartup } from '@/lib/background/handler';
import { enqueuePending, PENDING_KEY, readPending } from '@/lib/background/pending';
import { type LogDb, setDbForTests } from '@/lib/db';
import { appendInteraction, resetLogStateForTests, verifyChain } from '@/lib/log';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { userSettingsItem } from '@/lib/settings-storage';
import { freshDb, input } from './log-fixtures';

let db: LogDb;
const me = { id: fakeBrowser.runtime.id };

beforeEach(async () => {
  resetLogStateForTests();
  db = freshDb();
  setDbForTests(db);
  await userSettingsItem.setValue({
    ...DEFAULT_SETTINGS,
    staffMember: 'Sam',
    log: { retentionDays: 400, textMode: 'none' },
  });
});
afterEach(async () => {
  setDbForTests(undefined);
  db.close();
  await db.delete();
});

describe('handleMessage', () => {
  it('logs an interaction with the stored settings and acknowledges with its id', async () => {
    const res = await handleMessage({ type: 'log-interaction', input: input() }, me);
    expect(res).toMatchObject({ ok: true });
    const id = (res as { id: string }).id;
    const stored = await db.interactions.get(id);
    expect(stored).toMatchObject({ staff: 'Sam', text: '', site: 'google' });
  });

  it('answers recent interactions, newest first', async () => {
    await handleMessage({ type: 'log-interaction', input: input({ outcome: 'edited' }) }, me);
    await handleMessage({ type: 'log-interaction', input: input({ outcome: 'abandoned' }) }, me);
    const res = await handleMessage({ type: 'recent-interactions', limit: 5 }, me);
    expect(res.ok && 'records' in res && res.records.map((r) => r.outcome)).toEqual(['abandoned', 'edited']);
  });

  it('refuses malformed input and other senders', async () => {
    const bad = await handleMessage({ type: 'log-interaction', input: { ...input(), verdict: 'maybe' } as never }, me);
    expect(bad).toEqual({ ok: false, error: 'The interaction\'s "verdict" is missing or invalid.' });
    const foreign = await handleMessage({ type: 'log-interaction', input: input() }, { id: 'someone-else' });
    expect(foreign.ok).toBe(false);
    expect(await db.interactions.count()).toBe(0);
  });

  it('brings a quota error back to the content script as a clear message', async () => {
    vi.spyOn(db.interactions, 'bulkAdd').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const res = await handleMessage({ type: 'log-interaction', input: input() }, me);
    expect(res.ok).toBe(false);
    expect((res as { error: string }).error).toMatch(/^Storage is full: Reply Guard could not save this reply/);
  });

  it('leaves other messages to other listeners', () => {
    expect(isBackgroundRequest({ type: 'get-status' })).toBe(false);
    expect(isBackgroundRequest({ type: 'log-interaction' })).toBe(true);
    expect(isBackgroundRequest(null)).toBe(false);
  });
});

describe('pending queue', () => {
  it('drains what content scripts queued while the worker slept, on start', async () => {
    await enqueuePending(input({ outcome: 'edited' }));
    await enqueuePending(input({ outcome: 'replaced' }));
    await onStartup();
    expect(await readPending()).toEqual([]);
    expect((await db.interactions.orderBy('seq').toArray()).map((r) => r.outcome)).toEqual(['edited', 'replaced']);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('removes only what it wrote: entries queued during the drain stay', async () => {
    await enqueuePending(input({ outcome: 'edited' }));
    const realAdd = db.interactions.bulkAdd.bind(db.interactions);
    let injected = false;
    vi.spyOn(db.interactions, 'bulkAdd').mockImplementation((async (rec: StoredRecord[]) => {
      if (!injected) {
        injected = true;
        // A tab queues another interaction while the first is being written.
        await fakeBrowser.storage.local.set({
          [PENDING_KEY]: [...(await readPending()), input({ outcome: 'abandoned' })],
        });
      }
      return realAdd(rec);
    }) as never);
    await drainPending();
    // The second entry is either written by the follow-up drain or still queued: never lost.
    const written = (await db.interactions.toArray()).map((r) => r.outcome);
    const queued = (await readPending()) as Array<{ outcome: string }>;
    expect([...written, ...queued.map((q) => q.outcome)].sort()).toEqual(['abandoned', 'edited']);
  });

  it('keeps the queue when the disk is full, and drops entries that can never be written', async () => {
    await fakeBrowser.storage.local.set({ [PENDING_KEY]: [{ nonsense: true }, input()] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.interactions, 'bulkAdd').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    expect(await drainPending()).toBe(0);
    expect(await readPending()).toEqual([input()]);
    vi.mocked(db.interactions.bulkAdd).mockRestore();
    expect(await drainPending()).toBe(1);
    expect(await readPending()).toEqual([]);
  });

  it('stamps a queued interaction with when it happened (queuedAt from the content script)', async () => {
    const happened = Date.now() - 5 * 60_000;
    await fakeBrowser.storage.local.set({
      [PENDING_KEY]: [
        { ...input({ outcome: 'edited' }), queuedAt: happened },
        { ...input({ outcome: 'abandoned' }), queuedAt: Date.now() + 86_400_000 },
      ],
    });
    await drainPending();
    const [a, b] = await db.interactions.orderBy('seq').toArray();
    expect(a!.time).toBe(happened);
    // A time in the future is not believed.
    expect(b!.time).toBeLessThanOrEqual(Date.now());
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('applies retention when the worker starts', async () => {
    // A prune just ran, so the writes below do not prune (writes prune at most hourly).
    await db.meta.put({ key: 'lastPrune', value: Date.now() });
    const settings = { log: { retentionDays: 400, textMode: 'none' as const }, staffMember: 'Sam' };
    await appendInteraction(input({ reason: 'old' }), settings, db, Date.now() - 401 * 86_400_000);
    await appendInteraction(input({ reason: 'new' }), settings, db);
    expect(await db.interactions.count()).toBe(2);
    await onStartup();
    expect((await db.interactions.toArray()).map((r) => r.reason)).toEqual(['new']);
    expect((await verifyChain(db)).ok).toBe(true);
  });
});
