/**
 * Playwright fixtures: a persistent Chromium context with the built extension, its id, and the
 * site replicas served at the real addresses by request interception (no network at all).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, chromium, type Page } from '@playwright/test';
import { REPLICA_ROUTES, serveReplica } from './replicas/routes';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The unpacked build under test: `$WXT_OUT_DIR/chrome-mv3` (default `.output`). */
export const EXTENSION_DIR = path.resolve(here, '../..', process.env.WXT_OUT_DIR || '.output', 'chrome-mv3');

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches Chromium with the extension; every request outside the replicas is refused and recorded. */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<{
  context: BrowserContext;
  extensionId: string;
  strayRequests: string[];
}> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const strayRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension:') || url.startsWith('data:')) return route.continue();
    if (await serveReplica(route)) return;
    strayRequests.push(url);
    return route.abort('blockedbyclient');
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, strayRequests };
}

interface Fixtures {
  extensionId: string;
  strayRequests: string[];
  page: Page;
}

export const test = base.extend<Fixtures, { ext: Awaited<ReturnType<typeof launchWithExtension>> }>({
  ext: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const ext = await launchWithExtension();
      await use(ext);
      await ext.context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ ext }, use) => use(ext.context),
  extensionId: async ({ ext }, use) => use(ext.extensionId),
  strayRequests: async ({ ext }, use) => {
    ext.strayRequests.length = 0;
    await use(ext.strayRequests);
  },
  page: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    await use(page);
    await page.close();
  },
});

export const expect = test.expect;
export { REPLICA_ROUTES };

/** Reads a replica fixture file (for tests that need its raw markup). */
export function replicaFile(name: string): string {
  return fs.readFileSync(path.join(here, 'replicas', name), 'utf8');
}
