import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension loaded (see harness.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One Chromium with an extension per worker is plenty for a 2-core CI machine.
  workers: process.env.CI ? 1 : 2,
  // One retry on CI: a few timing-sensitive specs (late log records, Lexical under a loaded 2-core
  // machine) have failed once under heavy load and passed alone. A test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './global-setup.ts',
});
