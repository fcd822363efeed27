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
  /** Per-site switches. */
  sites: Record<SiteId, boolean>;
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
  pausedUntil: 0,
  extraTerms: [],
  disabledRules: [],
  customTemplates: [],
  log: { retentionDays: 400, textMode: 'redacted' },
  staffMember: '',
};

/** True when the guard should act on `site` at time `now`. */
export function guardActive(settings: Settings, site: SiteId, now = Date.now()): boolean {
  return settings.sites[site] && settings.pausedUntil <= now;
}
