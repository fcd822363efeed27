import { expect, REPLICA_ROUTES, test } from './harness';

// Issue #4's cost figures, measured in Chromium with a DevTools trace: what the content script
// costs on a guarded page before any reply box is used, and what loading the rules costs later.

test('cost: content script start-up, and rules loaded only on first use of a reply box', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  const events: Array<{ name: string; dur?: number; args?: { data?: { url?: string } } }> = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await page.goto(REPLICA_ROUTES.yelp);
  await page.waitForTimeout(500);
  await cdp.send('Tracing.end');
  await done;
  // EvaluateScript / v8.compile events for the content script: its whole main-thread cost at start.
  const ours = events.filter((e) => e.args?.data?.url?.includes('reply-guard.js') && typeof e.dur === 'number');
  const startupMs = ours.filter((e) => e.name === 'EvaluateScript').reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  const compileMs = ours.filter((e) => e.name === 'v8.compile').reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  console.log(`content script start-up: evaluate ${startupMs.toFixed(1)} ms (compile ${compileMs.toFixed(1)} ms)`);
  // Before any box is used the rules are not loaded.
  expect(await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(0);
  await page.getByRole('textbox', { name: 'Public comment' }).click();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length)).toBe(1);
  const rulesMs = await page.evaluate(() => performance.getEntriesByName('reply-guard:load-rules')[0]!.duration);
  console.log(
    `content script start-up: evaluate ${startupMs.toFixed(1)} ms (compile ${compileMs.toFixed(1)} ms); rules load on first focus: ${rulesMs.toFixed(1)} ms`,
  );
  test.info().annotations.push({
    type: 'cost',
    description: `startup ${startupMs.toFixed(1)} ms, rules ${rulesMs.toFixed(1)} ms`,
  });
  // Timing on a shared CI machine is too noisy to assert; the figure is reported, the laziness asserted.
  expect(startupMs).toBeGreaterThan(0);
});
