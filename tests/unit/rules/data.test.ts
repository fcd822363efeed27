/** Vocabulary tables in rules/data are sorted, without duplicates, and every entry has a note. */
import { describe, expect, it } from 'vitest';
import { CARE_TERMS } from '../../../rules/data/care-terms';
import { SPANISH_CARE_TERMS } from '../../../rules/data/care-terms-es';
import { HOMOGLYPHS } from '../../../rules/data/homoglyphs';
import { MEDICAL_TERMS } from '../../../rules/data/medical-terms.generated';
import { SLANG } from '../../../rules/data/slang';

const tables: Record<string, ReadonlyArray<readonly [string, string, string]>> = {
  CARE_TERMS,
  SPANISH_CARE_TERMS,
  SLANG,
};

describe('rules/data tables', () => {
  for (const [name, table] of Object.entries(tables)) {
    it(`${name} is sorted, unique, with notes`, () => {
      const keys = table.map((e) => e[0]);
      expect(keys).toEqual([...keys].sort());
      expect(new Set(keys).size).toBe(keys.length);
      for (const e of table) expect(e[2].length, e[0]).toBeGreaterThanOrEqual(2);
    });
  }

  it('HOMOGLYPHS is sorted by code point, unique, with notes', () => {
    const cps = HOMOGLYPHS.map((e) => e[0].codePointAt(0)!);
    expect(cps).toEqual([...cps].sort((a, b) => a - b));
    expect(new Set(cps).size).toBe(cps.length);
    for (const e of HOMOGLYPHS) expect(e[2].length).toBeGreaterThan(2);
  });

  it('the generated medical list is sorted, unique, and free of everyday words', () => {
    const words = MEDICAL_TERMS.split('\n');
    expect(words.length).toBeGreaterThan(10000);
    expect(words).toEqual([...words].sort());
    expect(new Set(words).size).toBe(words.length);
    for (const everyday of ['experience', 'feedback', 'office', 'team', 'visit', 'review', 'family', 'happy']) {
      expect(words).not.toContain(everyday);
    }
  });
});
