import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, REPLICA_ROUTES, test } from './harness';
import { guardDialog, RISKY, typeAndExpectVerdict } from './replicas/guard-helpers';

// The guard's own UI (chip, findings list, dialog) has no serious or critical axe violations.
// axe-core walks open shadow roots, which is where the guard renders.

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
}

test('chip, findings and dialog pass axe (no serious or critical violations)', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.getByRole('button', { name: /Reply Guard:/ }).click();
  await page.addScriptTag({ content: axeSource });
  const run = () =>
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<AxeResult> } }).axe;
      const r = await axe.run({ include: [['reply-guard-ui']] }, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
  expect(await run()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect(guardDialog(page)).toBeVisible();
  expect(await run()).toEqual([]);
  await guardDialog(page).getByRole('button', { name: 'Post anyway' }).click();
  expect(await run()).toEqual([]);
});
