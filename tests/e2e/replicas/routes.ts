/**
 * Serves the site replicas at the real sites' addresses. Each replica is a trimmed, anonymized
 * copy of the markup around the site's reply editor; scripts are bundled on first request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '@playwright/test';
import { build } from 'esbuild';
import { businessInboxPage, FACEBOOK_PATHS, type FacebookView, facebookPage } from './facebook-pages';
import { GOOGLE_OVERLAY_PATH, googleGroupsPage, googleOverlayPage, googleSearchPage } from './google-gbp';
import { langOf, type ReplicaLang } from './i18n';
import { YELP_R2R_PATH, yelpReviewsPage } from './yelp-r2r';

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

/**
 * The replicas rebuilt from the evidence (issue #10), per language: the address of each view.
 * The older replicas above stay for the specs written against them.
 */
export const SITE_REPLICAS = {
  /** Search with the per-location reviews overlay in an iframe. */
  googleSearch: (lang: ReplicaLang) => `https://www.google.com/search?q=bright+smile+dental&hl=${lang}`,
  /** The overlay itself (the iframe's address): reviews with "Reply", and the "Reply to reviews" queue. */
  googleOverlay: (lang: ReplicaLang) => `https://www.google.com${GOOGLE_OVERLAY_PATH}?hl=${lang}`,
  /** business.google.com/groups/<id>/reviews: "Post reply". */
  googleGroups: (lang: ReplicaLang) => `https://business.google.com/groups/114477/reviews?hl=${lang}`,
  /** A post of the practice's Page. */
  facebookPagePost: (lang: ReplicaLang) => `https://www.facebook.com${FACEBOOK_PATHS['page-post']}?hl=${lang}`,
  /** A friend's post: not the practice's business. */
  facebookFriendPost: (lang: ReplicaLang) => `https://www.facebook.com${FACEBOOK_PATHS['friend-post']}?hl=${lang}`,
  /** A staff member's personal Messenger chat. */
  facebookMessenger: (lang: ReplicaLang) => `https://www.facebook.com${FACEBOOK_PATHS.messenger}?hl=${lang}`,
  /** The Meta Business Suite inbox. */
  businessInbox: (lang: ReplicaLang) => `https://business.facebook.com/latest/inbox/all?asset_id=5566&hl=${lang}`,
  /** Yelp for Business reviews (/r2r/): "Comment" inserts the box. */
  yelpReviews: (lang: ReplicaLang) => `https://biz.yelp.com${YELP_R2R_PATH}?hl=${lang}`,
} as const;

/** Address → generated page, for the rebuilt replicas (matched before the files). */
const PAGES: Array<[RegExp, (url: string) => string]> = [
  [/^https:\/\/www\.google\.com\/search\?.*\bhl=/, (u) => googleSearchPage(langOf(u))],
  [new RegExp(`^https://www\\.google\\.com${GOOGLE_OVERLAY_PATH}\\?`), (u) => googleOverlayPage(langOf(u))],
  [/^https:\/\/business\.google\.com\/groups\/\d+\/reviews/, (u) => googleGroupsPage(langOf(u))],
  ...(Object.entries(FACEBOOK_PATHS) as Array<[FacebookView, string]>).map(
    ([view, p]): [RegExp, (u: string) => string] => [
      new RegExp(`^https://www\\.facebook\\.com${p.replace(/\./g, '\\.')}(?:\\?|$)`),
      (u) => facebookPage(view, langOf(u)),
    ],
  ),
  [/^https:\/\/business\.facebook\.com\/latest\/inbox/, (u) => businessInboxPage(langOf(u))],
  [new RegExp(`^https://biz\\.yelp\\.com${YELP_R2R_PATH}(?:\\?|$)`), (u) => yelpReviewsPage(langOf(u))],
];

/** Address → file. Pages are HTML; `.ts` entries are bundled for the browser. */
const FILES: Array<[RegExp, string]> = [
  [/^https:\/\/www\.facebook\.com\/__replica\/composer\.js/, 'facebook-composer.ts'],
  [/^https:\/\/www\.facebook\.com\/__replica\/facebook-app\.js/, 'facebook-app.ts'],
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
  const page = PAGES.find(([re]) => re.test(url));
  if (page) {
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: page[1](url) });
    return true;
  }
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
