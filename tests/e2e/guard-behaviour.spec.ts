import { DEFAULT_SETTINGS } from '../../lib/settings';
import { guardStructure } from './guard-probe';
import { expect, REPLICA_ROUTES, test } from './harness';
import {
  CLEAN,
  guardDialog,
  highlightCount,
  loggedInteractions,
  newRecords,
  posted,
  RISKY,
  setSettings,
  typeAndExpectVerdict,
} from './replicas/guard-helpers';

// Issue #4 across sites: the log of every interaction, settings honoured live, cleanup.

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ context, extensionId }) => {
  await setSettings(context, extensionId, {});
});

test('every outcome reaches the log with site, kind, verdict, rules, reason and a query-less url', async ({
  page,
  context,
  extensionId,
}) => {
  // Full text mode: the reason and the page address are kept as given (redacted mode masks them).
  await setSettings(context, extensionId, { log: { ...DEFAULT_SETTINGS.log, textMode: 'full' } });
  await page.goto(`${REPLICA_ROUTES.facebook}?comment_id=123&notif_t=feedback`);
  const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.keyboard.press('Enter');
  await guardDialog(page).getByRole('button', { name: 'Edit reply' }).click();
  await page.keyboard.press('Enter');
  await guardDialog(page).getByRole('button', { name: 'Post anyway' }).click();
  await guardDialog(page).getByRole('textbox', { name: 'Reason' }).fill('Patient consented in writing');
  await guardDialog(page).getByRole('button', { name: 'Confirm and post' }).click();
  await expect.poll(() => posted(page)).toEqual([RISKY]);
  await typeAndExpectVerdict(box, CLEAN, /^ok$/);
  await page.keyboard.press('Enter');

  await expect
    .poll(async () => (await loggedInteractions(context, extensionId)).map((r) => r.outcome).sort(), {
      timeout: 15_000,
    })
    .toEqual(expect.arrayContaining(['edited', 'overridden', 'posted']));
  const log = await loggedInteractions(context, extensionId);
  const overridden = log.find((r) => r.outcome === 'overridden')!;
  expect(overridden).toMatchObject({
    site: 'facebook',
    pageKind: 'comment-reply',
    url: REPLICA_ROUTES.facebook,
    reason: 'Patient consented in writing',
  });
  expect(['warn', 'block']).toContain(overridden.verdict);
  expect(overridden.rules.length).toBeGreaterThan(0);
  expect(overridden.categories.length).toBeGreaterThan(0);
  expect(log.find((r) => r.outcome === 'posted')).toMatchObject({ verdict: 'ok', site: 'facebook' });
});

test('a flagged draft that is cleared is logged as abandoned', async ({ page, context, extensionId }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await box.fill('');
  await expect(box).toHaveAttribute('data-hipaa-guard', 'ok');
  await expect
    .poll(
      async () => (await loggedInteractions(context, extensionId)).filter((r) => r.outcome === 'abandoned').length,
      {
        timeout: 15_000,
      },
    )
    .toBeGreaterThan(0);
  const abandoned = (await loggedInteractions(context, extensionId)).find((r) => r.outcome === 'abandoned')!;
  expect(abandoned).toMatchObject({ site: 'yelp', pageKind: 'public-comment' });
});

test('turning the site off removes marks and stops holding; on again restores them', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(REPLICA_ROUTES.facebook);
  const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await setSettings(context, extensionId, { sites: { facebook: false, google: true, yelp: true } });
  await expect(box).not.toHaveAttribute('data-hipaa-guard');
  expect(await highlightCount(page)).toBe(0);
  await expect(page.getByRole('button', { name: /Reply Guard:/ })).toHaveCount(0);
  await setSettings(context, extensionId, {});
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/);
  await setSettings(context, extensionId, { sites: { facebook: false, google: true, yelp: true } });
  await expect(box).not.toHaveAttribute('data-hipaa-guard');
  await box.press('Enter');
  await expect.poll(() => posted(page)).toEqual([RISKY]);
  await expect(guardDialog(page)).toHaveCount(0);
});

test('pause: no marks and no holding until it ends', async ({ page, context, extensionId }) => {
  await setSettings(context, extensionId, { pausedUntil: Date.now() + 10 * 60_000 });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await box.click();
  await box.pressSequentially(RISKY, { delay: 5 });
  await page.waitForTimeout(700);
  await expect(box).not.toHaveAttribute('data-hipaa-guard');
  await page.getByRole('button', { name: 'Post public comment' }).click();
  expect(await posted(page)).toEqual([RISKY]);
  await expect(guardDialog(page)).toHaveCount(0);
});

test('monitor-only: marks, but never holds', async ({ page, context, extensionId }) => {
  await setSettings(context, extensionId, { monitorOnly: true });
  await page.goto(REPLICA_ROUTES.google);
  const frame = page.frameLocator('iframe[title="Reviews"]');
  const inner = page.frame({ url: /customers\/reviews/ })!;
  const box = frame.getByRole('textbox', { name: 'Reply' }).first();
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  expect(await highlightCount(inner)).toBeGreaterThan(0);
  await frame.getByRole('button', { name: 'Reply', exact: true }).click();
  expect(await posted(inner)).toEqual([RISKY]);
  await expect(frame.getByRole('alertdialog')).toHaveCount(0);
});

test('a page whose reply box is gone gets no overlay and no marks', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  await page.evaluate(() => document.querySelector('[data-replica-page]')?.replaceChildren());
  await page.waitForTimeout(400);
  expect(await page.locator('reply-guard-ui').count()).toBe(0);
  expect(await highlightCount(page)).toBe(0);
});

test('leaving a flagged draft by in-app navigation logs it as abandoned', async ({ page, context, extensionId }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  const abandoned = await newRecords(context, extensionId, (r) => r.outcome === 'abandoned');
  await page.getByRole('link', { name: 'Whitening post' }).click();
  await expect.poll(abandoned, { timeout: 15_000 }).toBe(1);
  const last = (await loggedInteractions(context, extensionId)).find((r) => r.outcome === 'abandoned')!;
  expect(last).toMatchObject({ site: 'facebook', pageKind: 'comment-reply' });
});

declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number }>>;
    sendMessage(id: number, m: object): Promise<unknown>;
  };
};

test('the popup gets the focused box’s status from the frame that holds it, and can insert a template', async ({
  page,
  context,
}) => {
  const worker = context.serviceWorkers()[0]!;
  const ask = (message: object) =>
    worker.evaluate(async (msg) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const [tab] = await api.tabs.query({ url: 'https://www.google.com/search*' });
      return api.tabs.sendMessage(tab!.id!, msg);
    }, message);
  await page.goto(REPLICA_ROUTES.google);
  const frame = page.frameLocator('iframe[title="Reviews"]');
  const box = frame.getByRole('textbox', { name: 'Reply' }).first();
  await expect(box).toBeVisible();
  // Before any box is used, the iframe still answers (Search, the top page, is not guarded).
  await expect
    .poll(() => ask({ type: 'get-status' }).catch(() => null), { timeout: 5000 })
    .toMatchObject({ site: 'google', active: true, findingCount: 0 });
  // An empty box is ok once the rules are loaded, unknown (null) before.
  expect([null, 'ok']).toContain(((await ask({ type: 'get-status' })) as { verdict: string | null }).verdict);
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  const status = (await ask({ type: 'get-status' })) as { site: string; active: boolean; verdict: string };
  expect(status).toMatchObject({ site: 'google', active: true });
  expect(['warn', 'block']).toContain(status.verdict);
  expect(await ask({ type: 'insert-template', text: CLEAN })).toEqual({ ok: true });
  await expect(box).toHaveValue(CLEAN);
  await expect(box).toHaveAttribute('data-hipaa-guard', 'ok');
});

test('leaving the page with a flagged draft logs it as abandoned', async ({ page, context, extensionId }) => {
  const abandoned = await newRecords(context, extensionId, (r) => r.outcome === 'abandoned' && r.site === 'google');
  await page.goto(REPLICA_ROUTES.googleFrame);
  const box = page.getByRole('textbox', { name: 'Reply' }).first();
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.goto(REPLICA_ROUTES.yelpNoBox);
  await expect.poll(abandoned, { timeout: 15_000 }).toBe(1);
});

test('"Who is replying" in the hold dialog: picked by keyboard, logged with the override, remembered for the next hold', async ({
  page,
  context,
  extensionId,
}) => {
  await setSettings(context, extensionId, {
    profile: { staff: [{ name: 'Dana Ortiz' }, { name: 'Rosa Delgado' }] },
    staffMember: 'Dana Ortiz',
    log: { ...DEFAULT_SETTINGS.log, textMode: 'full' },
  });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.getByRole('button', { name: 'Post public comment' }).click();
  const dialog = guardDialog(page);
  const who = dialog.getByRole('combobox', { name: 'Who is replying' });
  await expect(who).toHaveValue('');
  // By keyboard, as a person would: from "Edit reply" (focused first) back to the choice, then down twice.
  await expect(dialog.getByRole('button', { name: 'Edit reply' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(who).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(who).toHaveValue('Rosa Delgado');
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).pressSequentially('Reviewer asked for a reply', { delay: 5 });
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  await expect.poll(() => posted(page)).toEqual([RISKY]);
  await expect
    .poll(
      async () =>
        (await loggedInteractions(context, extensionId)).find((r) => r.reason === 'Reviewer asked for a reply'),
      { timeout: 15_000 },
    )
    .toMatchObject({ outcome: 'overridden', staff: 'Rosa Delgado' });
  // The next hold, in another tab, starts with the same person picked.
  const other = await context.newPage();
  await other.goto(REPLICA_ROUTES.yelp);
  await typeAndExpectVerdict(other.getByRole('textbox', { name: 'Public comment' }), RISKY, /^(warn|block)$/);
  await other.getByRole('button', { name: 'Post public comment' }).click();
  await expect(guardDialog(other).getByRole('combobox', { name: 'Who is replying' })).toHaveValue('Rosa Delgado');
  await other.close();
});

test('the page structure for a bug report marks the box and its post control and holds no text', async ({
  page,
  context,
}) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  const res = await guardStructure(context, page.url());
  expect(res?.ok).toBe(true);
  const structure = res!.structure!;
  expect(structure).toMatch(/^form .*\n\s+label .*\n\s+textarea .*◀ reply box/);
  expect(structure).toMatch(/button type="submit" ◀ post control/);
  for (const text of ['Public comment', 'Post public comment', 'Maria', 'crown', 'Linda', 'bright-smile'])
    expect(structure).not.toContain(text);
});
