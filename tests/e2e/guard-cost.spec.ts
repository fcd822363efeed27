import type { CDPSession, Page } from '@playwright/test';
import { guardStatus } from './guard-probe';
import { expect, REPLICA_ROUTES, replicaFile, test } from './harness';
import { traceContentScript } from './replicas/guard-helpers';

// Issue #4's cost: nothing measurable on pages without a reply box. The content script is small;
// the engine (rules, templates, React overlay: guard-engine.js) is imported from the extension
// only once a page has a reply box. These tests assert those facts; the timing figures are
// printed here for the record and measured properly (medians, baseline) by tests/bench/guard.bench.ts.

const ENGINE = 'guard-engine.js';

/** Every script V8 parses in the page's frames (all worlds), and the worlds they ran in. */
async function watchScripts(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts = new Map<number, { type: string; name: string }>();
  const scripts: Array<{ url: string; contextId: number }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = (context.auxData ?? {}) as { type?: string };
    contexts.set(context.id, { type: aux.type ?? '', name: context.name });
  });
  cdp.on('Debugger.scriptParsed', (e) => scripts.push({ url: e.url, contextId: e.executionContextId }));
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  return {
    cdp,
    engine: () => scripts.filter((s) => s.url.includes(ENGINE)),
    worldOf: (s: { contextId: number }) => contexts.get(s.contextId),
  };
}

test('a page without a reply box never loads the engine; start-up of the content script', async ({
  page,
  extensionId,
}) => {
  const watch = await watchScripts(page);
  // A DevTools trace of the first load: the content script's evaluate (parse + compile + run).
  const cost = await traceContentScript(page, extensionId, REPLICA_ROUTES.yelpNoBox, async () => {
    // The content script answers (it leaves no marker in the page: issue #10 item 4).
    await expect.poll(async () => (await guardStatus(page.context(), page.url()))?.site).toBe('yelp');
    // Longer than the guard's throttled rescan and idle loading would take, were there a box.
    await page.waitForTimeout(1500);
  });
  console.log(
    `content script start-up (no reply box): evaluate ${cost.evaluate.toFixed(1)} ms, of which compile ${cost.compile.toFixed(1)} ms`,
  );
  expect(cost.evaluate).toBeGreaterThan(0);

  // The facts: no engine, no overlay, no highlights, no styles added.
  expect(watch.engine()).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(0);
  expect(await page.locator('reply-guard-ui').count()).toBe(0);
  expect(await page.evaluate(() => CSS.highlights.size + document.adoptedStyleSheets.length)).toBe(0);
});

test('the engine loads once a reply box appears, in the isolated world, under the dynamic id', async ({
  page,
  extensionId,
}) => {
  const watch = await watchScripts(page);
  await page.goto(REPLICA_ROUTES.yelp);
  await expect.poll(() => watch.engine().length).toBe(1);
  const [engine] = watch.engine();
  // A module imported by a content script runs in its isolated world, not the page's.
  expect(watch.worldOf(engine!)?.type).toBe('isolated');
  // use_dynamic_url: the content script asks for the engine under a per-session id (what
  // runtime.getURL answers in the guarded sites' pages), and the page cannot probe the
  // extension's fixed id for it (fingerprinting).
  const { result } = await watch.cdp.send('Runtime.evaluate', {
    contextId: engine!.contextId,
    expression: `chrome.runtime.getURL('/${ENGINE}')`,
  });
  const asked = new URL(String(result.value));
  expect(asked.protocol).toBe('chrome-extension:');
  expect(asked.host).not.toBe(extensionId);
  const probe = (url: string) =>
    page.evaluate(
      (u) =>
        fetch(u).then(
          (r) => r.status,
          () => 'refused',
        ),
      url,
    );
  expect(await probe(`chrome-extension://${extensionId}/${ENGINE}`)).toBe('refused');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(1);
  const loadMs = await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules')[0]!.duration);
  console.log(`engine load once a reply box appears (idle time): ${loadMs.toFixed(1)} ms`);

  // The engine works from there: rules, overlay and dialog.
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await box.click();
  await box.pressSequentially('So sorry your crown came loose, Maria! Please call our office.', { delay: 5 });
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/);
  await expect(page.locator('reply-guard-ui')).toHaveCount(1);
  const analyzeMs = await page.evaluate(
    () => performance.getEntriesByName('reply-guard:analyze').at(-1)?.duration ?? -1,
  );
  console.log(`one analysis while typing: ${analyzeMs.toFixed(1)} ms`);
  await page.getByRole('button', { name: /post public comment/i }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.getByRole('button', { name: 'Edit reply' }).click();
  // Loaded once per page, however many boxes and focuses.
  await page.getByRole('textbox', { name: 'Direct message' }).click();
  await page.waitForTimeout(300);
  expect(watch.engine().length).toBe(1);
});

test("the engine loads under a page's strict script policy", async ({ page }) => {
  // Facebook and Google serve strict Content-Security-Policy headers: the page's policy must not
  // stop the content script's import (it is not the page's script).
  await page.route(REPLICA_ROUTES.yelp, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': "script-src 'none'; object-src 'none'; base-uri 'none'" },
      body: replicaFile('yelp.html'),
    }),
  );
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await box.click();
  await box.pressSequentially('Glad your root canal went well, Maria!', { delay: 5 });
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/);
});
