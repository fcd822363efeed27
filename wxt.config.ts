import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/matches';

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
  manifest: ({ browser }) => ({
    name: 'Reply Guard for Healthcare',
    description:
      'Checks review and comment replies on Facebook, Google and Yelp for patient information before they are posted. Works entirely in your browser.',
    // Least privilege (issue #2): storage for settings and the log; unlimitedStorage so the
    // browser never evicts the compliance log under disk pressure. No tabs, no alarms, no network.
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: [...SITE_MATCHES],
    // Settings an organization pushes by browser policy (read-only for staff).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reply-guard@example.org', strict_min_version: '128.0' } } }
      : {}),
    action: { default_title: 'Reply Guard' },
  }),
});
