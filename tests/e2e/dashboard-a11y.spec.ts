/**
 * Issue #6: the dashboard, its charts and the quarterly audit report have no serious or critical
 * accessibility violation (axe-core), with a realistic log loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { seedLog } from './log-seed';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE_SOURCE = fs.readFileSync(path.resolve(here, '../../node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Serious and critical axe violations on the page, in short. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the extension page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

test('the dashboard and the audit report pass axe', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seedLog(page, 400, { days: 120, seed: 21 });
  await page.reload();
  await expect(page.getByText('Flagged replies per week, by category')).toBeVisible();
  await page
    .getByRole('button', { name: /^Details of record/ })
    .first()
    .click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  await expect(page.getByRole('heading', { name: 'Quarterly audit report' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
