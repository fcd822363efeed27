import type { BrowserContext, Page } from '@playwright/test';
import type { InteractionInput } from '../../lib/log-record';
import { expect, REPLICA_ROUTES, test } from './harness';
import { readRecord } from './log-seed';

/** The extension API inside the page (the project has no @types/chrome; this is all the tests use). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

// Issue #6: the background writes what content scripts send, durably, and drains the queue
// content scripts fall back on when the worker cannot be reached.

function input(reason: string, over: Partial<InteractionInput> = {}): InteractionInput {
  return {
    site: 'facebook',
    pageKind: 'comment',
    url: 'https://www.facebook.com/SmilesDental/posts/123?comment_id=9#x',
    verdict: 'block',
    categories: ['confirms-patient-status'],
    rules: ['visit-confirmation'],
    outcome: 'overridden',
    reason,
    text: 'Great to see you at your cleaning last week, Maria!',
    spans: [[12, 38]],
    durationMs: 5200,
    // What the guard sends with a reason: the spans its rules flag (none here), so the
    // background redacts by the rules rather than by its conservative mask (lib/background/reason.ts).
    reasonSpans: [],
    ...over,
  };
}

/** Sends a message to the background the way a content script does (runtime.sendMessage). */
function send(page: Page, message: unknown) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Stops every service worker of the profile, as Chromium does to an idle worker, and waits until it has. */
async function stopWorkers(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions)
      if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status.size > 0 && [...status.values()].every((s) => s === 'stopped')).toBe(true);
  await cdp.detach();
}

test('a logged interaction lands in IndexedDB and appears on the dashboard', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/dashboard/i);
  const reason = `Reviewer is a vendor ${Date.now()}`;
  const res = await send(page, { type: 'log-interaction', input: input(reason) });
  expect(res).toMatchObject({ ok: true });
  const stored = await readRecord(page, (res as { id: string }).id);
  // Redacted mode (the default) keeps only the site of the address (issue #11).
  expect(stored).toMatchObject({
    reason,
    site: 'facebook',
    outcome: 'overridden',
    url: 'https://www.facebook.com',
    textMode: 'redacted',
    fingerprint: '',
  });
  // The dashboard that is already open shows it (live), without a reload.
  await expect(page.getByRole('cell', { name: reason })).toBeVisible();
  // The count is formatted ("1,396 records" once earlier tests have logged a thousand).
  await expect(page.getByText(/Log verified: [\d,]+ records/)).toBeVisible();
});

test('a write acknowledged before the service worker stops is there after it restarts', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const reason = `Acknowledged before stop ${Date.now()}`;
  const res = (await send(page, { type: 'log-interaction', input: input(reason) })) as { ok: boolean; id: string };
  expect(res.ok).toBe(true);
  await stopWorkers(context, page);
  // A new message wakes a fresh worker, which reads the record back from IndexedDB.
  const recent = (await send(page, { type: 'recent-interactions', limit: 20 })) as {
    ok: boolean;
    records: Array<{ id: string; reason: string }>;
  };
  expect(recent.ok).toBe(true);
  expect(recent.records.map((r) => r.id)).toContain(res.id);
  expect((await readRecord(page, res.id))?.reason).toBe(reason);
  // And the chain continues across the restart.
  const next = (await send(page, { type: 'log-interaction', input: input(`${reason} (after)`) })) as { id: string };
  const [a, b] = [await readRecord(page, res.id), await readRecord(page, next.id)];
  expect(b!.seq).toBeGreaterThan(a!.seq);
});

test('the pending queue is drained after the service worker wakes', async ({ page, context, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await stopWorkers(context, page);
  const tag = `Queued while asleep ${Date.now()}`;
  // What content scripts in two tabs do when their message cannot reach the background: each
  // writes its own key, `pending:<id>` (issue #11), so neither overwrites the other.
  const a = { ...input(`${tag} #1`), id: crypto.randomUUID(), queuedAt: Date.now() };
  const b = {
    ...input(`${tag} #2`, { outcome: 'edited', verdict: 'warn' }),
    id: crypto.randomUUID(),
    queuedAt: Date.now(),
  };
  await Promise.all([
    page.evaluate((e) => chrome.storage.local.set({ [`pending:${e.id}`]: e }), a),
    page.evaluate((e) => chrome.storage.local.set({ [`pending:${e.id}`]: e }), b),
  ]);
  // Any message (or the storage change itself) wakes the worker, which drains the queue.
  await send(page, { type: 'recent-interactions', limit: 1 });
  await expect
    .poll(async () =>
      Object.keys(await page.evaluate(() => chrome.storage.local.get(null))).filter((k) => k.startsWith('pending:')),
    )
    .toEqual([]);
  // Each queued interaction is written once, under its own id.
  expect((await readRecord(page, a.id))?.reason).toBe(`${tag} #1`);
  expect((await readRecord(page, b.id))?.reason).toBe(`${tag} #2`);
  // Sending one of them again (a retry after the worker wrote it) writes nothing new.
  const again = (await send(page, { type: 'log-interaction', input: { ...a, queuedAt: undefined } })) as { id: string };
  expect(again.id).toBe(a.id);
});

test('a pause set from any page is recorded in the chain by the background', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const until = Date.now() + 15 * 60_000;
  await page.evaluate(async (until) => {
    const got = (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
    await chrome.storage.local.set({ settings: { ...(got ?? {}), pausedUntil: until } });
  }, until);
  await expect
    .poll(async () => {
      const recent = (await send(page, { type: 'recent-interactions', limit: 20, includeEvents: true })) as {
        records: Array<{ outcome: string; detail?: { until?: string } }>;
      };
      return recent.records.find((r) => r.outcome === 'paused')?.detail?.until;
    })
    .toBe(new Date(until).toISOString());
  await page.evaluate(async () => {
    const got = (await chrome.storage.local.get('settings')).settings as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...got, pausedUntil: 0 } });
  });
  await expect
    .poll(async () => {
      const recent = (await send(page, { type: 'recent-interactions', limit: 5, includeEvents: true })) as {
        records: Array<{ outcome: string }>;
      };
      return recent.records[0]?.outcome;
    })
    .toBe('resumed');
});

test('pages may not record what the background records itself; the checkpoint is signed', async ({
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const forged = await send(page, { type: 'record-event', event: { outcome: 'pruned', detail: { upToSeq: 1 } } });
  expect(forged).toMatchObject({ ok: false });
  const res = (await send(page, { type: 'checkpoint' })) as {
    ok: boolean;
    checkpoint: { seq: number; hash: string; signature: string; publicKey: { kty: string; d?: string } };
  };
  expect(res.ok).toBe(true);
  expect(res.checkpoint.hash).toMatch(/^[0-9a-f]{64}$|^$/);
  expect(res.checkpoint.signature.length).toBeGreaterThan(40);
  // Only the public half of the key is ever handed out.
  expect(res.checkpoint.publicKey.kty).toBe('EC');
  expect(res.checkpoint.publicKey.d).toBeUndefined();
});

test('malformed input is refused with a clear error', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const res = await send(page, { type: 'log-interaction', input: { ...input('x'), outcome: 'deleted' } });
  expect(res).toEqual({ ok: false, error: 'The interaction\'s "outcome" is missing or invalid.' });
});

/**
 * Runs `expression` in the guard's content script (its isolated world) on `page`, as a page
 * that took over the content script could: through the DevTools protocol's execution contexts.
 */
async function inContentScript(context: BrowserContext, page: Page, extensionId: string, expression: string) {
  const cdp = await context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c));
  await cdp.send('Runtime.enable');
  await expect
    .poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId)))
    .toBe(true);
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId))!;
  const { result } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: ctx.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value as unknown;
}

test('the real content script may log an interaction but not read the log, record events or take the checkpoint', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const ask = (m: object) =>
    inContentScript(context, page, extensionId, `chrome.runtime.sendMessage(${JSON.stringify(m)})`);
  for (const m of [
    { type: 'recent-interactions', limit: 5 },
    { type: 'record-event', event: { outcome: 'settings-imported', detail: { file: 'x' } } },
    { type: 'checkpoint' },
  ]) {
    expect(await ask(m)).toMatchObject({ ok: false, error: "Only Reply Guard's own pages may do this." });
  }
  const logged = (await ask({ type: 'log-interaction', input: input('from the content script') })) as {
    ok: boolean;
    id: string;
  };
  expect(logged.ok).toBe(true);
  // A burst from one tab is cut off at 30 a minute, with a record of what was refused.
  const results = (await inContentScript(
    context,
    page,
    extensionId,
    `Promise.all(Array.from({ length: 40 }, (_, i) => chrome.runtime.sendMessage(${JSON.stringify({
      type: 'log-interaction',
      input: input('flood'),
    })})))`,
  )) as Array<{ ok: boolean }>;
  expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(29);
  expect(results.filter((r) => !r.ok).length).toBeGreaterThanOrEqual(11);
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const recent = (await send(dash, { type: 'recent-interactions', limit: 60, includeEvents: true })) as {
    records: Array<{ outcome: string; detail?: { why?: string } }>;
  };
  expect(recent.records.some((r) => r.outcome === 'refused' && r.detail?.why === 'rate-limit')).toBe(true);
  await dash.close();
});
