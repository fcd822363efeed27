/**
 * `npm run demo`: opens Chromium with the built extension on the three bundled site replicas
 * (served at the real addresses, no network) and types a risky reply in each.
 * With a display: a window to try it by hand (close it to finish). Without one: headless, saving
 * a screenshot of each site's guard at work (marks + findings, then the held-post dialog) into
 * demo-screenshots/ and printing where.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Frame, type Locator, type Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { chromiumPath, EXTENSION_DIR, REPLICA_ROUTES } from './harness';
import { serveReplica } from './replicas/routes';

const RISKY: Record<string, string> = {
  facebook: 'So sorry your crown came loose, Maria! Dr. Patel will redo it at your next visit.',
  google: 'Thanks John, glad your root canal with Dr. Patel went smoothly!',
  yelp: "Linda, we're sorry about the wait for your son's filling. Our records show you arrived late.",
};

/** The demo practice's settings (the defaults plus a profile). */
const DEMO_SETTINGS = {
  ...DEFAULT_SETTINGS,
  profile: {
    name: 'Bright Smile Dental',
    phone: '(555) 010-2000',
    email: 'office@brightsmile.example',
    staff: [{ name: 'Dr. Patel', role: 'Dentist' }],
  },
};

const outDir = path.resolve(process.cwd(), 'demo-screenshots');
const headed = Boolean(process.env.DISPLAY);

/** The reply box of each replica, and the frame it lives in. */
async function replyBox(page: Page, site: string): Promise<{ box: Locator; frame: Page | Frame }> {
  if (site === 'google') {
    const frame = page.frameLocator('iframe[title="Reviews"]');
    await frame.getByRole('textbox', { name: 'Reply' }).first().waitFor();
    return {
      box: frame.getByRole('textbox', { name: 'Reply' }).first(),
      frame: page.frame({ url: /customers\/reviews/ })!,
    };
  }
  const name = site === 'facebook' ? 'Reply to Maria Gonzalez' : 'Public comment';
  return { box: page.getByRole('textbox', { name }), frame: page };
}

/** The site's own post control, to show the guard holding it. */
function postButton(page: Page, site: string): Locator {
  if (site === 'google')
    return page.frameLocator('iframe[title="Reviews"]').getByRole('button', { name: 'Reply', exact: true });
  if (site === 'facebook') return page.getByRole('button', { name: 'Comment', exact: true });
  return page.getByRole('button', { name: 'Post public comment' });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run "npm run build" first (npm run demo does).`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: !headed,
    viewport: { width: 1100, height: 760 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The replicas at their real addresses; everything else is refused (the demo needs no network).
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension:') || url.startsWith('data:')) return route.continue();
    if (await serveReplica(route)) return;
    return route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // A practice profile, as the options page would save it: staff names are never flagged and the
  // safe templates are filled with the practice's own contact details.
  await worker.evaluate(async (settings) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ settings });
  }, DEMO_SETTINGS);

  fs.mkdirSync(outDir, { recursive: true });
  const saved: string[] = [];
  for (const site of ['facebook', 'google', 'yelp'] as const) {
    const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
    await page.goto(REPLICA_ROUTES[site]);
    const { box, frame } = await replyBox(page, site);
    await box.click();
    await box.pressSequentially(RISKY[site]!, { delay: headed ? 25 : 2 });
    await frame.locator('[data-hipaa-guard="block"], [data-hipaa-guard="warn"]').first().waitFor({ timeout: 5000 });
    if (headed) continue;
    // The chip beside the box, opened: each finding with its message and a safer wording.
    const chip = frame.getByRole('button', { name: /Reply Guard:/ });
    await chip.click();
    await page.waitForTimeout(150);
    const marks = path.join(outDir, `${site}.png`);
    await page.screenshot({ path: marks });
    saved.push(marks);
    await chip.click();
    // Posting it: held behind the dialog.
    await postButton(page, site).click();
    await frame.getByRole('alertdialog').waitFor();
    await page.waitForTimeout(150);
    const dialog = path.join(outDir, `${site}-dialog.png`);
    await page.screenshot({ path: dialog });
    saved.push(dialog);
    await page.close();
  }

  if (headed) {
    console.log('Reply Guard demo: a risky reply is typed on each replica (Facebook, Google, Yelp).');
    console.log('Try posting it, or open the chip beside the box. Close the browser window to finish.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    return;
  }
  await context.close();
  console.log('Reply Guard demo (headless: no display found). Screenshots of the guard at work:');
  for (const file of saved) console.log(`  ${file}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
