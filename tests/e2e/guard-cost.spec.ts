import { expect, REPLICA_ROUTES, test } from './harness';

// Issue #4's cost figures, measured in Chromium with a DevTools trace: what the content script
// costs on a guarded page without a reply box (where the rules never load and nothing is added),
// and what loading the rules costs on a page with one (in an idle moment, or at first focus).

test('cost: start-up on a page without a reply box; rules only where there is one', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  const events: Array<{ name: string; dur?: number; args?: { data?: { url?: string } } }> = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await page.goto(REPLICA_ROUTES.yelpNoBox);
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await done;
  // EvaluateScript / v8.compile of the content script: its main-thread cost at start.
  const ours = events.filter((e) => e.args?.data?.url?.includes('reply-guard.js') && typeof e.dur === 'number');
  const startupMs = ours.filter((e) => e.name === 'EvaluateScript').reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  const compileMs = ours.filter((e) => e.name === 'v8.compile').reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  console.log(
    `content script start-up: evaluate ${startupMs.toFixed(1)} ms (of which compile ${compileMs.toFixed(1)} ms)`,
  );
  await expect(page.locator('html')).toHaveAttribute('data-reply-guard', 'loaded');
  // No reply box: the rules never load, no overlay, no highlights, no styles added.
  expect(await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(0);
  expect(await page.locator('reply-guard-ui').count()).toBe(0);
  expect(await page.evaluate(() => CSS.highlights.size + document.adoptedStyleSheets.length)).toBe(0);

  await page.goto(REPLICA_ROUTES.yelp);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(1);
  const rulesMs = await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules')[0]!.duration);
  console.log(`rules load on a page with a reply box (idle time): ${rulesMs.toFixed(1)} ms`);
  // One analysis of a typical reply, after the rules are warm.
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await box.click();
  await box.pressSequentially('So sorry your crown came loose, Maria! Please call our office.', { delay: 5 });
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/);
  const analyzeMs = await page.evaluate(
    () => performance.getEntriesByName('reply-guard:analyze').at(-1)?.duration ?? -1,
  );
  console.log(`one analysis while typing: ${analyzeMs.toFixed(1)} ms`);
  expect(analyzeMs).toBeGreaterThanOrEqual(0);
  test.info().annotations.push({
    type: 'cost',
    description: `start-up ${startupMs.toFixed(1)} ms (compile ${compileMs.toFixed(1)} ms); rules ${rulesMs.toFixed(1)} ms`,
  });
});
