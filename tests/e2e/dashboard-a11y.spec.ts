import { seriousViolations } from './axe';
import { expect, test } from './harness';
import { seedLog } from './log-seed';

test('the dashboard, the audit report and the integrity view pass axe', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seedLog(page, 400, { days: 120, seed: 21 });
  await page.reload();
  await expect(page.getByText('Flagged replies per week, by how they ended')).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('button', { name: /^Details of record/ })
    .first()
    .click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  await expect(page.getByRole('heading', { name: /^Quarterly audit report: Q\d \d{4}$/ })).toBeVisible({
    timeout: 20_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Integrity and workstations' }).click();
  await expect(page.getByTestId('checkpoint-hash')).toHaveText(/^[0-9a-f]{64}$/);
  expect(await seriousViolations(page)).toEqual([]);
});
