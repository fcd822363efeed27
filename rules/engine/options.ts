/**
 * Options resolved once per options object: staff and practice details turned into fast
 * look-ups, plus a key that identifies them for the per-sentence cache.
 */
import type { AnalyzeOptions, Strictness } from '../types';

/** Analyze options in the form rules use. */
export interface ResolvedOptions {
  /** Identifies profile + settings (not the review context) for the sentence cache. */
  key: string;
  strictness: Strictness;
  disabled: ReadonlySet<string>;
  extraTerms: readonly string[];
  allowReviewerFirstName: boolean;
  /** Lower-case first word of the review's author, when allowReviewerFirstName is on. */
  reviewerFirstName: string;
  /** Lower-case words of staff names and of the practice name: never identifiers. */
  staffWords: ReadonlySet<string>;
  /** Digits of the practice phone (last 10). */
  practicePhones: ReadonlySet<string>;
  practiceEmails: ReadonlySet<string>;
  /** Lower-case practice street address and web site, if given. */
  practiceAddress: string;
  practiceWebsite: string;
}

const cache = new WeakMap<object, ResolvedOptions>();
const EMPTY: AnalyzeOptions = {};

const digits = (s: string) => s.replace(/\D/g, '').slice(-10);
const words = (s: string | undefined) =>
  (s ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 1);

/** Resolves options (memoized per options object). */
export function resolveOptions(options: AnalyzeOptions | undefined): ResolvedOptions {
  const o = options ?? EMPTY;
  const hit = cache.get(o);
  if (hit) return hit;
  const profile = o.profile ?? {};
  const settings = o.settings ?? {};
  // Only part of the cache key when the setting is on, so other replies keep sharing the cache.
  const reviewerFirstName =
    settings.allowReviewerFirstName === true ? (words(o.context?.reviewAuthor)[0] ?? '').replace(/'s$/, '') : '';
  const staffWords = new Set<string>();
  for (const s of profile.staff ?? []) for (const w of words(s?.name)) staffWords.add(w);
  for (const w of words(profile.name)) staffWords.add(w);
  const resolved: ResolvedOptions = {
    key: JSON.stringify([
      profile,
      settings.strictness,
      settings.disabledRules,
      settings.extraTerms,
      settings.allowReviewerFirstName,
      reviewerFirstName,
    ]),
    strictness: settings.strictness ?? 'standard',
    disabled: new Set(settings.disabledRules ?? []),
    extraTerms: (settings.extraTerms ?? [])
      .filter((t) => typeof t === 'string' && t.trim().length > 1)
      .map((t) => t.trim()),
    allowReviewerFirstName: settings.allowReviewerFirstName === true,
    reviewerFirstName,
    staffWords,
    practicePhones: new Set(profile.phone ? [digits(profile.phone)] : []),
    practiceEmails: new Set(profile.email ? [profile.email.toLowerCase()] : []),
    practiceAddress: (profile.address ?? '').toLowerCase(),
    practiceWebsite: (profile.website ?? '').toLowerCase(),
  };
  cache.set(o, resolved);
  return resolved;
}
