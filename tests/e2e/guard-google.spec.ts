import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { collectErrors, guardDialog, highlightCount, posted, typeAndExpectVerdict } from './replicas/guard-helpers';
import { REPLICA_LANGS, type ReplicaLang, WORDS } from './replicas/i18n';
import { SITE_REPLICAS } from './replicas/routes';

// Issue #10 on the Google Business Profile replicas rebuilt from real markup, in English, Spanish
// and Italian: the overlay in its iframe (opener and post button both "Reply", the box inserted
// by the opener, the post button disabled until text), the "Reply to reviews" queue (the next
// review loads into the same box), and business.google.com's "Post reply".

/**
 * The overlay inside Search (its iframe), or on its own address (one document less to load, for the
 * tests that are not about the frame), and the frame that records what was posted.
 */
async function openOverlay(page: Page, lang: ReplicaLang, inSearch = true) {
  if (!inSearch) {
    await page.goto(SITE_REPLICAS.googleOverlay(lang));
    return { frame: page as Page | FrameLocator, inner: page.mainFrame() };
  }
  await page.goto(SITE_REPLICAS.googleSearch(lang));
  const frame = page.frameLocator('iframe[title="Reviews"]');
  await expect(frame.locator('[jsname=rhPddf]').first()).toBeVisible();
  const inner = page.frame({ url: /customers\/reviews/ })!;
  return { frame: frame as Page | FrameLocator, inner };
}

/** Opens the reply box under review `i` with its "Reply" opener; returns the box and its post button. */
async function openBox(frame: Page | FrameLocator, lang: ReplicaLang, i: number) {
  const card = frame.locator(`[data-rg-card="${i}"]`);
  await card.locator('[jsname=rhPddf]').click();
  const box = card.getByRole('textbox', { name: WORDS[lang].google.box });
  await expect(box).toBeFocused();
  // Two buttons named "Reply" in the card: the opener and the post button (the one that is disabled until text).
  const send = card.locator('.rg-slot').getByRole('button', { name: WORDS[lang].google.reply, exact: true });
  return { box, send };
}

for (const lang of REPLICA_LANGS) {
  const w = WORDS[lang];

  test.describe(`Google Business Profile (${lang})`, () => {
    test('flags, holds the post button, Edit keeps the text, a template replaces it', async ({
      page,
      strayRequests,
    }) => {
      const errors = collectErrors(page);
      const { frame, inner } = await openOverlay(page, lang);
      const { box, send } = await openBox(frame, lang, 0);
      await typeAndExpectVerdict(box, w.replies.risky, /^(warn|block)$/);
      expect(await highlightCount(inner)).toBeGreaterThan(0);
      await expect(frame.getByRole('button', { name: /Reply Guard:/ })).toBeVisible();

      await send.click();
      const dialog = guardDialog(frame);
      await expect(dialog).toBeVisible();
      expect(await posted(inner)).toEqual([]);
      await dialog.getByRole('button', { name: 'Edit reply' }).click();
      await expect(dialog).toBeHidden();
      await expect(box).toBeFocused();
      await expect(box).toHaveValue(w.replies.risky);

      await send.click();
      await dialog.getByRole('button', { name: 'Use a safe template' }).click();
      await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 3000 });
      const template = await box.inputValue();
      expect(template).not.toBe(w.replies.risky);
      expect(await posted(inner)).toEqual([]);
      // The page saw the template (its post button woke up): posting sends exactly it.
      await send.click();
      await expect.poll(() => posted(inner)).toEqual([template]);
      await expect(dialog).toHaveCount(0);
      expect(errors).toEqual([]);
      expect(strayRequests).toEqual([]);
    });

    test('Post anyway posts exactly the text; a clean reply is untouched; an echo of the hidden full review is caught', async ({
      page,
    }) => {
      const { frame, inner } = await openOverlay(page, lang, false);
      const second = await openBox(frame, lang, 1);
      await typeAndExpectVerdict(second.box, w.replies.clean, /^ok$/);
      await second.send.click();
      await expect.poll(() => posted(inner)).toEqual([w.replies.clean]);
      await expect(guardDialog(frame)).toHaveCount(0);

      // The first review is truncated on screen; the term the reply repeats is only in its hidden full text.
      const first = await openBox(frame, lang, 0);
      await typeAndExpectVerdict(first.box, w.replies.echo, /^block$/);
      await first.send.click();
      const dialog = guardDialog(frame);
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Post anyway' }).click();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Reviewer named the treatment publicly');
      await dialog.getByRole('button', { name: 'Confirm and post' }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(() => posted(inner)).toEqual([w.replies.clean, w.replies.echo]);
      // Posted: the box went away with the re-render.
      await expect(first.box).toHaveCount(0);
    });

    test('the "Reply to reviews" queue: the next review loads into the same box and is read again', async ({
      page,
    }) => {
      const { frame, inner } = await openOverlay(page, lang, false);
      await frame.getByRole('button', { name: w.google.queueOpen }).click();
      const dialog = frame.getByRole('dialog');
      await expect(dialog.getByText(w.google.counter(1, 2))).toBeVisible();
      const box = dialog.getByRole('textbox', { name: w.google.box });
      const send = dialog.getByRole('button', { name: w.google.reply, exact: true });
      await typeAndExpectVerdict(box, w.replies.clean, /^ok$/);
      await send.click();
      await expect.poll(() => posted(inner)).toEqual([w.replies.clean]);
      // The same textarea now answers the next review, whose hidden full text names the treatment.
      await expect(dialog.getByText(w.google.counter(2, 2))).toBeVisible();
      await expect(box).toHaveValue('');
      await box.pressSequentially(w.replies.echo, { delay: 5 });
      await send.click();
      await expect(guardDialog(frame)).toBeVisible();
      expect(await posted(inner)).toEqual([w.replies.clean]);
    });

    test('business.google.com: "Post reply" is held; the override posts exactly the text', async ({ page }) => {
      await page.goto(SITE_REPLICAS.googleGroups(lang));
      const box = page.getByRole('textbox', { name: w.google.box }).first();
      await typeAndExpectVerdict(box, w.replies.risky, /^(warn|block)$/);
      await page.getByRole('button', { name: w.google.postReply }).first().click();
      const dialog = guardDialog(page);
      await expect(dialog).toBeVisible();
      expect(await posted(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Post anyway' }).click();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Approved by the privacy officer');
      await dialog.getByRole('button', { name: 'Confirm and post' }).click();
      await expect.poll(() => posted(page)).toEqual([w.replies.risky]);
    });
  });
}
