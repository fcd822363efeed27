/**
 * Serves the site replicas at the real sites' addresses. Each replica is a trimmed, anonymized
 * copy of the markup around the site's reply editor; scripts are bundled on first request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '@playwright/test';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The addresses tests open: each is a page where staff write a reply. */
export const REPLICA_ROUTES = {
  facebook: 'https://www.facebook.com/BrightSmileDentalDemo/posts/pfbid02demo',
  /** Search results page that hosts the Business Profile reviews iframe. */
  google: 'https://www.google.com/search?q=bright+smile+dental+reviews',
  /** The iframe itself (the content script runs here). */
  googleFrame: 'https://www.google.com/local/business/4512345678901234567/customers/reviews',
  yelp: 'https://biz.yelp.com/r2r/bright-smile-dental-demo/reviews',
  /** The classic Business Profile dashboard, with a contenteditable reply box. */
  googleDashboard: 'https://business.google.com/reviews',
  /** A guarded host's page with no reply box (business information). */
  yelpNoBox: 'https://biz.yelp.com/biz_info/bright-smile-dental-demo',
} as const;

/** Address → file. Pages are HTML; `.ts` entries are bundled for the browser. */
const FILES: Array<[RegExp, string]> = [
  [/^https:\/\/www\.facebook\.com\/__replica\/composer\.js/, 'facebook-composer.ts'],
  [/^https:\/\/www\.facebook\.com\/BrightSmileDentalDemo\/posts\//, 'facebook.html'],
  [/^https:\/\/www\.facebook\.com\/BrightSmileDentalDemo\/?$/, 'facebook.html'],
  [/^https:\/\/www\.google\.com\/search/, 'google.html'],
  [/^https:\/\/www\.google\.com\/local\/business\/\d+\/customers\/reviews/, 'google-reviews.html'],
  [/^https:\/\/business\.google\.com\/reviews/, 'google-dashboard.html'],
  [/^https:\/\/biz\.yelp\.com\/r2r\//, 'yelp.html'],
  [/^https:\/\/biz\.yelp\.com\/biz_info\//, 'yelp-settings.html'],
];

const bundles = new Map<string, Promise<string>>();

function bundle(file: string): Promise<string> {
  let js = bundles.get(file);
  if (!js) {
    js = build({
      entryPoints: [path.join(here, file)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
      minify: false,
    }).then((r) => r.outputFiles[0]?.text ?? '');
    bundles.set(file, js);
  }
  return js;
}

/** Fulfils the request from a replica file; false when the address is not a replica's. */
export async function serveReplica(route: Route): Promise<boolean> {
  const url = route.request().url();
  const hit = FILES.find(([re]) => re.test(url));
  if (!hit) return false;
  const file = hit[1];
  if (file.endsWith('.ts')) {
    await route.fulfill({ contentType: 'text/javascript', body: await bundle(file) });
  } else {
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: fs.readFileSync(path.join(here, file), 'utf8'),
    });
  }
  return true;
}
