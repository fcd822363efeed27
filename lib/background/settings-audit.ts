/**
 * Every change to the settings leaves a chain record (issue #11): the background watches
 * storage.onChanged for the user's settings and the organisation's policy and records what
 * changed, from what to what, so nothing weakens the guard silently, whichever page (or tool)
 * wrote the setting. Pauses and site switch-offs get their own outcomes (paused / resumed,
 * site-off / site-on, monitor-only); everything else is `setting-changed`.
 */
import { browser } from 'wxt/browser';
import type { LogDb } from '@/lib/db';
import { appendEvent, type LogSettings } from '@/lib/log';
import type { AuditEventInput } from '@/lib/log-record';
import { DEFAULT_SETTINGS, type Settings, SITES } from '@/lib/settings';
import { describeChanges } from '@/lib/settings-changes';
import { mergeSettings, validateSettings } from '@/lib/settings-storage';
import type { StoredRecord } from './chain';

/** Who changed the settings: the user's stored settings or the organisation's policy. */
export type SettingsSource = 'user' | 'policy' | string;

/** Stored settings (any shape, possibly missing) as full settings, repaired against the defaults. */
export function normalizeSettings(raw: unknown): Settings {
  return mergeSettings(DEFAULT_SETTINGS, validateSettings(raw ?? {}).valid);
}

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);
const iso = (ms: number) => new Date(ms).toISOString();

/** The chain events for a change from `before` to `after` (pure; `now` decides what a pause means). */
export function settingsEvents(
  before: Settings,
  after: Settings,
  source: SettingsSource,
  now = Date.now(),
): AuditEventInput[] {
  const out: AuditEventInput[] = [];
  // Pause: per-browser, not in describeChanges. A pause that is set, extended or ended early.
  const wasPaused = before.pausedUntil > now;
  const isPaused = after.pausedUntil > now;
  if (isPaused && (!wasPaused || after.pausedUntil !== before.pausedUntil)) {
    out.push({ outcome: 'paused', site: 'all', detail: { until: iso(after.pausedUntil), source } });
  } else if (wasPaused && !isPaused) {
    out.push({ outcome: 'resumed', site: 'all', detail: { source } });
  }
  for (const site of SITES) {
    // Switch-offs are handled here, not by describeChanges: a switch-off that was removed (key
    // gone) or has run out must read as the site being back on.
    const was = before.siteOff?.[site];
    const off = after.siteOff?.[site];
    const wasOff = was && was.until > now ? was : undefined;
    const isOff = off && off.until > now ? off : undefined;
    if (isOff && (!wasOff || wasOff.until !== isOff.until || wasOff.reason !== isOff.reason)) {
      out.push({
        outcome: 'site-off',
        site,
        reason: isOff.reason,
        detail: { setting: `siteOff.${site}`, until: iso(isOff.until), source },
      });
    } else if (wasOff && !isOff) {
      out.push({ outcome: 'site-on', site, detail: { setting: `siteOff.${site}`, source } });
    }
  }
  for (const c of describeChanges(before, after)) {
    if (c.key.startsWith('siteOff.')) continue;
    const base = { setting: c.key, label: c.label, from: clip(c.from), to: clip(c.to), weakens: c.weakens, source };
    const site = c.key.split('.')[1] as (typeof SITES)[number] | undefined;
    if (c.key === 'monitorOnly' && after.monitorOnly) {
      out.push({ outcome: 'monitor-only', site: 'all', detail: base });
    } else if (c.key.startsWith('sites.') && site) {
      out.push({ outcome: after.sites[site] ? 'site-on' : 'site-off', site, detail: base });
    } else {
      out.push({ outcome: 'setting-changed', site: 'all', detail: base });
    }
  }
  return out;
}

/**
 * Records the change from `before` to `after` (raw stored values are accepted and repaired) in the
 * chain, one record per changed setting, and returns them. `source` says who changed it ('user',
 * 'policy', or a page's own word such as 'settings import'). The records use `after`'s text mode
 * and staff member, so a switch to a weaker text mode is itself written in the old detail.
 */
export async function recordSettingsChange(
  before: unknown,
  after: unknown,
  source: SettingsSource,
  db?: LogDb,
  now = Date.now(),
): Promise<StoredRecord[]> {
  const b = normalizeSettings(before);
  const a = normalizeSettings(after);
  const events = settingsEvents(b, a, source, now);
  // The stricter of the two text modes: switching to 'full' must not expose the reason given for it.
  const rank = { none: 0, redacted: 1, full: 2 } as const;
  const textMode = rank[b.log.textMode] < rank[a.log.textMode] ? b.log.textMode : a.log.textMode;
  const settings: LogSettings = {
    log: { ...a.log, textMode },
    staffMember: a.staffMember,
    profile: a.profile,
    extraTerms: a.extraTerms,
  };
  const out: StoredRecord[] = [];
  for (const e of events) out.push(await appendEvent(e, settings, db, now));
  return out;
}

/** The storage.local key of the user's settings (lib/settings-storage.ts: `local:settings`). */
export const SETTINGS_KEY = 'settings';

/** Serializes the records of successive changes, so they land in the order they happened. */
let recording: Promise<unknown> = Promise.resolve();

/**
 * The background's storage.onChanged handler for the settings: the user's settings (local) and
 * the organisation's policy (managed), diffed old against new. Never throws.
 */
export function onStorageChanged(
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
  db?: LogDb,
): Promise<unknown> {
  const task = async () => {
    if (area === 'local' && changes[SETTINGS_KEY]) {
      const c = changes[SETTINGS_KEY]!;
      await recordSettingsChange(c.oldValue, c.newValue, 'user', db);
    } else if (area === 'managed') {
      // The policy arrives key by key: lay the old and the new values over the user's settings.
      const user = normalizeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(changes)) {
        if (v.oldValue !== undefined) before[k] = v.oldValue;
        if (v.newValue !== undefined) after[k] = v.newValue;
      }
      await recordSettingsChange(
        mergeSettings(user, validateSettings(before).valid),
        mergeSettings(user, validateSettings(after).valid),
        'policy',
        db,
      );
    }
  };
  recording = recording.then(task).catch((e) => console.error('Reply Guard: could not record a settings change', e));
  return recording;
}
