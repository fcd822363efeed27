import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, guardActive } from '@/lib/settings';

describe('guardActive', () => {
  it('is on for an enabled site and off while paused or switched off', () => {
    const now = 1_000_000;
    expect(guardActive(DEFAULT_SETTINGS, 'yelp', now)).toBe(true);
    expect(guardActive({ ...DEFAULT_SETTINGS, pausedUntil: now + 1 }, 'yelp', now)).toBe(false);
    expect(guardActive({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, yelp: false } }, 'yelp', now)).toBe(
      false,
    );
  });
});
