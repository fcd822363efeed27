/**
 * Shared steps of the guard's end-to-end specs (tests/e2e/guard-*.spec.ts).
 */
import { type BrowserContext, expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { InteractionInput } from '../../../lib/log-record';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

/** The extension API as an extension page sees it (typed loosely: these helpers run in the browser). */
declare const chrome: {
  storage: { local: { set(v: object): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: object): Promise<unknown> };
};

/** Clearly violating: a care detail and the reviewer's name (block). */
export const RISKY = 'So sorry your crown came loose, Maria!';
/** Clean: generic, non-confirming, invites a private conversation (ok). */
export const CLEAN = 'Thank you for your feedback! Please call our office.';

/** What the replica page recorded as posted. */
export function posted(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
}

/** Number of ranges in the guard's highlights, read from the page's main world (the registry is per document). */
export function highlightCount(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    let n = 0;
    for (const name of ['reply-guard-block', 'reply-guard-warn']) n += CSS.highlights.get(name)?.size ?? 0;
    return n;
  });
}

/**
 * Types like a person and checks the verdict lands within 1 s of the last keystroke, timed in the
 * page itself (keydown → attribute mutation) so the test's own polling does not count.
 */
export async function typeAndExpectVerdict(box: Locator, text: string, verdict: RegExp): Promise<void> {
  await box.evaluate((el) => {
    const w = window as unknown as { __rgTiming: { lastKey: number; changedAt: number } };
    w.__rgTiming = { lastKey: 0, changedAt: 0 };
    el.ownerDocument.addEventListener('keydown', () => (w.__rgTiming.lastKey = performance.now()), true);
    new MutationObserver(() => (w.__rgTiming.changedAt = performance.now())).observe(el, {
      attributes: true,
      attributeFilter: ['data-hipaa-guard'],
    });
  });
  await box.click();
  // The one-time rules load of a page (idle time, or first focus) is measured by guard-cost.spec.ts;
  // here the guard is ready, and what is timed is typing → verdict.
  await expect
    .poll(() => box.evaluate(() => performance.getEntriesByName('reply-guard:load-rules').length), { timeout: 10_000 })
    .toBe(1);
  await box.pressSequentially(text, { delay: 5 });
  await expect(box).toHaveAttribute('data-hipaa-guard', verdict, { timeout: 5000 });
  const { lastKey, changedAt } = await box.evaluate(
    () => (window as unknown as { __rgTiming: { lastKey: number; changedAt: number } }).__rgTiming,
  );
  // Unchanged since before the last keystroke means it was already right: no wait at all.
  expect(Math.max(0, changedAt - lastKey)).toBeLessThan(1000);
}

/** The guard dialog (in the guard's open shadow root), in a page or a frame. */
export function guardDialog(target: Page | FrameLocator): Locator {
  return target.getByRole('alertdialog');
}

/** Collects console errors and page errors for a page (all frames). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Writes the user's settings the way the options page stores them (storage.local "settings"),
 * from the extension's service worker (an extension page's own app could save over them).
 */
export async function setSettings(
  context: BrowserContext,
  _extensionId: string,
  patch: Partial<Settings>,
): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    async (value) => {
      await chrome.storage.local.set({ settings: value });
    },
    { ...DEFAULT_SETTINGS, ...patch },
  );
}

/** One extension page per browser to ask the background from (opening one per poll is slow). */
const logPages = new WeakMap<BrowserContext, Page>();

/** The log as the background holds it, asked from an extension page, plus anything still queued. */
export async function loggedInteractions(context: BrowserContext, extensionId: string): Promise<InteractionInput[]> {
  let page = logPages.get(context);
  if (!page || page.isClosed()) {
    page = await context.newPage();
    // A page of the extension with no app of its own: the background answers, nothing else runs.
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    logPages.set(context, page);
  }
  const out = await page.evaluate(async () => {
    const res = (await chrome.runtime.sendMessage({ type: 'recent-interactions', limit: 50 }).catch(() => null)) as {
      ok: boolean;
      records?: unknown[];
    } | null;
    // The fallback queue: one `pending:<id>` key per interaction (issue #11), or the old array.
    const all = await chrome.storage.local.get(null);
    const queued = [
      ...(Array.isArray(all.pendingInteractions) ? all.pendingInteractions : []),
      ...Object.entries(all)
        .filter(([k]) => k.startsWith('pending:'))
        .map(([, v]) => v),
    ];
    return [...(res?.ok ? (res.records ?? []) : []), ...queued];
  });
  return out as InteractionInput[];
}

/**
 * Counts log records that match `keep` and were not in the log when it was called: the log page
 * returns only the 50 most recent records, so counting before and after breaks once earlier tests
 * have filled that window (an old record slides out as the new one comes in).
 */
export async function newRecords(
  context: BrowserContext,
  extensionId: string,
  keep: (r: InteractionInput) => boolean,
): Promise<() => Promise<number>> {
  const key = (r: InteractionInput) => r.id ?? JSON.stringify(r);
  const seen = new Set((await loggedInteractions(context, extensionId)).map(key));
  return async () =>
    (await loggedInteractions(context, extensionId)).filter((r) => keep(r) && !seen.has(key(r))).length;
}

/** Main-thread time (ms) the extension's content script took during a traced page load. */
export interface ContentScriptCost {
  /** EvaluateScript: parse + compile + run. */
  evaluate: number;
  /** The v8.compile part of it. */
  compile: number;
  /** Callbacks run later (settings answers, observers, timers). */
  callbacks: number;
}

/**
 * Loads `url` in `page` under a DevTools trace and sums the content script's main-thread cost.
 * `settle` runs before the trace ends (e.g. waiting past idle work). Shared by guard-cost.spec.ts
 * and tests/bench/guard.bench.ts.
 */
export async function traceContentScript(
  page: Page,
  extensionId: string,
  url: string,
  settle: () => Promise<void>,
): Promise<ContentScriptCost> {
  const cdp = await page.context().newCDPSession(page);
  const events: Array<{ name: string; dur?: number; args?: { data?: { url?: string } } }> = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await page.goto(url);
  await settle();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const ours = events.filter((e) => e.args?.data?.url?.includes(`${extensionId}/content-scripts/`));
  const sum = (name: string) => ours.filter((e) => e.name === name).reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  return { evaluate: sum('EvaluateScript'), compile: sum('v8.compile'), callbacks: sum('FunctionCall') };
}
