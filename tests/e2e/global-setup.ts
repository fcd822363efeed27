import fs from 'node:fs';
import { chromiumPath, EXTENSION_DIR } from './harness';

/** Fails early, with the fix, when the browser or the build is missing. */
export default function globalSetup(): void {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) {
    throw new Error(
      `Chromium was not found at ${exe}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  if (!fs.existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
}
