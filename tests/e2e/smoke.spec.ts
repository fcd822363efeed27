import { expect, REPLICA_ROUTES, test } from './harness';

// Issue #2: the content script runs on every replica (the Google iframe included) and the
// extension's own pages open.

test('content script runs on the Facebook replica', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  await expect(page.locator('html')).toHaveAttribute('data-reply-guard', 'loaded');
  await expect(page.locator('[data-lexical-editor]')).toBeVisible();
});

test('content script runs inside the Google reviews iframe', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.google);
  const frame = page.frameLocator('iframe[title="Reviews"]');
  await expect(frame.locator('html')).toHaveAttribute('data-reply-guard', 'loaded');
  // The Search page around it is not one of the extension's hosts.
  await expect(page.locator('html')).not.toHaveAttribute('data-reply-guard', 'loaded');
});

test('content script runs on the Yelp for Business replica', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  await expect(page.locator('html')).toHaveAttribute('data-reply-guard', 'loaded');
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
