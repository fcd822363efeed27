/**
 * The options page's container: reads the settings store, checks custom templates with the rules,
 * and turns each section's callbacks into saves.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Settings } from '@/lib/settings';
import { exportFileName, exportSettings, parseSettingsFile } from '@/lib/settings-transfer';
import { ruleList } from '@/lib/stores/rule-list';
import type { SettingsState } from '@/lib/stores/settings-store';
import { checkTemplate, fillTemplate, TEMPLATE_CATEGORIES } from '@/lib/templates';
import { OptionsLoading, OptionsView } from './OptionsView';

export interface OptionsAppProps {
  settingsStore: StoreApi<SettingsState>;
  /** Saves a file to disk (a download in the extension; a spy in tests). */
  download?(name: string, text: string): void;
}

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
export function OptionsApp({ settingsStore, download = downloadJson }: OptionsAppProps) {
  const s = useStore(settingsStore);
  const rules = useMemo(() => ruleList(), []);
  const { settings } = s;
  const locked = (k: keyof Settings) => s.locked.includes(k);
  useEffect(() => {
    // Jump to a section named in the address (#templates) once the page has content.
    if (s.loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [s.loaded]);
  if (!s.loaded) return <OptionsLoading />;

  const ruleSettings = {
    strictness: settings.strictness,
    disabledRules: settings.disabledRules,
    extraTerms: settings.extraTerms,
    allowReviewerFirstName: settings.allowReviewerFirstName,
  };

  return (
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
        onStrictness: (strictness) => void s.save({ strictness }),
        onAllowFirstName: (allowReviewerFirstName) => void s.save({ allowReviewerFirstName }),
        onMonitorOnly: (monitorOnly) => void s.save({ monitorOnly }),
        onSite: (site, on) => void s.save({ sites: { ...settings.sites, [site]: on } }),
      }}
      terms={{
        terms: settings.extraTerms,
        locked: locked('extraTerms'),
        onChange: (extraTerms) => void s.save({ extraTerms }),
      }}
      rules={{
        rules,
        disabled: settings.disabledRules,
        locked: locked('disabledRules'),
        onChange: (disabledRules) => void s.save({ disabledRules }),
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
        // updateSettings merges `log` field by field, so a partial patch keeps the other field.
        onChange: (log) => s.save({ log: log as Settings['log'] }),
      }}
      transfer={{
        onExport: () => download(exportFileName(), exportSettings(settings)),
        onImport: async (file) => {
          const result = parseSettingsFile(await file.text(), { locked: s.locked, profile: settings.profile });
          if (!result.ok) {
            return { kind: 'error', text: `“${file.name}” was not imported.`, details: result.errors };
          }
          if (!(await s.save(result.patch))) {
            return { kind: 'error', text: `“${file.name}” was not imported.`, details: [s.saveError ?? ''] };
          }
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
  );
}
