import { guardStatus } from './guard-probe';
import { expect, REPLICA_ROUTES, test } from './harness';

// Issue #2: the content script runs on every replica (the Google iframe included) and the
// extension's own pages open.

// The guard leaves no marker in the page (issue #10 item 4): the content script is asked directly.
test('content script runs on the Facebook replica', async ({ page, context }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  await expect.poll(async () => (await guardStatus(context, page.url()))?.site).toBe('facebook');
  await expect(page.locator('[data-lexical-editor]')).toBeVisible();
});

test('content script runs inside the Google reviews iframe', async ({ page, context }) => {
  await page.goto(REPLICA_ROUTES.google);
  await expect(page.frameLocator('iframe[title="Reviews"]').locator('html')).toBeAttached();
  await expect.poll(async () => (await guardStatus(context, page.url()))?.site).toBe('google');
  // The Search page around it is not one of the extension's hosts.
  expect(await guardStatus(context, page.url(), 0)).toBeNull();
});

test('content script runs on the Yelp for Business replica', async ({ page, context }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  await expect.poll(async () => (await guardStatus(context, page.url()))?.site).toBe('yelp');
  // And says so nowhere in the page itself.
  expect(await page.evaluate(() => document.documentElement.getAttributeNames())).not.toContain('data-reply-guard');
});

for (const [file, heading] of [
  ['popup.html', /Reply Guard/],
  ['options.html', /settings/i],
  ['dashboard.html', /dashboard/i],
] as const) {
  test(`extension page ${file} opens`, async ({ page, extensionId }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    expect(errors).toEqual([]);
  });
}
