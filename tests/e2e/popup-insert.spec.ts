/**
 * Issue #5: from the popup, an approved template goes into each site replica's reply editor
 * through the content script, as if typed, so the site's own editor (Lexical on Facebook) sees it
 * and posts exactly that text.
 *
 * The popup page is opened in a tab of its own, so it is told which tab to act on with `?tab=<id>`.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, REPLICA_ROUTES, test } from './harness';

/** Screenshots for review, beside this run's build (test-results/ is shared by parallel runs). */
const SCREENS = `${EXTENSION_DIR}/../screens`;

// The extension's own API inside the service worker (evaluated there, typed here for tsc).
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  windows: { create(opts: object): Promise<unknown> };
};

const PROFILE = { name: 'Bright Smile Dental', phone: '(555) 010-2000', email: 'hello@brightsmile.example', staff: [] };

async function worker(context: BrowserContext) {
  const [sw] = context.serviceWorkers();
  return sw ?? (await context.waitForEvent('serviceworker'));
}

/** Stores the practice profile and the staff member (so the popup does not ask). */
async function seedSettings(context: BrowserContext) {
  const sw = await worker(context);
  await sw.evaluate(
    (profile) => chrome.storage.local.set({ settings: { profile, staffMember: 'Dana Ortiz' } }),
    PROFILE,
  );
}

/** The id of the replica's tab: the active one once it is brought to the front. */
async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await worker(context);
  const id = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error('No active tab');
  return id;
}

/**
 * Opens the popup page in a small window of its own, as the toolbar popup sits beside the page: the
 * site's tab stays the visible, active tab of its window (a second tab would hide it, and hidden
 * tabs defer the editor's rendering).
 */
async function openPopupFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const sw = await worker(context);
  const url = `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
  const [popup] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().startsWith(url)),
    sw.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 400, height: 640 }), url),
  ]);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(/Reply Guard/);
  return popup;
}

/** Picks "Kind words" in the popup, checks the preview is filled from the profile, inserts it. */
async function insertFromPopup(popup: Page): Promise<string> {
  await expect(popup.getByText('Guard on')).toBeVisible();
  await popup.getByRole('button', { name: /^Kind words/ }).click();
  const preview = popup.getByTestId('template-preview');
  await expect(preview).toContainText('Bright Smile Dental');
  const text = (await preview.textContent()) ?? '';
  await popup.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(/Inserted/);
  return text;
}

const posted = (where: Page | Frame) => where.evaluate(() => (window as unknown as { __posted: string[] }).__posted);

test.beforeEach(async ({ context }) => seedSettings(context));

test('inserts a template into the Facebook (Lexical) composer, and Facebook posts it', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(REPLICA_ROUTES.facebook);
  const editor = page.locator('[data-lexical-editor]');
  await editor.click();
  const popup = await openPopupFor(context, extensionId, await tabIdOf(context, page));
  const text = await insertFromPopup(popup);
  await popup.screenshot({ path: `${SCREENS}/popup-facebook.png`, fullPage: true });
  await expect(editor).toHaveText(text);
  await expect(editor).toHaveAttribute('data-hipaa-guard', 'ok');
  await popup.close();
  // The site's own state saw the text: posting sends exactly the template.
  await page.bringToFront();
  await editor.press('Enter');
  await expect.poll(() => posted(page)).toEqual([text]);
});

test('inserts a template into the Google Business Profile reply box inside the reviews iframe', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(REPLICA_ROUTES.google);
  const frame = page.frameLocator('iframe[title="Reviews"]');
  const box = frame.locator('textarea#reply-1');
  await box.click();
  const popup = await openPopupFor(context, extensionId, await tabIdOf(context, page));
  const text = await insertFromPopup(popup);
  await expect(box).toHaveValue(text);
  await popup.close();
  await page.bringToFront();
  await frame.getByRole('button', { name: 'Reply', exact: true }).click();
  const reviews = page.frames().find((f) => f.url().includes('/customers/reviews'))!;
  await expect.poll(() => posted(reviews)).toEqual([text]);
});

test('inserts a template into the Yelp for Business public comment', async ({ page, context, extensionId }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.locator('#public-comment-text');
  await box.click();
  const popup = await openPopupFor(context, extensionId, await tabIdOf(context, page));
  const text = await insertFromPopup(popup);
  await expect(box).toHaveValue(text);
  // After inserting, the popup shows the guard's verdict on the new text.
  await expect(popup.getByTestId('verdict')).toContainText('looks safe');
  await popup.screenshot({ path: `${SCREENS}/popup-yelp.png` });
  await popup.close();
  await page.bringToFront();
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect.poll(() => posted(page)).toEqual([text]);
});

test('says so when there is no reply box to insert into', async ({ page, context, extensionId }) => {
  // A plain results page (no Business Profile reviews frame): www.google.com/search is not a watched page.
  await page.route('https://www.google.com/search?q=hours', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<title>hours - Google Search</title><h1>Results</h1>' }),
  );
  await page.goto('https://www.google.com/search?q=hours');
  const popup = await openPopupFor(context, extensionId, await tabIdOf(context, page));
  await expect(popup.getByText('Not watched')).toBeVisible();
  await popup.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(popup.getByRole('alert')).toHaveText(/Open a reply box/);
  await popup.screenshot({ path: `${SCREENS}/popup-unsupported.png`, fullPage: true });
  await popup.close();
});
