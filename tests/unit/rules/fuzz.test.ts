/** analyze never throws and keeps spans in bounds, whatever the input (issue #3). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../rules/index';

// Small deterministic PRNG so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'your crown',
  'Dr. Lee',
  ' ',
  '  ',
  '\n',
  '.',
  '!',
  '?',
  'r o o t',
  '\u200b',
  '\u200d',
  '\ufe0f',
  '😀',
  '👩‍⚕️',
  '🦷',
  '\ud83d',
  '\ude00',
  'ñ',
  'е',
  'ﬁ',
  '(555) 010-2000',
  'a@b.co',
  '@x',
  '3/12',
  "'s",
  'Hi Maria,',
  'ur appt',
  '\u0000',
  '\t',
  '\u2028',
  'ß',
  'İ',
];

function randomText(r: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    if (r() < 0.5) out += PIECES[Math.floor(r() * PIECES.length)];
    else out += String.fromCharCode(Math.floor(r() * 0x10000));
  }
  return out;
}

function check(text: string) {
  const a = analyze(text);
  expect(['ok', 'warn', 'block']).toContain(a.verdict);
  for (const f of a.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThan(f.end);
    expect(f.actual).toBe(text.slice(f.start, f.end));
  }
}

describe('fuzz', () => {
  it('handles empty and odd inputs', () => {
    for (const t of ['', ' ', '\n\n', '.', '!!!', '\ud800', '\udfff', '\u200b\u200b', '👍', 'a'.repeat(5)]) check(t);
    // Non-strings from untyped callers must not throw either.
    expect(() => analyze(undefined as unknown as string)).not.toThrow();
    expect(() => analyze(42 as unknown as string)).not.toThrow();
    expect(() => analyze('x', { profile: null, settings: null, context: null } as never)).not.toThrow();
  });

  it('random Unicode, emoji and surrogate halves never throw; spans stay in bounds', () => {
    const r = rng(20261128);
    for (let i = 0; i < 300; i++) check(randomText(r, 1 + Math.floor(r() * 120)));
  });

  it('handles 1 MB of text', () => {
    const r = rng(7);
    const big = randomText(r, 60000).padEnd(1_000_000, ' your crown came off. ');
    const t0 = performance.now();
    check(big);
    expect(performance.now() - t0).toBeLessThan(20000);
  }, 60000);
});
