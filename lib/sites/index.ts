/**
 * Which adapters apply to a page: the site's own, then the careful fallback for the same hosts.
 */
import type { SiteId } from '@/lib/settings';
import { facebook } from './facebook';
import { fallbackFor } from './fallback';
import { google } from './google';
import type { SiteAdapter } from './types';
import { yelp } from './yelp';

export type { ReplyScope, SiteAdapter } from './types';

/** The site adapters, most specific first. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [facebook, google, yelp];

/** The site at `url` and the adapters to try there (its own first, then the fallback), or null. */
export function adaptersFor(url: URL): { site: SiteId; adapters: SiteAdapter[] } | null {
  const own = SITE_ADAPTERS.find((a) => a.matches(url));
  if (!own) return null;
  return { site: own.id, adapters: [own, fallbackFor(own.id, own)] };
}

/** The adapter that claims `el` as a reply editor, if any. */
export function adapterForEditor(adapters: readonly SiteAdapter[], el: Element): SiteAdapter | null {
  return adapters.find((a) => a.isEditor(el)) ?? null;
}
