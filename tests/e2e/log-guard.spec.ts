import { expect, REPLICA_ROUTES, test } from './harness';
import { guardDialog, posted, RISKY, typeAndExpectVerdict } from './replicas/guard-helpers';

// Issue #6 end to end: the real content script (issue #4) logs an override through the
// background, and the practice manager's dashboard shows it with its reason.

test('an override on the Yelp replica reaches the log and the dashboard', async ({ page, context, extensionId }) => {
  const reason = `Approved by the privacy officer ${Date.now()}`;
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.getByRole('button', { name: 'Post public comment' }).click();
  const dialog = guardDialog(page);
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  await expect.poll(() => posted(page)).toEqual([RISKY]);

  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const row = dash.getByRole('row').filter({ hasText: reason });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Yelp');
  await expect(row).toContainText('Posted anyway');
  await expect(dash.getByText(/^✓ Log verified/).first()).toBeVisible();
  await dash.close();
});
