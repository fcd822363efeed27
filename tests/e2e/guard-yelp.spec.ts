import type { Page } from '@playwright/test';
import { expect, REPLICA_ROUTES, test } from './harness';
import { collectErrors, guardDialog, highlightCount, posted, typeAndExpectVerdict } from './replicas/guard-helpers';
import { REPLICA_LANGS, type ReplicaLang, WORDS } from './replicas/i18n';
import { SITE_REPLICAS } from './replicas/routes';

// Issue #10 on the Yelp for Business reviews page rebuilt from real markup, in English, Spanish and
// Italian: "Comment" inserts an unlabelled, React-controlled textarea into the review card; Send is
// disabled until text and the card re-renders without the box once it posts.

/** Opens the comment box of review card `i`; returns the box and its Send button. */
async function openComment(page: Page, lang: ReplicaLang, i: number) {
  const w = WORDS[lang];
  const card = page.locator(`[data-rg-card="${i}"]`);
  await card.getByRole('button', { name: w.yelp.comment, exact: true }).click();
  const box = card.locator('textarea');
  await expect(box).toBeFocused();
  return { box, send: card.getByRole('button', { name: w.yelp.send, exact: true }) };
}

for (const lang of REPLICA_LANGS) {
  const w = WORDS[lang];

  test.describe(`Yelp for Business (${lang})`, () => {
    test('flags the unlabelled box; holds Send; Edit keeps the text; a template is what React posts', async ({
      page,
      strayRequests,
    }) => {
      const errors = collectErrors(page);
      await page.goto(SITE_REPLICAS.yelpReviews(lang));
      const { box, send } = await openComment(page, lang, 0);
      await typeAndExpectVerdict(box, w.replies.risky, /^(warn|block)$/);
      expect(await highlightCount(page)).toBeGreaterThan(0);
      await expect(page.getByRole('button', { name: /Reply Guard:/ })).toBeVisible();

      await send.click();
      const dialog = guardDialog(page);
      await expect(dialog).toBeVisible();
      expect(await posted(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Edit reply' }).click();
      await expect(dialog).toBeHidden();
      await expect(box).toBeFocused();
      await expect(box).toHaveValue(w.replies.risky);

      await send.click();
      await dialog.getByRole('button', { name: 'Use a safe template' }).click();
      await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 3000 });
      const template = await box.inputValue();
      expect(template).not.toBe(w.replies.risky);
      // The page posts the value it tracked from input events: the template, exactly.
      await send.click();
      await expect.poll(() => posted(page)).toEqual([template]);
      // Posted: the card re-rendered without the box.
      await expect(box).toHaveCount(0);
      await expect(dialog).toHaveCount(0);
      expect(errors).toEqual([]);
      expect(strayRequests).toEqual([]);
    });

    test('Post anyway sends exactly the text; a clean comment is untouched; an echo of the review is caught', async ({
      page,
    }) => {
      await page.goto(SITE_REPLICAS.yelpReviews(lang));
      const second = await openComment(page, lang, 1);
      await typeAndExpectVerdict(second.box, w.replies.clean, /^ok$/);
      await second.send.click();
      await expect.poll(() => posted(page)).toEqual([w.replies.clean]);
      await expect(guardDialog(page)).toHaveCount(0);

      const first = await openComment(page, lang, 0);
      // Harmless alone: it repeats the treatment the review in this card names.
      await typeAndExpectVerdict(first.box, w.replies.echo, /^block$/);
      await first.send.click();
      const dialog = guardDialog(page);
      await dialog.getByRole('button', { name: 'Post anyway' }).click();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Reviewer named it publicly');
      await dialog.getByRole('button', { name: 'Confirm and post' }).click();
      await expect.poll(() => posted(page)).toEqual([w.replies.clean, w.replies.echo]);
    });
  });
}

test('Yelp respond form (the older page): the form submit is held, and posts exactly the text on override', async ({
  page,
}) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Direct message' });
  await typeAndExpectVerdict(box, WORDS.en.replies.risky, /^(warn|block)$/);
  await page.getByRole('button', { name: 'Send message' }).click();
  const dialog = guardDialog(page);
  await expect(dialog).toBeVisible();
  expect(await posted(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Approved by the privacy officer');
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  await expect.poll(() => posted(page)).toEqual([WORDS.en.replies.risky]);
});
