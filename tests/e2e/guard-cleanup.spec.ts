import { expect, launchWithExtension, REPLICA_ROUTES, test } from './harness';
import { highlightCount, posted, RISKY, typeAndExpectVerdict } from './replicas/guard-helpers';

// When the extension is updated, reloaded or removed, the guard in open pages lets go: no
// attribute, no marks, no overlay, no held posts. Its own browser: the reload ends the worker.

test('an extension reload leaves open pages as they were', async () => {
  const { context } = await launchWithExtension();
  try {
    const page = await context.newPage();
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Public comment' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await expect(page.locator('reply-guard-ui')).toHaveCount(1);
    const worker = context.serviceWorkers()[0]!;
    await worker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    await expect(box).not.toHaveAttribute('data-hipaa-guard', { timeout: 10_000 });
    await expect(page.locator('reply-guard-ui')).toHaveCount(0);
    expect(await highlightCount(page)).toBe(0);
    // Nothing holds the post any more.
    await page.getByRole('button', { name: 'Post public comment' }).click();
    expect(await posted(page)).toEqual([RISKY]);
  } finally {
    await context.close();
  }
});
