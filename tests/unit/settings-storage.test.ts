import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { getSettings, mergeSettings, updateSettings, validateSettings } from '@/lib/settings-storage';

describe('validateSettings', () => {
  it('keeps valid keys and names the invalid ones', () => {
    const { valid, errors } = validateSettings({ monitorOnly: true, strictness: 'extreme', colour: 'red' });
    expect(valid).toEqual({ monitorOnly: true });
    expect(errors).toEqual(['Setting "strictness" has the wrong type or value.', 'Unknown setting "colour".']);
  });

  it('refuses a non-object', () => {
    expect(validateSettings('[]').errors).toEqual(['Settings must be a JSON object.']);
  });
});

describe('mergeSettings', () => {
  it('merges nested objects field by field', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, { sites: { yelp: false } as never });
    expect(merged.sites).toEqual({ facebook: true, google: true, yelp: false });
  });
});

describe('policy over user settings', () => {
  it('applies the managed policy, locks its keys and refuses to change them', async () => {
    await fakeBrowser.storage.managed.set({ monitorOnly: true, strictness: 'loud' });
    const eff = await getSettings();
    expect(eff.settings.monitorOnly).toBe(true);
    expect(eff.locked).toEqual(['monitorOnly']);
    expect(eff.policyErrors[0]).toMatch(/strictness/);
    await expect(updateSettings({ monitorOnly: false })).rejects.toThrow(/organization/);
    await updateSettings({ staffMember: 'Dana' });
    expect((await getSettings()).settings.staffMember).toBe('Dana');
  });
});
