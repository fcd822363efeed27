/**
 * Long inputs (issue #9, speed): the shortcuts that keep a 100 KB paste cheap change no finding.
 * The contract: sentence rules see one sentence at a time, so a long text made of replies, each
 * ending its own line, gets exactly the findings of its replies, each moved by its offset. What
 * looks at the whole reply is left out on purpose: the learned model (analyzeRules), echoes of
 * the review (no review given), a staff frame in one reply naming a word of another, and the
 * readings of a whole post: a stated written authorization, a week-in-review (such replies are
 * left out, since those readings rightly apply to the whole text).
 */
import { describe, expect, it } from 'vitest';
import { staffNames } from '../../../rules/engine/analyze';
import { normalize } from '../../../rules/engine/normalize';
import { readsAsOnePost } from '../../../rules/engine/whole-post';
import { analyzeRules, type Finding, resetCache, rules } from '../../../rules/index';

/**
 * Every rule's own flag and pass examples: varied, and many of them risky. Those read as one whole
 * post are left out here, once, so the pastes keep their length.
 */
const EXAMPLES = rules
  .flatMap((r) => [...r.examples.flag, ...r.examples.pass])
  .filter((t) => t.trim().length > 0 && !readsAsOnePost(normalize(t).text));

// ("Priya's" names Priya.)
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .map((w) => w.replace(/'s$/, '')),
  );

/** Replies whose names no other reply frames as staff (see the module comment). */
function independent(parts: string[]): string[] {
  const own = parts.map((p) => staffNames(normalize(p).text));
  return parts.filter((p, i) => {
    const w = words(p);
    return own.every((staff, j) => j === i || [...staff].every((name) => !w.has(name) || own[i]!.has(name)));
  });
}

/** Repeats the examples, each made unique by a number, until the text is `chars` long. */
function varied(chars: number): string[] {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < chars; k++) {
    const base = EXAMPLES[k % EXAMPLES.length]!;
    // A number in brackets before the end keeps every sentence new to the per-sentence cache.
    const part = base.replace(/([.!?]*)$/, ` (${k})$1`);
    parts.push(part);
    length += part.length + 1;
  }
  return independent(parts);
}

const strip = (f: Finding) => ({
  ruleId: f.ruleId,
  start: f.start,
  end: f.end,
  severity: f.severity,
  actual: f.actual,
});

describe('long inputs', () => {
  it('a 30 KB text of replies gets exactly the findings of its replies', () => {
    const parts = varied(30_000);
    const text = parts.join('\n');
    resetCache();
    const whole = analyzeRules(text).findings.map(strip);
    const expected: ReturnType<typeof strip>[] = [];
    let offset = 0;
    for (const p of parts) {
      resetCache();
      for (const f of analyzeRules(p).findings)
        expected.push({ ...strip(f), start: f.start + offset, end: f.end + offset });
      offset += p.length + 1;
    }
    expect(text.length).toBeGreaterThan(25_000);
    // Not a vacuous comparison: the examples flag hundreds of spans across many rules.
    expect(expected.length).toBeGreaterThan(100);
    expect(new Set(expected.map((f) => f.ruleId)).size).toBeGreaterThan(10);
    expect(whole).toEqual(expected);
  }, 60_000);

  it('the same holds in strict mode, from a warm cache', () => {
    const parts = varied(8_000);
    const text = parts.join('\n');
    const expected: ReturnType<typeof strip>[] = [];
    let offset = 0;
    for (const p of parts) {
      for (const f of analyzeRules(p, { settings: { strictness: 'strict' } }).findings)
        expected.push({ ...strip(f), start: f.start + offset, end: f.end + offset });
      offset += p.length + 1;
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(analyzeRules(text, { settings: { strictness: 'strict' } }).findings.map(strip)).toEqual(expected);
  }, 60_000);

  it('normalizing a long text equals normalizing its lines, offsets moved (slang grows the text)', () => {
    // "u" -> "you", "appt" -> "appointment": the output outgrows the input many times over.
    const line = (k: number) => `thx u 4 ur appt ${k}, c u 2morrow, r o o t  c a n a l   ok`;
    const lines = Array.from({ length: 400 }, (_, k) => line(k));
    const whole = normalize(lines.join('\n'));
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let offset = 0;
    for (const l of lines) {
      const n = normalize(l);
      if (text) {
        text += '\n';
        starts.push(offset - 1);
        ends.push(offset);
      }
      text += n.text;
      for (let i = 0; i < n.text.length; i++) {
        starts.push(n.starts[i]! + offset);
        ends.push(n.ends[i]! + offset);
      }
      offset += l.length + 1;
    }
    expect(whole.text.length).toBeGreaterThan(lines.join('\n').length);
    expect(whole.text).toBe(text);
    expect(Array.from(whole.starts)).toEqual(starts);
    expect(Array.from(whole.ends)).toEqual(ends);
  });
});
