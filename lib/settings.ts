/**
 * The shape of every setting, its defaults, and where each setting lives.
 * Issue #5 owns the storage and the zustand store; everything else only reads `Settings`.
 */
import type { PracticeProfile, Strictness } from '@/rules/types';

/** The three sites the guard watches. */
export const SITES = ['facebook', 'google', 'yelp'] as const;
export type SiteId = (typeof SITES)[number];

/** What the log keeps of the reply text (issue #6). */
export type LogTextMode = 'full' | 'redacted' | 'none';

/** A site turned off for a while: until when, and the reason the person gave. */
export interface SiteOff {
  until: number;
  reason: string;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The shortest and the default time the log keeps records: HIPAA keeps documentation six years. */
export const RETENTION_MIN_DAYS = 365;
export const RETENTION_DEFAULT_DAYS = 6 * 365;
/** A sanity bound: a hundred years is "forever" for an audit log. */
export const RETENTION_MAX_DAYS = 36_500;

/** A template a practice wrote itself (checked by the rules on save). */
export interface CustomTemplate {
  id: string;
  category: string;
  title: string;
  text: string;
}

export interface Settings {
  profile: PracticeProfile;
  strictness: Strictness;
  /** Greeting a reviewer by first name is allowed ("Thanks, Maria"). Off by default. */
  allowReviewerFirstName: boolean;
  /** Marks only; never holds a post. */
  monitorOnly: boolean;
  /** Per-site switches (the organization's policy may turn a site off for good). */
  sites: Record<SiteId, boolean>;
  /**
   * A site turned off at this browser: always with the reason given and an end (the end of the day
   * at most, issue #11), so nobody can leave the guard off on a site and forget it.
   */
  siteOff: Partial<Record<SiteId, SiteOff>>;
  /** Epoch ms until which the guard is paused, or 0. */
  pausedUntil: number;
  extraTerms: string[];
  disabledRules: string[];
  customTemplates: CustomTemplate[];
  log: { retentionDays: number; textMode: LogTextMode };
  /** The staff member using this browser, chosen once in the popup. */
  staffMember: string;
}

export const DEFAULT_SETTINGS: Settings = {
  profile: { staff: [] },
  strictness: 'standard',
  allowReviewerFirstName: false,
  monitorOnly: false,
  sites: { facebook: true, google: true, yelp: true },
  siteOff: {},
  pausedUntil: 0,
  extraTerms: [],
  disabledRules: [],
  customTemplates: [],
  log: { retentionDays: RETENTION_DEFAULT_DAYS, textMode: 'redacted' },
  staffMember: '',
};

/** True when the guard should act on `site` at time `now`. */
export function guardActive(settings: Settings, site: SiteId, now = Date.now()): boolean {
  return settings.sites[site] && !siteOffNow(settings, site, now) && settings.pausedUntil <= now;
}

/** The running switch-off of `site`, if one has not yet expired. */
export function siteOffNow(settings: Settings, site: SiteId, now = Date.now()): SiteOff | undefined {
  const off = settings.siteOff?.[site];
  return off && off.until > now ? off : undefined;
}

/** The latest a site may be turned off until: the end of the day it is turned off. */
export function endOfDay(now = Date.now()): number {
  const d = new Date(now);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}
