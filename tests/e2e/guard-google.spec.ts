import { expect, REPLICA_ROUTES, test } from './harness';
import { CLEAN, collectErrors, highlightCount, posted, RISKY, typeAndExpectVerdict } from './replicas/guard-helpers';

// Issue #4 on the Google Business Profile replica: the reviews manager is an iframe on Search;
// the reply is a textarea posted by the "Reply" button's click handler.

test.describe('Google Business Profile (iframe)', () => {
  test('flags while typing inside the reviews iframe; marks drawn over the textarea', async ({
    page,
    strayRequests,
  }) => {
    const errors = collectErrors(page);
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const box = frame.getByRole('textbox', { name: 'Reply' }).first();
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    const inner = page.frame({ url: /customers\/reviews/ })!;
    expect(await highlightCount(inner)).toBeGreaterThan(0);
    await expect(frame.getByRole('button', { name: /Reply Guard:/ })).toBeVisible();
    // The Search page around the iframe is not touched.
    expect(await highlightCount(page)).toBe(0);
    expect(errors).toEqual([]);
    expect(strayRequests).toEqual([]);
  });

  test('holds the Reply button; Edit reply keeps the text', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const inner = page.frame({ url: /customers\/reviews/ })!;
    const box = frame.getByRole('textbox', { name: 'Reply' }).first();
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    const dialog = frame.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    expect(await posted(inner)).toEqual([]);
    await dialog.getByRole('button', { name: 'Edit reply' }).click();
    await expect(dialog).toBeHidden();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(RISKY);
  });

  test('Use a safe template writes an approved reply the page sees', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const inner = page.frame({ url: /customers\/reviews/ })!;
    const box = frame.getByRole('textbox', { name: 'Reply' }).first();
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    await frame.getByRole('alertdialog').getByRole('button', { name: 'Use a safe template' }).click();
    await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 2000 });
    const text = await box.inputValue();
    expect(text).not.toBe(RISKY);
    expect(await posted(inner)).toEqual([]);
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => posted(inner)).toEqual([text]);
  });

  test('Post anyway with a reason posts exactly the text', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const inner = page.frame({ url: /customers\/reviews/ })!;
    const box = frame.getByRole('textbox', { name: 'Reply' }).first();
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    const dialog = frame.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Reviewer posted this publicly first');
    await dialog.getByRole('button', { name: 'Confirm and post' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => posted(inner)).toEqual([RISKY]);
  });

  test('a clean reply posts with no dialog', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const inner = page.frame({ url: /customers\/reviews/ })!;
    const box = frame.getByRole('textbox', { name: 'Reply' }).first();
    await typeAndExpectVerdict(box, CLEAN, /^ok$/);
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    expect(await posted(inner)).toEqual([CLEAN]);
    await expect(frame.getByRole('alertdialog')).toHaveCount(0);
  });

  test('a review loaded late gets a guarded reply box', async ({ page }) => {
    await page.goto(REPLICA_ROUTES.google);
    const frame = page.frameLocator('iframe[title="Reviews"]');
    const inner = page.frame({ url: /customers\/reviews/ })!;
    await frame.getByRole('button', { name: 'More reviews' }).click();
    const late = frame.getByRole('textbox', { name: 'Reply' }).nth(1);
    await expect(late).toBeVisible();
    await typeAndExpectVerdict(late, RISKY, /^(warn|block)$/);
    await frame.getByRole('button', { name: 'Reply', exact: true }).nth(1).click();
    await expect(frame.getByRole('alertdialog')).toBeVisible();
    expect(await posted(inner)).toEqual([]);
  });
});

test.describe('Google Business Profile (classic dashboard, contenteditable box)', () => {
  test('flags, holds, writes a template through the box, and posts exactly the text on override', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(REPLICA_ROUTES.googleDashboard);
    const box = page.getByRole('textbox', { name: 'Reply to review' });
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Post reply' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Use a safe template' }).click();
    await expect(box).toHaveAttribute('data-hipaa-guard', 'ok');
    const template = (await box.innerText()).trim();
    expect(template).not.toContain('crown');
    expect(await posted(page)).toEqual([]);
    // Back to the risky text, then post it anyway.
    await box.press('ControlOrMeta+a');
    await box.press('Backspace');
    await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await dialog.getByRole('button', { name: 'Post anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Reviewer asked for this wording');
    await dialog.getByRole('button', { name: 'Confirm and post' }).click();
    await expect.poll(() => posted(page)).toEqual([RISKY]);
    expect(errors).toEqual([]);
  });
});
