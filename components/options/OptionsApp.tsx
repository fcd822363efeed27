/**
 * The options page's container: reads the settings store, checks custom templates with the rules,
 * and turns each section's callbacks into saves.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { countPrunable } from '@/lib/log';
import type { AuditEventInput } from '@/lib/log-record';
import { PinGuard } from '@/lib/manager-pin';
import { sendAuditEvent } from '@/lib/messaging';
import { endOfDay, type Settings, type SiteId } from '@/lib/settings';
import { describeChanges, weakens } from '@/lib/settings-changes';
import { exportFileName, exportSettings, parseSettingsFile } from '@/lib/settings-transfer';
import { ruleList } from '@/lib/stores/rule-list';
import type { SettingsState } from '@/lib/stores/settings-store';
import { checkTemplate, fillTemplate, TEMPLATE_CATEGORIES } from '@/lib/templates';
import { ConfirmChanges, type ConfirmChangesProps } from './ConfirmChanges';
import { OptionsLoading, OptionsView } from './OptionsView';

export interface OptionsAppProps {
  settingsStore: StoreApi<SettingsState>;
  /** Saves a file to disk (a download in the extension; a spy in tests). */
  download?(name: string, text: string): void;
  /** Checks the manager PIN (the stored PBKDF2 hash in the extension; a fast one in tests). */
  pins?: PinGuard;
  /** How many log records are older than `days` (so a shorter retention says what it deletes). */
  countOlderThan?(days: number): Promise<number>;
  /** Writes a chain record (the background's `record-event`): here, that a settings file was imported. */
  recordEvent?(event: AuditEventInput): Promise<unknown>;
}

type Confirming = Omit<ConfirmChangesProps, 'onCancel'> & { onCancel(): void };

/** Starts a download of `text` as a JSON file, without any network request. */
export function downloadJson(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The options page, wired to the settings store. */
export function OptionsApp({
  settingsStore,
  download = downloadJson,
  pins: pinsProp,
  countOlderThan = (days) => countPrunable(days),
  recordEvent = sendAuditEvent,
}: OptionsAppProps) {
  const s = useStore(settingsStore);
  const rules = useMemo(() => ruleList(), []);
  const pins = useMemo(() => pinsProp ?? new PinGuard(), [pinsProp]);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const { settings } = s;
  const locked = (k: keyof Settings) => s.locked.includes(k);
  useEffect(() => {
    // Jump to a section named in the address (#templates) once the page has content.
    if (s.loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [s.loaded]);
  if (!s.loaded) return <OptionsLoading />;

  /**
   * Saves `patch`, first asking for the manager PIN when it weakens the guard or shortens the trail
   * (issue #11). `review` shows the list of changes even when nothing weakens (a settings import).
   * Resolves true once saved, false when cancelled or refused.
   */
  const guardedSave = async (
    patch: Partial<Settings>,
    opts: { title?: string; note?: string; review?: boolean } = {},
  ): Promise<boolean> => {
    const changes = describeChanges(settings, patch);
    if (!weakens(changes) && !opts.review) return s.save(patch);
    const pin = !weakens(changes) ? 'none' : (await pins.isSet()) ? 'enter' : 'create';
    return new Promise<boolean>((resolve) => {
      setConfirming({
        title: opts.title ?? 'This change weakens the guard',
        note: opts.note,
        changes,
        pin,
        onConfirm: async (typed) => {
          if (pin === 'create') {
            try {
              await pins.create(typed);
            } catch (e) {
              return e instanceof Error ? e.message : String(e);
            }
          } else if (pin === 'enter') {
            const check = await pins.verify(typed);
            if (!check.ok) return check.message;
          }
          if (!(await s.save(patch))) return settingsStore.getState().saveError ?? 'The change could not be saved.';
          setConfirming(null);
          resolve(true);
          return null;
        },
        onCancel: () => {
          setConfirming(null);
          resolve(false);
        },
      });
    });
  };

  const setSite = (site: SiteId, on: boolean, reason?: string) =>
    void (on
      ? guardedSave({ sites: { ...settings.sites, [site]: true }, siteOff: { [site]: undefined } })
      : guardedSave({ siteOff: { [site]: { until: endOfDay(), reason: reason ?? '' } } }));

  const setRetention = async (retentionDays: number) => {
    if (retentionDays >= settings.log.retentionDays) return guardedSave({ log: { ...settings.log, retentionDays } });
    const n = await countOlderThan(retentionDays);
    return guardedSave(
      { log: { ...settings.log, retentionDays } },
      {
        title: 'Keep log records for a shorter time?',
        note:
          n === 0
            ? 'No record in this browser is that old yet.'
            : `This deletes ${n} ${n === 1 ? 'record' : 'records'} older than ${retentionDays} days from this browser's log. The log keeps a record of the deletion.`,
      },
    );
  };

  const ruleSettings = {
    strictness: settings.strictness,
    disabledRules: settings.disabledRules,
    extraTerms: settings.extraTerms,
    allowReviewerFirstName: settings.allowReviewerFirstName,
  };

  return (
    <>
      {confirming && <ConfirmChanges {...confirming} />}
      <OptionsView
        lockedCount={s.locked.length}
        policyErrors={s.policyErrors}
        saveError={s.saveError}
        profile={{ profile: settings.profile, locked: locked('profile'), onSave: (profile) => s.save({ profile }) }}
        checking={{
          strictness: settings.strictness,
          allowReviewerFirstName: settings.allowReviewerFirstName,
          monitorOnly: settings.monitorOnly,
          sites: settings.sites,
          locked: {
            strictness: locked('strictness'),
            allowReviewerFirstName: locked('allowReviewerFirstName'),
            monitorOnly: locked('monitorOnly'),
            sites: locked('sites'),
          },
          siteOff: Object.fromEntries(
            Object.entries(settings.siteOff ?? {}).filter(([, off]) => off && off.until > Date.now()),
          ),
          onStrictness: (strictness) => void guardedSave({ strictness }),
          onAllowFirstName: (allowReviewerFirstName) => void guardedSave({ allowReviewerFirstName }),
          onMonitorOnly: (monitorOnly) => void guardedSave({ monitorOnly }),
          onSite: setSite,
        }}
        terms={{
          terms: settings.extraTerms,
          locked: locked('extraTerms'),
          onChange: (extraTerms) => void guardedSave({ extraTerms }),
        }}
        rules={{
          rules,
          disabled: settings.disabledRules,
          locked: locked('disabledRules'),
          onChange: (disabledRules) => void guardedSave({ disabledRules }),
        }}
        templates={{
          templates: settings.customTemplates,
          categories: TEMPLATE_CATEGORIES,
          locked: locked('customTemplates'),
          check: (text) => checkTemplate(text, settings.profile, ruleSettings),
          preview: (text) => fillTemplate({ text }, settings.profile),
          onChange: (customTemplates) => s.save({ customTemplates }),
          newId: () => `custom-${crypto.randomUUID()}`,
        }}
        log={{
          retentionDays: settings.log.retentionDays,
          textMode: settings.log.textMode,
          locked: locked('log'),
          onChange: (log) =>
            log.retentionDays !== undefined
              ? setRetention(log.retentionDays)
              : guardedSave({ log: { ...settings.log, ...log } }),
        }}
        transfer={{
          onExport: () => download(exportFileName(), exportSettings(settings)),
          onImport: async (file) => {
            const result = parseSettingsFile(await file.text(), { locked: s.locked, profile: settings.profile });
            if (!result.ok) {
              return { kind: 'error', text: `“${file.name}” was not imported.`, details: result.errors };
            }
            if (describeChanges(settings, result.patch).length === 0) {
              return { kind: 'ok', text: `“${file.name}” has the same settings as this browser. Nothing changed.` };
            }
            const applied = await guardedSave(result.patch, {
              title: `Import settings from “${file.name}”?`,
              note: 'These settings will change on this browser:',
              review: true,
            });
            if (!applied) {
              return { kind: 'error', text: `“${file.name}” was not imported. Nothing was changed.` };
            }
            // The background records each changed setting as it lands; this record says they came
            // from a file, and which.
            await recordEvent({
              outcome: 'settings-imported',
              site: 'all',
              detail: { file: file.name.slice(0, 200), changes: describeChanges(settings, result.patch).length },
            }).catch(() => undefined);
            return {
              kind: 'ok',
              text: `Imported settings from “${file.name}”.`,
              details: result.skippedLocked.length
                ? [`Left as your organization sets them: ${result.skippedLocked.join(', ')}.`]
                : [],
            };
          },
        }}
      />
    </>
  );
}
