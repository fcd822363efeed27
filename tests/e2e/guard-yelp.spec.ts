import { expect, REPLICA_ROUTES, test } from './harness';
import {
  CLEAN,
  collectErrors,
  guardDialog,
  highlightCount,
  posted,
  RISKY,
  typeAndExpectVerdict,
} from './replicas/guard-helpers';

// Issue #4 on the Yelp for Business replica: public comment and private message forms.

test.describe('Yelp for Business', () => {
  test('flags while typing in the public comment', async ({ page, strayRequests }) => {
    const errors = collectErrors(page);
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Public comment' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: /Reply Guard:/ })).toBeVisible();
    expect(errors).toEqual([]);
    expect(strayRequests).toEqual([]);
  });

  test('holds the form submit; Edit reply keeps the text', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Public comment' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Post public comment' }).click();
    const dialog = guardDialog(page);
    await expect(dialog).toBeVisible();
    expect(await posted(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(RISKY);
    expect(await posted(page)).toEqual([]);
  });

  test('holds a programmatic requestSubmit from the page too', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Direct message' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.evaluate(() => document.querySelector<HTMLFormElement>('form.private-message')!.requestSubmit());
    await expect(guardDialog(page)).toBeVisible();
    expect(await posted(page)).toEqual([]);
  });

  test('Use a safe template replaces the message without sending', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Direct message' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Send message' }).click();
    await guardDialog(page).getByRole('button', { name: 'Use a safe template' }).click();
    await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 2000 });
    expect(await box.inputValue()).not.toBe(RISKY);
    expect(await posted(page)).toEqual([]);
  });

  test('Post anyway with a reason submits exactly the text', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Public comment' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Post public comment' }).click();
    const dialog = guardDialog(page);
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    // Confirming without a reason does nothing but ask for one.
    await dialog.getByRole('button', { name: 'Confirm and post' }).click();
    await expect(dialog).toBeVisible();
    expect(await posted(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Approved by the privacy officer');
    await dialog.getByRole('button', { name: 'Confirm and post' }).click();
    await expect.poll(() => posted(page)).toEqual([RISKY]);
  });

  test('a clean comment posts with no dialog', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    const box = page.getByRole('textbox', { name: 'Public comment' });
    await typeAndExpectVerdict(box, CLEAN, /^ok$/);
    await page.getByRole('button', { name: 'Post public comment' }).click();
    expect(await posted(page)).toEqual([CLEAN]);
    await expect(guardDialog(page)).toHaveCount(0);
  });

  test('a review loaded late gets a guarded comment box', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.yelp);
    await page.getByRole('button', { name: 'Load more reviews' }).click();
    const late = page.getByRole('textbox', { name: 'Public comment' }).nth(1);
    await expect(late).toBeVisible();
    await typeAndExpectVerdict(late, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Post public comment' }).nth(1).click();
    await expect(guardDialog(page)).toBeVisible();
    expect(await posted(page)).toEqual([]);
  });
});
