/**
 * The content script: thin wiring of the guard (lib/guard) into every frame of the guarded sites.
 * Runs at document_start so its capture listeners on window come before the site's handlers.
 *
 * No kill switch (issue #10 item 4): WXT's context can be invalidated by anything that dispatches
 * its "content script started" event on the document, which a page can do. The guard's lifetime
 * is therefore NOT tied to `ctx.onInvalidated`: it ends only when the extension itself is gone
 * (lib/guard/lifetime.ts), and in-app navigation comes from the Navigation API's trusted events.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Guard, type HeavyModule, STAFF_MEMORY_MS } from '@/lib/guard/controller';
import { ENGINE_FILE } from '@/lib/guard/engine-file';
import { watchExtensionLifetime, watchNavigation } from '@/lib/guard/lifetime';
import { sendInteraction } from '@/lib/guard/log';
import type { ContentRequest } from '@/lib/messaging';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { getSettings, mergeSettings, userSettingsItem, validateSettings, watchSettings } from '@/lib/settings-storage';
import { adaptersFor } from '@/lib/sites';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...SITE_MATCHES],
  allFrames: true,
  runAt: 'document_start',
  // WXT would post its event name (with the extension id) to the page, which is all a page needs
  // to forge the "newer script started" event. Nothing here listens to it either way.
  noScriptStartedPostMessage: true,
  main() {
    const found = adaptersFor(new URL(location.href));
    if (!found) return;
    const extensionAlive = () => {
      try {
        return browser.runtime?.id != null;
      } catch {
        return false;
      }
    };
    const guard = new Guard({
      window,
      site: found.site,
      adapters: found.adapters,
      // The engine (rules, templates, overlay) loads once the page has a reply box, not on every
      // page view. A plain import('@/lib/guard/heavy') would be inlined into this script by WXT,
      // so it ships as its own module (wxt.config.ts), web-accessible to the three sites only.
      loadHeavy: () => loadEngine(),
      log: sendInteraction,
      getSettings,
      getUserSettings: async () =>
        mergeSettings(DEFAULT_SETTINGS, validateSettings(await userSettingsItem.getValue()).valid),
      watchSettings,
      isValid: extensionAlive,
      recallStaff,
      rememberStaff: (name) =>
        void browser.storage.local.set({ [STAFF_KEY]: { name, at: Date.now() } }).catch(() => undefined),
    });
    guard.start();
    const stopNavigation = watchNavigation(window, () => guard.onLocationChange());
    const onMessage = (msg: unknown) => guard.handleMessage(msg as ContentRequest);
    browser.runtime.onMessage.addListener(onMessage);
    watchExtensionLifetime(window, extensionAlive, () => {
      guard.destroy();
      stopNavigation();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The extension is gone: its listeners went with it.
      }
    });
  },
});

/** Where "Who is replying" is remembered across this browser's tabs (issue #11 item 6). */
const STAFF_KEY = 'guardStaffChoice';

/** Who picked "Who is replying" in the last STAFF_MEMORY_MS, if anyone. */
async function recallStaff(): Promise<string | undefined> {
  const got = (await browser.storage.local.get(STAFF_KEY))[STAFF_KEY] as { name?: unknown; at?: unknown } | undefined;
  if (typeof got?.name !== 'string' || typeof got.at !== 'number') return undefined;
  return Date.now() - got.at < STAFF_MEMORY_MS ? got.name : undefined;
}

/** The engine module's shape, checked against what the guard expects. */
type Engine = typeof import('@/lib/guard/heavy');

/** Imports the engine from the extension: it runs in this content script's isolated world. */
function loadEngine(): Promise<HeavyModule> {
  const url = browser.runtime.getURL(`/${ENGINE_FILE}`);
  return import(/* @vite-ignore */ url) as Promise<Engine>;
}
