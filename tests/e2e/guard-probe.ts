/**
 * Whether the guard's content script runs in a page, asked the way the popup asks (issue #10 item 4:
 * the guard leaves no marker in the page besides `data-hipaa-guard` on a watched box, so tests ask
 * the content script itself through the extension's messaging).
 */
import type { BrowserContext } from '@playwright/test';
import type { PageStatus } from '../../lib/messaging';

/** The extension API as the service worker sees it (typed loosely: this runs in the browser). */
declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, msg: object, opts?: { frameId?: number }): Promise<unknown>;
  };
};

/**
 * The guard's answer to "get-status" from the tab showing `url` (any frame, or only `frameId`),
 * or null when no content script answers there.
 */
export async function guardStatus(context: BrowserContext, url: string, frameId?: number): Promise<PageStatus | null> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    async ({ url, frameId }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) return null;
      try {
        const opts = frameId === undefined ? undefined : { frameId };
        return (
          ((await chrome.tabs.sendMessage(tab.id, { type: 'get-status' }, opts)) as PageStatus | undefined) ?? null
        );
      } catch {
        return null;
      }
    },
    { url, frameId },
  );
}

/** Asks the guard in the tab showing `url` for the page structure, as the popup's button does. */
export async function guardStructure(
  context: BrowserContext,
  url: string,
): Promise<{ ok: boolean; structure?: string; error?: string } | null> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) return null;
    try {
      return ((await chrome.tabs.sendMessage(tab.id, { type: 'page-structure' })) as never) ?? null;
    } catch {
      return null;
    }
  }, url);
}
