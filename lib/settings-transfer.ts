/**
 * Export and import of all settings as one JSON file (issue #5), so a practice manager can set up
 * one browser and copy the setup to every front-desk workstation. Import is all-or-nothing: a file
 * that is not JSON, not ours, or wrong anywhere changes nothing and says why.
 */
import type { PracticeProfile } from '@/rules/types';
import type { Settings } from './settings';
import { validateSettings } from './settings-storage';
import { checkTemplate } from './templates';

/** Marks our files, so a foreign JSON file is recognised as such. */
export const SETTINGS_FILE_FORMAT = 'reply-guard-settings';
/** The file layout's version; newer files are refused rather than half-read. */
export const SETTINGS_FILE_VERSION = 1;

/**
 * Settings that belong to one browser, not to the practice: who sits at it, a running pause and a
 * site switched off for the day.
 * They are neither exported nor imported.
 */
const PER_BROWSER: ReadonlyArray<keyof Settings> = ['staffMember', 'pausedUntil', 'siteOff'];

/** The settings file: a marker, a version and the settings. */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  settings: Partial<Settings>;
}

/** The JSON text of a settings file for `settings` (per-browser settings left out). */
export function exportSettings(settings: Settings, now = new Date()): string {
  const out: Record<string, unknown> = { ...settings };
  for (const key of PER_BROWSER) delete out[key];
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings: out as Partial<Settings>,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name like `reply-guard-settings-2026-11-28.json`. */
export function exportFileName(now = new Date()): string {
  return `reply-guard-settings-${now.toISOString().slice(0, 10)}.json`;
}

/** What reading a settings file gave: the settings to apply, or every reason it was refused. */
export type ImportResult =
  | { ok: true; patch: Partial<Settings>; skippedLocked: Array<keyof Settings> }
  | { ok: false; errors: string[] };

/**
 * Reads a settings file. Refuses the whole file on any error (not JSON, not a Reply Guard file,
 * a newer version, a setting of the wrong type, a custom template the rules flag). Keys the
 * organization's policy locks are left out of the patch (and named), since they cannot change.
 */
export function parseSettingsFile(
  text: string,
  opts: { locked?: ReadonlyArray<keyof Settings>; profile?: PracticeProfile } = {},
): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['This file is not valid JSON. Nothing was imported.'] };
  }
  const file = raw as Partial<SettingsFile> | null;
  if (!file || typeof file !== 'object' || Array.isArray(file) || file.format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      errors: [
        'This is not a Reply Guard settings file (use a file made with "Export settings"). Nothing was imported.',
      ],
    };
  }
  if (typeof file.version !== 'number' || file.version > SETTINGS_FILE_VERSION || file.version < 1) {
    return {
      ok: false,
      errors: [
        `This settings file has version ${String(file.version)}, which this Reply Guard cannot read. Nothing was imported.`,
      ],
    };
  }
  const { valid, errors } = validateSettings(file.settings);
  // Per-browser settings in a file (hand-edited) are ignored rather than refused.
  for (const key of PER_BROWSER) delete valid[key];
  const allErrors = [...errors];
  const profile = valid.profile ?? opts.profile ?? {};
  for (const t of valid.customTemplates ?? []) {
    const [finding] = checkTemplate(t.text, profile);
    if (finding) allErrors.push(`Custom template "${t.title}" was refused by the rules: ${finding.message}`);
  }
  if (allErrors.length) return { ok: false, errors: [...allErrors, 'Nothing was imported.'] };

  const locked = new Set(opts.locked ?? []);
  const patch: Partial<Settings> = {};
  const skippedLocked: Array<keyof Settings> = [];
  if (valid.profile) {
    // The file's profile replaces this browser's whole profile: a field the file lacks is cleared,
    // not kept from before (updateSettings merges objects field by field).
    valid.profile = {
      name: undefined,
      phone: undefined,
      email: undefined,
      address: undefined,
      website: undefined,
      staff: [],
      ...valid.profile,
    };
  }
  for (const [key, value] of Object.entries(valid) as Array<[keyof Settings, unknown]>) {
    if (locked.has(key)) skippedLocked.push(key);
    else (patch as Record<string, unknown>)[key] = value;
  }
  return { ok: true, patch, skippedLocked };
}
