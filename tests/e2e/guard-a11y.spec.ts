import { seriousViolations } from './axe';
import { expect, REPLICA_ROUTES, test } from './harness';
import { guardDialog, RISKY, setSettings, typeAndExpectVerdict } from './replicas/guard-helpers';

// The guard's own UI (chip, findings list, dialog) has no serious or critical axe violations.
// axe-core walks open shadow roots, which is where the guard renders.

test('chip, findings and dialog pass axe (no serious or critical violations)', async ({
  page,
  context,
  extensionId,
}) => {
  // With a staff list, so the dialog's "Who is replying" choice is checked too.
  await setSettings(context, extensionId, { profile: { staff: [{ name: 'Dana Ortiz' }] } });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.getByRole('button', { name: /Reply Guard:/ }).click();
  const run = () => seriousViolations(page, ['reply-guard-ui']);
  expect(await run()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect(guardDialog(page)).toBeVisible();
  expect(await run()).toEqual([]);
  await expect(guardDialog(page).getByRole('combobox', { name: 'Who is replying' })).toBeVisible();
  await guardDialog(page).getByRole('button', { name: 'Post anyway' }).click();
  expect(await run()).toEqual([]);
  await setSettings(context, extensionId, {});
});
