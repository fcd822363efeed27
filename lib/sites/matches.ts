/**
 * The pages where practices write replies: the only hosts the extension may touch.
 * Shared by the manifest (host permissions) and the content script (matches).
 */
export const SITE_MATCHES = [
  // Facebook Pages: comments and replies on the Page's posts, and Meta Business Suite's inbox.
  'https://www.facebook.com/*',
  'https://business.facebook.com/*',
  // Google Business Profile: the reviews iframe served from Search, and the classic dashboard.
  'https://www.google.com/local/business/*',
  'https://business.google.com/*',
  // Yelp for Business: public comments and private messages to reviewers.
  'https://biz.yelp.com/*',
] as const;
