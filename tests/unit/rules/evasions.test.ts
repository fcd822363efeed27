/** Normalization and evasions: findings still point at what the user typed (original offsets). */
import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../../../rules/engine/normalize';
import { analyze } from '../../../rules/index';

const spansOf = (text: string) => analyze(text).findings.map((f) => text.slice(f.start, f.end));

describe('normalization', () => {
  it('maps every normalized character back into the original', () => {
    const input = 'Sorry about ur  r o o t  c a n a l\u200b and yоur сrоwn';
    const n = normalize(input);
    expect(n.text).toContain('your root canal');
    expect(n.text).toContain('your crown');
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeGreaterThanOrEqual(0);
      expect(n.ends[i]).toBeLessThanOrEqual(input.length);
      expect(n.starts[i]).toBeLessThan(n.ends[i]!);
    }
    const at = n.text.indexOf('root canal');
    const [s, e] = toOriginal(n, at, at + 'root canal'.length);
    expect(input.slice(s, e)).toBe('r o o t  c a n a l');
  });

  it('folds accents and full-width letters but keeps emoji', () => {
    expect(normalize('tratamiénto ｃｒｏｗｎ 🦷').text).toBe('tratamiento crown 🦷');
  });

  it('does not join ordinary words that contain single letters', () => {
    expect(normalize('Is a test of plan A or B').text).toBe('Is a test of plan A or B');
  });
});

describe('evasions are caught and reported in the original text', () => {
  it('case', () => {
    expect(analyze('SORRY YOUR ROOT CANAL WAS SO PAINFUL').verdict).toBe('block');
  });

  it('Cyrillic look-alikes', () => {
    const text = 'Sorry аbout yоur сrоwn cоming lооse.';
    const a = analyze(text);
    expect(a.verdict).toBe('block');
    expect(spansOf(text).join(' ')).toContain('сrоwn');
  });

  it('zero-width characters inside words', () => {
    const text = 'Glad your im\u200bplant is heal\u200cing well!';
    const a = analyze(text);
    expect(a.verdict).toBe('block');
    expect(spansOf(text).join(' ')).toContain('im\u200bplant');
  });

  it('letter spacing', () => {
    const text = 'Hope your r o o t  c a n a l recovery goes well.';
    const a = analyze(text);
    expect(a.verdict).toBe('block');
    expect(spansOf(text).some((s) => s.includes('r o o t'))).toBe(true);
  });

  it('slang: ur appt, ur root canal', () => {
    const text = 'c u at ur appt tmrw, hope ur root canal feels ok';
    const a = analyze(text);
    expect(a.verdict).toBe('block');
    const spans = spansOf(text).join(' | ');
    expect(spans).toMatch(/ur appt/);
    expect(spans).toMatch(/root canal/);
  });

  it('findings are sorted, do not overlap, and slice the original text', () => {
    const text = 'Hi Maria! Sorry ur crown broke, Dr. Lee says hi. Our records show you missed 2 appts.';
    const a = analyze(text);
    for (let i = 0; i < a.findings.length; i++) {
      const f = a.findings[i]!;
      expect(f.actual).toBe(text.slice(f.start, f.end));
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(a.findings[i - 1]!.end);
    }
  });
});
