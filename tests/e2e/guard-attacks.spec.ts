import type { Locator, Page } from '@playwright/test';
import { guardStatus } from './guard-probe';
import { expect, REPLICA_ROUTES, test } from './harness';
import {
  guardDialog,
  loggedInteractions,
  posted,
  RISKY,
  setSettings,
  typeAndExpectVerdict,
} from './replicas/guard-helpers';
import { SITE_REPLICAS } from './replicas/routes';

// Issue #10: the page is hostile. Each attack below is made by a page script (page.evaluate and
// addInitScript run in the page's main world, as the site's own or an injected script would) and
// each must fail: the guard stays on, holds the post, and writes only what the person did.

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ context, extensionId }) => {
  await setSettings(context, extensionId, {});
});

/** The Yelp replica's public comment box. */
function yelpBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Public comment' });
}

/** Clicks the middle of `target` with the real mouse (no actionability waits: decoys may sit on top). */
async function mouseClick(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('kill switch: WXT\'s "started" event, forged location changes and pagehide leave the guard on', async ({
  page,
  extensionId,
}) => {
  // Anything the content script posts to the page is recorded from the very start.
  await page.addInitScript(() => {
    const w = window as unknown as { __rgMessages: string[] };
    w.__rgMessages = [];
    addEventListener('message', (e) => w.__rgMessages.push(JSON.stringify(e.data) ?? ''));
  });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = yelpBox(page);
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.evaluate((id) => {
    const detail = { contentScriptName: 'reply-guard', messageId: 'forged' };
    for (const entry of ['reply-guard', 'reply-guard.content', 'content']) {
      for (const name of [`${id}:${entry}:wxt:content-script-started`, 'wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
      window.dispatchEvent(new Event(`${id}:${entry}:wxt:locationchange`));
    }
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
  }, extensionId);
  await page.waitForTimeout(2500);
  // Still watching: the verdict is there, a new keystroke is analysed, the post is held.
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/);
  await box.press('End');
  await box.pressSequentially(' Hope to see you.', { delay: 5 });
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
  // Nothing told the page the guard is there: no posted event name, no root marker.
  const messages = await page.evaluate(() => (window as unknown as { __rgMessages: string[] }).__rgMessages);
  expect(messages.filter((m) => m.includes('content-script-started') && !m.includes('forged'))).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.getAttributeNames())).not.toContain('data-reply-guard');
});

test('a hidden decoy post button first in the form does not let the real one through', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.yelp);
  await page.evaluate(() => {
    const form = document.querySelector('form.public-comment')!;
    for (const style of ['display:none', 'visibility:hidden', 'position:absolute;left:-9999px', 'opacity:0']) {
      const decoy = document.createElement('button');
      decoy.type = 'submit';
      decoy.textContent = 'Post public comment';
      decoy.setAttribute('style', style);
      form.prepend(decoy);
    }
  });
  const box = yelpBox(page);
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.locator('form.public-comment button:visible', { hasText: 'Post public comment' }).last().click();
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
});

test('aria-activedescendant / aria-expanded claimed by the page do not let Enter post', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
  // The page claims a mention picker is open, and keeps claiming it.
  await page.evaluate(() => {
    const ed = document.querySelector('[data-lexical-editor]')!;
    const claim = () => {
      if (ed.getAttribute('aria-activedescendant') !== 'fake-option')
        ed.setAttribute('aria-activedescendant', 'fake-option');
      if (ed.getAttribute('aria-expanded') !== 'true') ed.setAttribute('aria-expanded', 'true');
    };
    const option = document.createElement('div');
    option.id = 'fake-option';
    option.setAttribute('role', 'option');
    option.hidden = true;
    document.body.append(option);
    claim();
    new MutationObserver(claim).observe(ed, { attributes: true });
  });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.keyboard.press('Enter');
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
});

test('a composer renamed to "Write something…" by the page is still guarded', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.facebook);
  const box = page.locator('[data-lexical-editor]').first();
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.evaluate(() => {
    const ed = document.querySelector('[data-lexical-editor]')!;
    ed.setAttribute('aria-label', 'Write something…');
    ed.setAttribute('aria-placeholder', 'Write something…');
  });
  await box.press('End');
  await box.pressSequentially(' ok', { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
});

test('20,000 nested spans in the box: read without overflow, and the post is held', async ({ page }) => {
  await page.goto(REPLICA_ROUTES.googleDashboard);
  const box = page.getByRole('textbox', { name: 'Reply to review' });
  await box.click();
  // The risky reply as visible text, and beside it a chain of 20,000 nested spans (kept out of
  // layout: Chromium's own renderer cannot lay out that depth) that a recursive reader overflows on.
  await page.evaluate((risky) => {
    const ed = document.querySelector('[role=textbox]')!;
    const hidden = document.createElement('span');
    hidden.style.display = 'none';
    ed.append(risky, hidden);
    let el: Element = hidden;
    for (let i = 0; i < 20_000; i++) {
      const span = document.createElement('span');
      el.append(span);
      el = span;
    }
    el.textContent = ' ';
  }, RISKY);
  await page.getByRole('button', { name: 'Post reply' }).click();
  await expect(guardDialog(page)).toBeVisible({ timeout: 10_000 });
  expect(await posted(page)).toEqual([]);
});

test('an engine that fails to load: a pasted risky reply is held as unchecked; Post anyway with a reason posts it', async ({
  page,
  context,
  extensionId,
}) => {
  await setSettings(context, extensionId, { log: { retentionDays: 365, textMode: 'full' } });
  await page.route('**/guard-engine.js', (route) => route.abort('failed'));
  await page.goto(REPLICA_ROUTES.yelp);
  const box = yelpBox(page);
  await box.click();
  // Pasted in one go (insertText), then posted at once.
  await page.keyboard.insertText(RISKY);
  await page.getByRole('button', { name: 'Post public comment' }).click();
  const dialog = guardDialog(page);
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toHaveAccessibleName('This reply could not be checked');
  expect(await posted(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog
    .getByRole('textbox', { name: 'Reason' })
    .pressSequentially('Checked by the office manager', { delay: 5 });
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  await expect.poll(() => posted(page)).toEqual([RISKY]);
  await expect
    .poll(
      async () =>
        (await loggedInteractions(context, extensionId)).find((r) => r.reason === 'Checked by the office manager'),
      {
        timeout: 15_000,
      },
    )
    .toMatchObject({ verdict: 'unchecked', outcome: 'overridden', site: 'yelp' });
});

test('CSS and overlays cannot hide the dialog or carry clicks through it', async ({ page }) => {
  // Page CSS aimed at the overlay host, loaded before anything.
  await page.addInitScript(() => {
    const style = document.createElement('style');
    style.textContent =
      'reply-guard-ui{opacity:0!important;display:none!important;transform:scale(0)!important;clip-path:inset(50%)!important}';
    document.documentElement.append(style);
  });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = yelpBox(page);
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.getByRole('button', { name: 'Post public comment' }).click();
  const dialog = guardDialog(page);
  await expect(dialog).toBeVisible();
  const host = page.locator('reply-guard-ui');
  expect(await host.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).display])).toEqual([
    '1',
    'block',
  ]);
  // The page script sets the host's own style too: undone.
  await host.evaluate((el) => el.setAttribute('style', 'opacity:0'));
  await expect.poll(() => host.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

  const postAnyway = dialog.getByRole('button', { name: 'Post anyway' });
  // A transparent decoy in the top layer over "Post anyway", letting clicks through to it.
  await page.evaluate(() => {
    const host = document.querySelector('reply-guard-ui')!;
    const button = [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Post anyway')!;
    const r = button.getBoundingClientRect();
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.setAttribute('popover', 'manual');
    decoy.textContent = 'Continue';
    decoy.style.cssText = `position:fixed;inset:auto;margin:0;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;opacity:0.01;pointer-events:none;border:0;padding:0`;
    document.body.append(decoy);
    (decoy as HTMLElement & { showPopover(): void }).showPopover();
  });
  await page.waitForTimeout(600);
  await mouseClick(page, postAnyway);
  await page.waitForTimeout(300);
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveCount(0);

  // The dialog itself made transparent from inside its open shadow root: its buttons do not act.
  await page.evaluate(() => {
    document.getElementById('decoy')?.remove();
    const d = document.querySelector('reply-guard-ui')!.shadowRoot!.querySelector<HTMLElement>('[role=alertdialog]')!;
    d.style.opacity = '0';
  });
  await page.waitForTimeout(600);
  await mouseClick(page, postAnyway);
  await page.waitForTimeout(300);
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveCount(0);
  expect(await posted(page)).toEqual([]);

  // Shown plainly again: after the minimum display time, the person's click acts.
  await page.evaluate(() => {
    const d = document.querySelector('reply-guard-ui')!.shadowRoot!.querySelector<HTMLElement>('[role=alertdialog]')!;
    d.style.opacity = '';
  });
  await postAnyway.click();
  const reason = dialog.getByRole('textbox', { name: 'Reason' });
  await expect(reason).toBeVisible();

  // A reason the page writes is not taken: set directly, dispatched, or inserted by execCommand.
  await page.waitForTimeout(1200);
  await page.evaluate(() => {
    const root = document.querySelector('reply-guard-ui')!.shadowRoot!;
    const box = root.querySelector('textarea')!;
    box.value = 'Page says it is fine';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    box.focus();
    document.execCommand('insertText', false, ' and more');
  });
  const confirm = dialog.getByRole('button', { name: 'Confirm and post' });
  await confirm.click();
  expect(await posted(page)).toEqual([]);
  expect(await reason.inputValue()).not.toContain('Page says');

  // Focus the page moves to "Confirm and post" is undone: the person's next key goes to the reason.
  await reason.fill('');
  await reason.pressSequentially('Consent on file', { delay: 5 });
  await page.evaluate(() => {
    const root = document.querySelector('reply-guard-ui')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Confirm and post')!.focus();
  });
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  expect(await posted(page)).toEqual([]);
  await expect(reason).toBeFocused();
  await dialog.getByRole('button', { name: 'Edit reply' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await posted(page)).toEqual([]);
});

test('a page-made textarea driven by synthetic clicks writes nothing to the log', async ({
  page,
  context,
  extensionId,
}) => {
  await setSettings(context, extensionId, { log: { retentionDays: 365, textMode: 'full' } });
  await page.goto(REPLICA_ROUTES.yelp);
  // Let the guard load on this page first (a real box is here too).
  await expect(yelpBox(page)).toBeVisible();
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    for (let i = 0; i < 10; i++) {
      const section = document.createElement('section');
      section.className = 'review';
      section.dataset.reviewId = `forged-${i}`;
      section.innerHTML = `<div class="user-passport"><a class="user-display-name" href="/user_details?userid=f${i}">Forged ${i}</a></div>
        <p class="review-content" lang="en">Forged review ${i}.</p>
        <form class="public-comment" method="post"><label for="forged-${i}">Public comment</label>
        <textarea id="forged-${i}"></textarea><button type="submit">Post public comment</button></form>`;
      main.append(section);
    }
  });
  await page.waitForTimeout(800);
  await page.evaluate(() => {
    for (let i = 0; i < 10; i++) {
      const box = document.getElementById(`forged-${i}`) as HTMLTextAreaElement;
      const button = box.form!.querySelector('button')!;
      box.focus();
      box.value = `Forged clean reply ${i}. Thank you for your feedback!`;
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      button.click();
      box.value = `Forged risky reply ${i}: so sorry your crown came loose, Maria!`;
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      button.click();
      box.form!.requestSubmit();
      box.value = '';
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      box.remove();
    }
  });
  await page.waitForTimeout(3000);
  const log = await loggedInteractions(context, extensionId);
  expect(log.filter((r) => r.text.startsWith('Forged'))).toEqual([]);
  // No dialog to click through either.
  await expect(guardDialog(page)).toHaveCount(0);
});

test('settings that arrive late re-analyse the box: a staff name stops being flagged', async ({
  page,
  context,
  extensionId,
}) => {
  await page.goto(REPLICA_ROUTES.yelp);
  const box = yelpBox(page);
  await typeAndExpectVerdict(box, 'Thanks, Rosa Delgado!', /^(warn|block)$/);
  await box.blur();
  await setSettings(context, extensionId, { profile: { staff: [{ name: 'Rosa Delgado' }] } });
  await expect(box).toHaveAttribute('data-hipaa-guard', 'ok', { timeout: 10_000 });
});

test('a flagged draft posted by a control the guard does not know is logged as unseen-submit', async ({
  page,
  context,
  extensionId,
}) => {
  await setSettings(context, extensionId, { log: { retentionDays: 365, textMode: 'full' } });
  await page.goto(REPLICA_ROUTES.yelp);
  // The site grows a new post control the adapter has never heard of: it posts and clears the box.
  await page.evaluate(() => {
    const form = document.querySelector('form.public-comment')!;
    const send = document.createElement('span');
    send.textContent = '➤';
    send.id = 'unknown-send';
    send.style.cssText = 'display:inline-block;padding:6px;cursor:pointer';
    send.addEventListener('click', () => {
      const box = form.querySelector('textarea')!;
      (window as unknown as { __posted: string[] }).__posted.push(box.value);
      box.value = '';
      box.dispatchEvent(new Event('change'));
    });
    form.append(send);
  });
  const box = yelpBox(page);
  const text = 'So sorry your crown came loose, Maria! (unseen)';
  await typeAndExpectVerdict(box, text, /^(warn|block)$/);
  await page.locator('#unknown-send').click();
  await expect
    .poll(async () => (await loggedInteractions(context, extensionId)).find((r) => r.text === text)?.outcome, {
      timeout: 15_000,
    })
    .toBe('unseen-submit');
  // And the popup hears of it ("The guard may be missing this site's post button").
  expect((await guardStatus(context, page.url()))?.unseenSubmits).toBe(1);
});

test('Google: a hidden decoy "Reply" first in the card and the document does not let the real post through', async ({
  page,
}) => {
  await page.goto(REPLICA_ROUTES.google);
  const frame = page.frameLocator('iframe[title="Reviews"]');
  const inner = page.frame({ url: /customers\/reviews/ })!;
  await inner.evaluate(() => {
    const make = () => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('aria-label', 'Reply');
      b.textContent = 'Reply';
      b.style.display = 'none';
      return b;
    };
    document.body.prepend(make());
    document.querySelector('.review')!.prepend(make());
    document.querySelector('.actions')!.prepend(make());
  });
  const box = frame.getByRole('textbox', { name: 'Reply' }).first();
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await frame.locator('.actions button.submit:visible').first().click();
  await expect(frame.getByRole('alertdialog')).toBeVisible();
  expect(await posted(inner)).toEqual([]);
});

test('a composer renamed before the guard first sees it is still guarded', async ({ page }) => {
  // The page renames every reply composer the moment it is created, before any scan.
  await page.addInitScript(() => {
    const rename = () => {
      for (const ed of document.querySelectorAll('[data-lexical-editor]')) {
        if (ed.getAttribute('aria-label') !== 'Write something…') ed.setAttribute('aria-label', 'Write something…');
        if (ed.getAttribute('aria-placeholder') !== 'Write something…')
          ed.setAttribute('aria-placeholder', 'Write something…');
      }
    };
    new MutationObserver(rename).observe(document, { childList: true, subtree: true, attributes: true });
  });
  // The replica rebuilt from Facebook's markup (the composer's form[role=presentation]).
  await page.goto(SITE_REPLICAS.facebookPagePost('en'));
  const box = page.locator('[data-lexical-editor]:visible').first();
  await expect(box).toHaveAttribute('aria-label', 'Write something…');
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.keyboard.press('Enter');
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
});

test('after "Confirm and post" the guard checks the post happened: a site that ignores the re-sent Enter gets its own button clicked; a site that posts by neither is logged', async ({
  page,
  context,
  extensionId,
}) => {
  await setSettings(context, extensionId, { log: { retentionDays: 365, textMode: 'full' } });
  await page.goto(REPLICA_ROUTES.facebook);
  // The site acts only on real key presses: a script-made Enter (the guard's re-send) is ignored.
  await page.evaluate(() => {
    for (const type of ['keydown', 'keypress', 'keyup'])
      window.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) e.stopImmediatePropagation();
        },
        true,
      );
  });
  const box = page.getByRole('textbox', { name: 'Reply to Maria Gonzalez' });
  await typeAndExpectVerdict(box, RISKY, /^(warn|block)$/);
  await page.keyboard.press('Enter');
  const dialog = guardDialog(page);
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).pressSequentially('Patient asked us to reply', { delay: 5 });
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  // Not by the Enter: by the site's own "Comment" button, a moment later.
  await expect.poll(() => posted(page), { timeout: 10_000 }).toEqual([RISKY]);

  // Now the site ignores script-made clicks too: nothing can post it, and the log says so.
  await page.evaluate(() =>
    window.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted) e.stopImmediatePropagation();
      },
      true,
    ),
  );
  const text = 'So sorry your crown came loose again, Maria!';
  await typeAndExpectVerdict(box, text, /^(warn|block)$/);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).pressSequentially('Consent on file', { delay: 5 });
  await dialog.getByRole('button', { name: 'Confirm and post' }).click();
  await expect
    .poll(
      async () =>
        (await loggedInteractions(context, extensionId))
          .filter((r) => r.text === text)
          .map((r) => r.outcome)
          .sort(),
      {
        timeout: 15_000,
      },
    )
    .toEqual(['overridden', 'unseen-submit']);
  expect(await posted(page)).toEqual([RISKY]);
});

test("a page that defines the overlay's tag first (taking its shadow root) does not stop the hold", async ({
  page,
}) => {
  await page.addInitScript(() => {
    customElements.define(
      'reply-guard-ui',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' }).innerHTML = '<p>nothing to see</p>';
          this.style.display = 'none';
        }
      },
    );
  });
  await page.goto(REPLICA_ROUTES.yelp);
  const box = yelpBox(page);
  await box.click();
  await box.pressSequentially(RISKY, { delay: 5 });
  await expect(box).toHaveAttribute('data-hipaa-guard', /^(warn|block)$/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Post public comment' }).click();
  await expect(guardDialog(page)).toBeVisible();
  expect(await posted(page)).toEqual([]);
  await guardDialog(page).getByRole('button', { name: 'Edit reply' }).click();
  await expect(guardDialog(page)).toHaveCount(0);
  expect(await posted(page)).toEqual([]);
});
