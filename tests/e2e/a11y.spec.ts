import type { BrowserContext } from '@playwright/test';
import { seriousViolations } from './axe';
import { EXTENSION_DIR, expect, REPLICA_ROUTES, test } from './harness';

/** Screenshots for review, beside this run's build (test-results/ is shared by parallel runs). */
const SCREENS = `${EXTENSION_DIR}/../screens`;

// The extension's own API inside the service worker (evaluated there, typed here for tsc).
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

async function seed(context: BrowserContext, settings: object) {
  const [sw] = context.serviceWorkers();
  const worker = sw ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

const PROFILE = {
  name: 'Bright Smile Dental',
  phone: '(555) 010-2000',
  email: 'hello@brightsmile.example',
  staff: [
    { name: 'Dana Ortiz', role: 'office manager' },
    { name: 'Dr. Priya Patel', role: 'dentist' },
  ],
};

test('popup: no serious or critical violations, first run (staff question) and configured', async ({
  page,
  context,
  extensionId,
}) => {
  await seed(context, { profile: PROFILE, staffMember: '' });
  await page.setViewportSize({ width: 380, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByText('Who is replying from this browser?')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/popup-first-run.png`, fullPage: true });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Replying as')).toBeVisible();

  // A few logged interactions (through the background, as the guard logs them) for "Recent activity".
  for (const [outcome, verdict, site] of [
    ['posted', 'ok', 'facebook'],
    ['edited', 'block', 'yelp'],
    ['replaced', 'warn', 'google'],
  ] as const) {
    const res = await page.evaluate((input) => chrome.runtime.sendMessage({ type: 'log-interaction', input }), {
      site,
      pageKind: 'review-reply',
      url: 'https://biz.yelp.com/r2r/demo/reviews',
      verdict,
      categories: verdict === 'ok' ? [] : ['confirms-patient-status'],
      rules: verdict === 'ok' ? [] : ['confirms-relationship'],
      outcome,
      text: 'Thank you for the feedback.',
    });
    expect(res).toMatchObject({ ok: true });
  }
  await page.reload();
  await expect(page.getByText('Replaced with a template')).toBeVisible();
  await page.getByRole('button', { name: /^Media enquiries/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/popup-configured.png`, fullPage: true });
});

test('options: no serious or critical violations, including a refused custom template', async ({
  page,
  context,
  extensionId,
}) => {
  await seed(context, {
    profile: PROFILE,
    staffMember: 'Dana Ortiz',
    extraTerms: ['Invisalign', 'sedation'],
    customTemplates: [
      { id: 'c1', category: 'praise', title: 'Our thanks', text: 'Thanks from all of us at {practice}!' },
    ],
  });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/settings/i);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/options.png`, fullPage: true });

  await page.getByRole('button', { name: 'Add template' }).click();
  await page.getByLabel('Title').fill('Named');
  await page.getByLabel('Template text').fill('Thanks {name}, see you at your next cleaning!');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('alert')).toContainText('Not saved');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#templates').screenshot({ path: `${SCREENS}/options-refused-template.png` });
});

test('guard dialog: no serious or critical violations', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.locator('#public-comment-text');
  await box.fill('');
  await box.pressSequentially('We are sorry your crown came loose after your visit last week.');
  await expect(box).toHaveAttribute('data-hipaa-guard', /warn|block/);
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
