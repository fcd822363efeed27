import { expect, test } from './harness';
import { seedLog } from './log-seed';

// Screenshots of the dashboard with a realistic log, for a human to look at (set RG_SCREENSHOTS=dir).
test.skip(!process.env.RG_SCREENSHOTS, 'screenshots only on request');

test('dashboard screenshots', async ({ page, extensionId }) => {
  test.setTimeout(180_000);
  const dir = process.env.RG_SCREENSHOTS!;
  await page.setViewportSize({ width: 1360, height: 1000 });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seedLog(page, 2400, { days: 180 });
  await page.reload();
  await expect(page.getByText(/Log verified/)).toBeVisible();
  await expect(page.getByText('Flagged replies per week, by how they ended')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `${dir}/dashboard-log.png`, fullPage: true });
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  await expect(page.getByRole('heading', { name: /^Quarterly audit report: / })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `${dir}/dashboard-audit.png`, fullPage: true });
  await page.getByRole('button', { name: 'Integrity and workstations' }).click();
  await expect(page.getByTestId('checkpoint-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: `${dir}/dashboard-integrity.png`, fullPage: true });
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${dir}/dashboard-audit-print.png`, fullPage: true });
});
