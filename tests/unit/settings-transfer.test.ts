import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { getSettings, updateSettings } from '@/lib/settings-storage';
import { exportFileName, exportSettings, parseSettingsFile, SETTINGS_FILE_FORMAT } from '@/lib/settings-transfer';

const CONFIGURED: Settings = {
  ...DEFAULT_SETTINGS,
  profile: {
    name: 'Bright Smile Dental',
    phone: '(555) 010-2000',
    email: 'hello@brightsmile.example',
    address: '12 Main Street',
    website: 'https://brightsmile.example',
    staff: [{ name: 'Dana Ortiz', role: 'office manager' }],
  },
  strictness: 'strict',
  monitorOnly: true,
  sites: { facebook: true, google: false, yelp: true },
  extraTerms: ['ketamine', 'IVF'],
  disabledRules: ['some-rule'],
  customTemplates: [{ id: 'c1', category: 'praise', title: 'Ours', text: 'Thanks from all of us at {practice}!' }],
  log: { retentionDays: 400, textMode: 'none' },
  staffMember: 'Dana Ortiz',
  pausedUntil: 123,
  siteOff: { yelp: { until: 456, reason: 'testing' } },
};

describe('exportSettings', () => {
  it('writes a marked, versioned file without the per-browser settings', () => {
    const file = JSON.parse(exportSettings(CONFIGURED, new Date('2026-11-28T09:00:00Z')));
    expect(file.format).toBe(SETTINGS_FILE_FORMAT);
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe('2026-11-28T09:00:00.000Z');
    expect(file.settings.staffMember).toBeUndefined();
    expect(file.settings.pausedUntil).toBeUndefined();
    expect(file.settings.siteOff).toBeUndefined();
    expect(file.settings.profile).toEqual(CONFIGURED.profile);
    expect(exportFileName(new Date('2026-11-28T09:00:00Z'))).toBe('reply-guard-settings-2026-11-28.json');
  });
});

describe('parseSettingsFile', () => {
  it('round-trips every practice setting', async () => {
    const result = parseSettingsFile(exportSettings(CONFIGURED));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await updateSettings({ staffMember: 'Sam', profile: { name: 'Old', website: 'https://old.example' } });
    await updateSettings(result.patch);
    const { settings } = await getSettings();
    expect(settings).toEqual({ ...CONFIGURED, staffMember: 'Sam', pausedUntil: 0, siteOff: {} });
  });

  it.each([
    ['not JSON', '{"format": "reply-guard-settings", ', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /not a Reply Guard settings file/],
    ['another app’s JSON', '{"theme":"dark","fontSize":14}', /not a Reply Guard settings file/],
    ['a log export line', '{"id":"x","time":1,"site":"yelp"}', /not a Reply Guard settings file/],
    ['a newer version', `{"format":"${SETTINGS_FILE_FORMAT}","version":9,"settings":{}}`, /version 9/],
    [
      'a wrong type',
      `{"format":"${SETTINGS_FILE_FORMAT}","version":1,"settings":{"monitorOnly":"yes","strictness":"standard"}}`,
      /"monitorOnly" has the wrong type/,
    ],
    [
      'an unknown key',
      `{"format":"${SETTINGS_FILE_FORMAT}","version":1,"settings":{"colour":"red"}}`,
      /Unknown setting "colour"/,
    ],
    [
      'settings not an object',
      `{"format":"${SETTINGS_FILE_FORMAT}","version":1,"settings":7}`,
      /must be a JSON object/,
    ],
  ])('refuses %s with a clear error', (_name, text, message) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join(' ')).toMatch(message);
    expect(result.errors.at(-1)).toMatch(/Nothing was imported/);
  });

  it('refuses the whole file when one custom template has a placeholder for a person', () => {
    const file = JSON.parse(exportSettings(CONFIGURED));
    file.settings.customTemplates.push({ id: 'c2', category: 'praise', title: 'Named', text: 'Thanks {name}!' });
    const result = parseSettingsFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/"Named" was refused/);
  });

  it('leaves keys the organization locks out of the patch, and names them', () => {
    const result = parseSettingsFile(exportSettings(CONFIGURED), { locked: ['monitorOnly', 'sites'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skippedLocked).toEqual(['monitorOnly', 'sites']);
    expect(result.patch.monitorOnly).toBeUndefined();
    expect(result.patch.strictness).toBe('strict');
  });

  it('a refused file changes nothing in storage', async () => {
    await updateSettings({ monitorOnly: true });
    const before = await fakeBrowser.storage.local.get(null);
    const result = parseSettingsFile('{"format":"reply-guard-settings","version":1,"settings":{"strictness":"loud"}}');
    expect(result.ok).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
