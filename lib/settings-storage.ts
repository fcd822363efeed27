/**
 * Where settings live: the user's choices in `storage.local`, overlaid by the organization's
 * browser policy (`storage.managed`, public/managed_schema.json), which staff cannot change.
 * Every reader (content script, popup, options, background) goes through here.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type Settings,
  SITES,
  type SiteId,
} from './settings';

/** The user's stored settings (policy not applied). */
export const userSettingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Settings as they apply, which keys the policy locks, and what was wrong with the policy. */
export interface EffectiveSettings {
  settings: Settings;
  locked: Array<keyof Settings>;
  policyErrors: string[];
}

type Check = (v: unknown) => boolean;
const isBool: Check = (v) => typeof v === 'boolean';
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One check per key: a policy or an import may set only these, with these types. */
const CHECKS: { [K in keyof Settings]: Check } = {
  profile: (v) =>
    isPlainObject(v) &&
    ['name', 'phone', 'email', 'address', 'website'].every((k) => v[k] === undefined || typeof v[k] === 'string') &&
    (v.staff === undefined ||
      (Array.isArray(v.staff) && v.staff.every((s) => isPlainObject(s) && typeof s.name === 'string'))) &&
    // The practice's own Facebook Pages and Instagram accounts (issue #10).
    (v.facebookPages === undefined || isStringArray(v.facebookPages)) &&
    (v.instagramAccounts === undefined || isStringArray(v.instagramAccounts)),
  strictness: (v) => v === 'relaxed' || v === 'standard' || v === 'strict',
  allowReviewerFirstName: isBool,
  monitorOnly: isBool,
  sites: (v) => isPlainObject(v) && Object.entries(v).every(([k, x]) => k in DEFAULT_SETTINGS.sites && isBool(x)),
  siteOff: (v) =>
    isPlainObject(v) &&
    Object.entries(v).every(
      ([k, x]) =>
        SITES.includes(k as SiteId) &&
        (x === undefined ||
          (isPlainObject(x) &&
            typeof x.until === 'number' &&
            Number.isFinite(x.until) &&
            typeof x.reason === 'string' &&
            x.reason.trim() !== '')),
    ),
  pausedUntil: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  extraTerms: isStringArray,
  disabledRules: isStringArray,
  customTemplates: (v) =>
    Array.isArray(v) &&
    v.every((t) => isPlainObject(t) && ['id', 'category', 'title', 'text'].every((k) => typeof t[k] === 'string')),
  log: (v) =>
    isPlainObject(v) &&
    (v.retentionDays === undefined || validRetention(v.retentionDays)) &&
    (v.textMode === undefined || v.textMode === 'full' || v.textMode === 'redacted' || v.textMode === 'none'),
  staffMember: (v) => typeof v === 'string',
};

/** A retention the log accepts: whole days, from one year (never less) to a hundred. */
export function validRetention(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= RETENTION_MIN_DAYS && days <= RETENTION_MAX_DAYS;
}

/** Keys whose values are objects merged field by field rather than replaced. */
const MERGED = new Set<keyof Settings>(['profile', 'sites', 'siteOff', 'log']);

/**
 * Keeps the valid keys of `raw` and says what was wrong with the rest.
 * Used for the managed policy and for imported settings files.
 */
export function validateSettings(raw: unknown): { valid: Partial<Settings>; errors: string[] } {
  if (!isPlainObject(raw)) return { valid: {}, errors: ['Settings must be a JSON object.'] };
  const valid: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    // Own keys only: a file's "__proto__" or "constructor" must not reach Object.prototype.
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof Settings] : undefined;
    if (!check) errors.push(`Unknown setting "${JSON.stringify(key).slice(1, -1).slice(0, 60)}".`);
    else if (!check(value))
      errors.push(
        key === 'log'
          ? `Setting "log" has the wrong type or value (records are kept from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} days).`
          : `Setting "${key}" has the wrong type or value.`,
      );
    else Object.defineProperty(valid, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { valid: valid as Partial<Settings>, errors };
}

/** Lays `patch` over `base`, merging the object-valued settings field by field. */
export function mergeSettings(base: Settings, patch: Partial<Settings>): Settings {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = MERGED.has(key as keyof Settings)
      ? { ...(base[key as keyof Settings] as object), ...(value as object) }
      : value;
  }
  return out as unknown as Settings;
}

/** Reads the organization's policy; browsers without managed storage have none. */
export async function readPolicy(): Promise<{ policy: Partial<Settings>; errors: string[] }> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await browser.storage.managed.get()) ?? {};
  } catch {
    // Firefox throws when no policy is installed; that simply means no policy.
    return { policy: {}, errors: [] };
  }
  // `allowPause` is a policy-only switch: it locks pausing without being a user setting.
  const { allowPause, ...rest } = raw;
  const { valid, errors } = validateSettings(rest);
  if (allowPause === false) valid.pausedUntil = 0;
  // A policy that sets the sites also decides switch-offs: staff cannot turn a site off for the day.
  if (valid.sites) valid.siteOff = {};
  return { policy: valid, errors: errors.map((e) => `Organization policy: ${e} It was ignored.`) };
}

/** The settings in force: stored choices, repaired against defaults, under the policy. */
export async function getSettings(): Promise<EffectiveSettings> {
  const [stored, { policy, errors }] = await Promise.all([userSettingsItem.getValue(), readPolicy()]);
  // Stored values from older versions may miss keys: fill them from the defaults.
  const user = mergeSettings(DEFAULT_SETTINGS, validateSettings(stored).valid);
  return {
    settings: mergeSettings(user, policy),
    locked: Object.keys(policy) as Array<keyof Settings>,
    policyErrors: errors,
  };
}

/** Saves the user's changes; keys the policy locks are refused. */
export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const { policy } = await readPolicy();
  const refused = Object.keys(patch).filter((k) => k in policy);
  if (refused.length) throw new Error(`Set by your organization and cannot be changed here: ${refused.join(', ')}.`);
  const current = mergeSettings(DEFAULT_SETTINGS, validateSettings(await userSettingsItem.getValue()).valid);
  await userSettingsItem.setValue(mergeSettings(current, patch));
}

/** Calls `onChange` with the settings in force whenever the user or the policy changes them. */
export function watchSettings(onChange: (s: EffectiveSettings) => void): () => void {
  const refresh = () => void getSettings().then(onChange);
  const unwatch = userSettingsItem.watch(refresh);
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') refresh();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onManaged);
  };
}
