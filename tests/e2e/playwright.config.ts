import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension loaded (see harness.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One Chromium with an extension per worker is plenty for a 2-core CI machine.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './global-setup.ts',
});
