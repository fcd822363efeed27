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

// Issue #4 on the Facebook replica: a real Lexical composer, Enter posts, the send arrow posts.

test.describe('Facebook', () => {
  test('flags while typing: attribute, highlight and chip', async ({ page, strayRequests }) => {
    const errors = collectErrors(page);
    await page.goto(REPLICA_ROUTES.facebook);
    const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    // Screen readers hear the verdict of the box being typed in.
    await expect(page.getByRole('status')).toHaveText(/^Reply Guard: \d+ problems? found/);
    const chip = page.getByRole('button', { name: /Reply Guard:/ });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page.getByRole('region', { name: 'Reply Guard findings' })).toBeVisible();
    // The editor's DOM holds only Lexical's own nodes: marks are ranges, not elements.
    expect(await box.evaluate((el) => el.querySelectorAll('mark, [data-reply-guard-mark]').length)).toBe(0);
    expect(errors).toEqual([]);
    expect(strayRequests).toEqual([]);
  });

  test('holds Enter on a risky reply; Edit reply keeps the text and focus', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.keyboard.press('Enter');
    const dialog = guardDialog(page);
    await expect(dialog).toBeVisible();
    expect(await posted(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Edit reply' }).click();
    await expect(dialog).toBeHidden();
    await expect(box).toBeFocused();
    await expect(box).toHaveText(RISKY);
    expect(await posted(page)).toEqual([]);
  });

  test('holds the send arrow; Use a safe template replaces the reply without posting', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const dialog = guardDialog(page);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Use a safe template' }).click();
    await expect(dialog).toBeHidden();
    await expect(box).not.toHaveText(RISKY);
    await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 2000 });
    expect(await posted(page)).toEqual([]);
    // Lexical saw the new text: Enter now posts exactly it, with no dialog.
    const text = (await box.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(20);
    // Exactly one template, written once (not appended to the old text, not doubled).
    expect(text.indexOf(text.slice(0, 20), 1)).toBe(-1);
    await box.press('Enter');
    await expect.poll(() => posted(page)).toEqual([text]);
    await expect(dialog).toBeHidden();
  });

  test('Post anyway asks for a reason and posts exactly the text written', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.keyboard.press('Enter');
    const dialog = guardDialog(page);
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
    // A page script cannot click through the dialog.
    await page.evaluate(() => {
      const host = document.querySelector('reply-guard-ui');
      const btn = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Confirm and post',
      );
      btn?.click();
    });
    await expect(dialog).toBeVisible();
    expect(await posted(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Patient asked us to reply publicly');
    await dialog.getByRole('button', { name: 'Confirm and post' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => posted(page)).toEqual([RISKY]);
  });

  test('a clean reply posts at once with no dialog', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await typeAndExpectVerdict(box, CLEAN, /^ok$/);
    await page.keyboard.press('Enter');
    expect(await posted(page)).toEqual([CLEAN]);
    await expect(guardDialog(page)).toHaveCount(0);
  });

  test('a reply composer inserted late is guarded', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const boxes = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
    await expect(boxes).toHaveCount(2);
    const late = boxes.nth(1);
    await typeAndExpectVerdict(late, RISKY, /^(warn|block)$/);
    await page.keyboard.press('Enter');
    await expect(guardDialog(page)).toBeVisible();
    expect(await posted(page)).toEqual([]);
  });

  test('after in-app navigation (pushState) the new composer is guarded', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.facebook);
    await page.getByRole('link', { name: 'Whitening post' }).click();
    await expect(page).toHaveURL(/pfbid03demo/);
    const box = page.getByRole('textbox', { name: 'Reply to Sam Rivera' });
    await typeAndExpectVerdict(box, 'Sorry your root canal hurt, Sam.', /^(warn|block)$/);
    await page.keyboard.press('Enter');
    await expect(guardDialog(page)).toBeVisible();
    expect(await posted(page)).toEqual([]);
  });
});
