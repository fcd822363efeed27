/**
 * The content script: thin wiring of the guard (lib/guard) into every frame of the guarded sites.
 * Runs at document_start so its capture listeners on window come before the site's handlers.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Guard, type HeavyModule } from '@/lib/guard/controller';
import { ENGINE_FILE } from '@/lib/guard/engine-file';
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
  main(ctx) {
    // A marker on the root (never on an editor) lets tests and admins see the guard is present.
    document.documentElement.setAttribute('data-reply-guard', 'loaded');
    const found = adaptersFor(new URL(location.href));
    if (!found) return;
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
      isValid: () => ctx.isValid,
    });
    guard.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => guard.onLocationChange());
    const onMessage = (msg: unknown) => guard.handleMessage(msg as ContentRequest);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      guard.destroy();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The extension is gone: its listeners went with it.
      }
    });
    // Chromium reports no event when an extension is reloaded or updated under an open page: a slow
    // timer lets WXT notice (it checks runtime.id on each tick) so the guard lets go of the page.
    ctx.setInterval(() => undefined, 2000);
  },
});

/** The engine module's shape, checked against what the guard expects. */
type Engine = typeof import('@/lib/guard/heavy');

/** Imports the engine from the extension: it runs in this content script's isolated world. */
function loadEngine(): Promise<HeavyModule> {
  const url = browser.runtime.getURL(`/${ENGINE_FILE}`);
  return import(/* @vite-ignore */ url) as Promise<Engine>;
}
