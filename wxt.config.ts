import path from 'node:path';
import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import { ENGINE_FILE } from './lib/guard/engine-file';
import { SITE_MATCHES } from './lib/sites/matches';

/**
 * The guard's engine (rules, templates, React overlay: lib/guard/heavy.ts), built apart from the
 * content script as one ES module the content script `import()`s once a page has a reply box.
 * WXT would inline a source-level `import()` into the content script's IIFE, so every page view
 * of the three sites paid ~1 MB of parse and compile (issue #4, "Cost").
 */
async function buildEngine(root: string, browser: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'lib/guard/heavy.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    minify: true,
    jsx: 'automatic',
    alias: { '@': root },
    // React's production build (its development build also reads `process`, absent in a page).
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no ${ENGINE_FILE}`);
  return out.text;
}

/**
 * The guarded sites' origins. Chromium refuses to load the extension when a web-accessible
 * resource's match pattern has a path (`https://www.google.com/local/business/*`): these patterns
 * match origins only, so each site match is cut to `origin/*`.
 */
const ENGINE_MATCHES = [...new Set(SITE_MATCHES.map((m) => `${new URL(m.replace('*', '')).origin}/*`))];

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Parallel builds (several people or test runs on one machine) each get their own folder.
  outDir: process.env.WXT_OUT_DIR || '.output',
  // Never open a browser from `wxt` itself: `npm run demo` owns that, with the replicas.
  webExt: { disabled: true },
  // Vite's modulepreload polyfill fetch()es chunks; extension pages don't need it, and the shipped
  // code then holds no network call at all (checked by tests/e2e/manifest.spec.ts).
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  hooks: {
    // Public assets are written by `wxt build`, `wxt zip` and `wxt` (dev) alike, for each browser,
    // and listed in the build summary and the zip: the engine rides along as a generated one.
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: ENGINE_FILE, contents: await buildEngine(wxt.config.root, wxt.config.browser) });
    },
    // Types `browser.runtime.getURL('/guard-engine.js')`.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(ENGINE_FILE);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Reply Guard for Healthcare',
    description:
      'Checks review and comment replies on Facebook, Google and Yelp for patient information before they are posted. Works entirely in your browser.',
    // Least privilege (issue #2): storage for settings and the log; unlimitedStorage so the
    // browser never evicts the compliance log under disk pressure. No tabs, no alarms, no network.
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: [...SITE_MATCHES],
    // Only the engine, and only to the guarded sites (the content script imports it from there).
    web_accessible_resources: [
      {
        resources: [ENGINE_FILE],
        matches: ENGINE_MATCHES,
        // Chromium: served under a per-session id instead of the extension's fixed one, so a page
        // cannot probe for the file to learn the extension is installed. Firefox already uses a
        // random per-install id (and rejects the key).
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Settings an organization pushes by browser policy (read-only for staff).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reply-guard@example.org', strict_min_version: '128.0' } } }
      : {}),
    action: { default_title: 'Reply Guard' },
  }),
});
