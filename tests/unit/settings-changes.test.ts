import { describe, expect, it } from 'vitest';
import { hashPin, PinGuard, type PinRecord, pinMatches } from '@/lib/manager-pin';
import { DEFAULT_SETTINGS, endOfDay, guardActive } from '@/lib/settings';
import { describeChanges, weakens } from '@/lib/settings-changes';
import { validateSettings } from '@/lib/settings-storage';
import { parseSettingsFile, SETTINGS_FILE_FORMAT } from '@/lib/settings-transfer';

describe('describeChanges', () => {
  it('marks what weakens the guard or shortens the trail, and not what strengthens it', () => {
    const lines = describeChanges(DEFAULT_SETTINGS, {
      strictness: 'relaxed',
      monitorOnly: true,
      sites: { ...DEFAULT_SETTINGS.sites, yelp: false },
      disabledRules: ['patient-name'],
      log: { retentionDays: 400, textMode: 'none' },
    });
    expect(lines.map((c) => [c.key, c.weakens])).toEqual([
      ['strictness', true],
      ['monitorOnly', true],
      ['sites.yelp', true],
      ['disabledRules', true],
      ['log.retentionDays', true],
      ['log.textMode', true],
    ]);
    const stricter = describeChanges(
      { ...DEFAULT_SETTINGS, strictness: 'relaxed', monitorOnly: true },
      { strictness: 'strict', monitorOnly: false, extraTerms: ['IVF'] },
    );
    expect(weakens(stricter)).toBe(false);
    expect(stricter.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      'Strictness: relaxed → strict',
      'Monitor only (never hold a post): on → off',
      'Extra sensitive terms: none → IVF',
    ]);
  });

  it('describes a site switched off for the day with its reason, and nothing for unchanged settings', () => {
    const [line] = describeChanges(DEFAULT_SETTINGS, { siteOff: { google: { until: endOfDay(), reason: 'outage' } } });
    expect(line).toMatchObject({ key: 'siteOff.google', weakens: true });
    expect(line?.to).toMatch(/reason: outage/);
    expect(describeChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual([]);
  });
});

describe('a site switched off for the day', () => {
  it('expires by itself', () => {
    const now = new Date(2026, 11, 1, 10, 0).getTime();
    const s = { ...DEFAULT_SETTINGS, siteOff: { yelp: { until: endOfDay(now), reason: 'x' } } };
    expect(guardActive(s, 'yelp', now)).toBe(false);
    expect(guardActive(s, 'google', now)).toBe(true);
    expect(guardActive(s, 'yelp', new Date(2026, 11, 2, 0, 0, 1).getTime())).toBe(true);
  });
});

describe('settings validation', () => {
  it('refuses retention under a year or absurdly long, and a switch-off without a reason', () => {
    for (const retentionDays of [1, 364, 1e21, 400.5]) {
      expect(validateSettings({ log: { retentionDays } }).errors[0]).toMatch(/from 365 to 36500 days/);
    }
    expect(validateSettings({ log: { retentionDays: 2190 } }).errors).toEqual([]);
    expect(validateSettings({ siteOff: { yelp: { until: 5, reason: ' ' } } }).errors).toHaveLength(1);
  });

  it('takes own keys only: "__proto__" and "constructor" in a file are refused, not merged', () => {
    const text = `{"format":"${SETTINGS_FILE_FORMAT}","version":1,"settings":{"__proto__":{"monitorOnly":true},"constructor":1}}`;
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(/Unknown setting "__proto__"/);
    expect(({} as Record<string, unknown>).monitorOnly).toBeUndefined();
  });
});

describe('manager PIN', () => {
  const memory = () => {
    let record: PinRecord | null = null;
    return {
      get: async () => record,
      set: async (r: PinRecord) => {
        record = r;
      },
      peek: () => record,
    };
  };

  it('stores a salted PBKDF2 hash, never the PIN', async () => {
    const a = await hashPin('2468', 1000);
    const b = await hashPin('2468', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('2468');
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
    await expect(hashPin('12', 1000)).rejects.toThrow(/4 to 12 digits/);
  });

  it('is created once, changed only with the current PIN, and slows down repeated wrong guesses', async () => {
    let now = 1_000_000;
    const store = memory();
    const pins = new PinGuard(store, () => now, 1000);
    expect(await pins.isSet()).toBe(false);
    await pins.create('1357');
    await expect(pins.create('0000')).rejects.toThrow(/already set/);
    for (let i = 0; i < 3; i++) expect((await pins.verify('0000')).ok).toBe(false);
    // Locked out now, even with the right PIN.
    expect(await pins.verify('1357')).toEqual({ ok: false, message: expect.stringMatching(/Try again in 30 s/) });
    now += 30_001;
    expect(await pins.verify('1357')).toEqual({ ok: true });
    await expect(pins.change('9999', '2468')).rejects.toThrow(/not right/);
    await pins.change('1357', '2468');
    expect((await pins.verify('2468')).ok).toBe(true);
  });
});
