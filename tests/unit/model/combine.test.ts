/**
 * The combination in analyze (issue #9): rule findings keep their spans and explanations; the
 * learned model adds a 'learned' finding only when the rules are silent, with a span, marks, a
 * category, a message and a safer wording; demoted findings become hints; strictness and
 * disabledRules behave. Examples are written for this test (not corpus text).
 */
import { describe, expect, it } from 'vitest';
import { statesAuthorization } from '../../../rules/engine/whole-post';
import { analyze, analyzeRules } from '../../../rules/index';
import { aboutPatientsAsAGroup, demotable, MODEL_MAX_CHARS, withoutBorderline } from '../../../rules/model/combine';
import {
  LONG_SENTENCE,
  replyScore,
  SENTENCE_WEIGHT,
  scoredUnits,
  thresholdsFor,
  WINDOW_STEP,
  WINDOW_WORDS,
  windowsOf,
} from '../../../rules/model/index';
import { CATEGORIES, type Finding, LEARNED_RULE_ID } from '../../../rules/types';

// Replies the rules miss but that confirm a patient or their care (own wording).
const RULES_MISS = [
  'Great news that the stitches are out and healing nicely!',
  'Loved having your whole crew in on Saturday!',
  'Thanks for being such a loyal member of our practice family for ten years!',
];

describe('combination of rules and the learned model', () => {
  it('the rules alone miss these replies (so the test means something)', () => {
    for (const t of RULES_MISS) expect(analyzeRules(t).verdict, t).toBe('ok');
  });

  it('adds a learned finding with a span, marks, category, message and a safer wording', () => {
    let learned = 0;
    for (const text of RULES_MISS) {
      const a = analyze(text);
      if (a.verdict === 'ok') continue;
      learned++;
      expect(a.findings).toHaveLength(1);
      const f = a.findings[0]!;
      expect(f.ruleId).toBe(LEARNED_RULE_ID);
      expect(CATEGORIES).toContain(f.category);
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.actual).toBe(text.slice(f.start, f.end));
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.suggestion?.length ?? 0).toBeGreaterThan(10);
      expect(f.marks?.length ?? 0).toBeGreaterThan(0);
      for (const m of f.marks ?? []) {
        expect(m.start).toBeGreaterThanOrEqual(f.start);
        expect(m.end).toBeLessThanOrEqual(f.end);
        expect(text.slice(m.start, m.end)).toMatch(/^[\p{L}\p{N}']+$/u);
      }
    }
    expect(learned).toBeGreaterThanOrEqual(2);
  });

  it('points the learned span at the risky sentence of a longer reply', () => {
    const text = 'Thanks for the kind words! Great news that the stitches are out and healing nicely!';
    const a = analyze(text);
    expect(a.verdict).not.toBe('ok');
    const f = a.findings.find((x) => x.ruleId === LEARNED_RULE_ID)!;
    expect(f.actual).toContain('stitches');
  });

  it('keeps rule findings with their own spans and messages when the model agrees', () => {
    const text = 'So sorry your crown came loose, Maria!';
    const rules = analyzeRules(text);
    const a = analyze(text);
    expect(rules.verdict).toBe('block');
    expect(a.findings).toEqual(rules.findings);
    expect(a.hints).toBeUndefined();
  });

  it('leaves generic and private replies alone', () => {
    for (const t of [
      'We offer Saturday hours and same-day crowns.',
      'Flu shots are available for everyone this month.',
      'Privacy rules prevent us from discussing whether anyone is a patient.',
      'Thank you for your feedback! Please call our office at (555) 010-2000.',
    ]) {
      expect(analyze(t).verdict, t).toBe('ok');
    }
  });

  it('disabledRules: learned gives the rules alone', () => {
    for (const t of [...RULES_MISS, 'So sorry your crown came loose, Maria!']) {
      expect(analyze(t, { settings: { disabledRules: [LEARNED_RULE_ID] } })).toEqual(analyzeRules(t));
    }
  });

  it('demotes findings other than pattern identifiers and echoes (a tagged name near care words may be), and never in strict mode', () => {
    const f = (category: Finding['category'], ruleId = 'x'): Finding => ({
      ruleId,
      category,
      severity: 'warn',
      start: 0,
      end: 1,
      actual: 'x',
      message: 'm',
    });
    expect(demotable(f('care-details'))).toBe(true);
    expect(demotable(f('identifiers'))).toBe(false);
    expect(demotable(f('identifiers', 'phone-number'))).toBe(false);
    expect(demotable(f('identifiers', 'reviewer-name'))).toBe(false);
    expect(demotable(f('identifiers', 'patient-name'))).toBe(true);
    expect(demotable(f('care-details', 'echo-review'))).toBe(false);
    // The policy's own confirmation wording stands whatever the model thinks; other wording may go.
    const said = (actual: string): Finding => ({ ...f('confirms-patient-status', 'confirms-relationship'), actual });
    expect(demotable(said('Thank you for visiting our office'))).toBe(false);
    expect(demotable(said('Welcome back'))).toBe(false);
    expect(demotable(said('your appointment'))).toBe(false);
    expect(demotable(said('See you soon'))).toBe(true);
    expect(thresholdsFor('strict').demote).toBeNull();
    const std = thresholdsFor('standard');
    expect(std.demote === null || std.demote <= -1).toBe(true);
    expect(thresholdsFor('relaxed').add).toBeGreaterThanOrEqual(std.add);
  });

  it('moves demoted findings to hints: they leave the verdict but stay visible', () => {
    // A generic coverage note the rules read as "your exam" (a visit): the model is confident it is safe.
    const texts = [
      'Your eye exam is covered by most vision plans.',
      'Your teeth work hard for you! Brush twice a day and floss daily.',
      'Questions about your bill? Our billing office is open weekdays.',
    ];
    let demoted = 0;
    for (const t of texts) {
      const rules = analyzeRules(t);
      const a = analyze(t);
      const strict = analyze(t, { settings: { strictness: 'strict' } });
      if (a.hints?.length) demoted++;
      for (const h of a.hints ?? []) {
        expect(rules.findings).toContainEqual(h);
        expect(a.findings).not.toContainEqual(h);
        expect(h.category).not.toBe('identifiers');
      }
      // Strict never demotes: every rule finding of strict mode stays.
      expect(strict.hints).toBeUndefined();
      if (a.hints?.length) expect(strict.verdict).not.toBe('ok');
    }
    expect(demoted).toBeGreaterThanOrEqual(1);
  });

  it('respects allowReviewerFirstName and the staff profile', () => {
    const context = { reviewAuthor: 'Maria Lopez', reviewText: 'Great service!' };
    expect(
      analyze('Hi Maria, thanks for the review!', { context, settings: { allowReviewerFirstName: true } }).verdict,
    ).toBe('ok');
    expect(analyze('Thanks, Keisha!', { profile: { staff: [{ name: 'Keisha Moore' }] } }).verdict).toBe('ok');
  });

  it('does not read the practice’s own people’s names as a patient’s: the model never sees them', () => {
    const text = 'Rosa Delgado says hello!';
    // Without the profile the model takes the full name for someone's identity ...
    expect(analyze(text).findings.map((f) => f.ruleId)).toEqual(['learned']);
    // ... with Rosa on the staff list, her name is left out of what the model reads.
    expect(analyze(text, { profile: { staff: [{ name: 'Rosa Delgado' }] } })).toEqual({ verdict: 'ok', findings: [] });
  });

  it('leaves pastes longer than any reply to the rules alone (bounded cost)', () => {
    const text = 'Great news that the stitches are out and healing nicely! '.repeat(
      Math.ceil(MODEL_MAX_CHARS / 50) + 10,
    );
    expect(text.length).toBeGreaterThan(MODEL_MAX_CHARS);
    expect(analyze(text)).toEqual(analyzeRules(text));
  });

  it('never throws and answers ok on empty input', () => {
    expect(analyze('')).toEqual({ verdict: 'ok', findings: [] });
    expect(() => analyze(undefined as unknown as string)).not.toThrow();
  });
});

describe("the policy's borderline sympathy", () => {
  it('is left to the rules: the model adds nothing for plain sympathy in standard mode', () => {
    for (const t of ['We hope you feel better soon!', 'Hope you feel better!', 'Feel better soon! 💐']) {
      expect(analyzeRules(t).verdict, t).toBe('ok');
      expect(analyze(t).verdict, t).toBe('ok');
    }
  });

  it('does not hide a risky clause next to it', () => {
    const text = 'We hope you feel better soon! Great news that the stitches are out and healing nicely!';
    expect(analyzeRules(text).verdict).toBe('ok');
    const a = analyze(text);
    expect(a.verdict).not.toBe('ok');
    expect(a.findings.map((f) => f.ruleId)).toContain(LEARNED_RULE_ID);
  });

  it('is blanked out with the same length, so offsets still hold', () => {
    const t = 'Thanks! We hope you feel better soon and wish you a speedy recovery.';
    const out = withoutBorderline(t);
    expect(out).toHaveLength(t.length);
    expect(out).not.toMatch(/feel better|speedy recovery/);
    expect(out.startsWith('Thanks! We ')).toBe(true);
    expect(withoutBorderline('Our office opens at 8.')).toBe('Our office opens at 8.');
  });
});

describe('a reply of several sentences is also judged by its riskiest sentence', () => {
  const filler =
    'Thank you so much for taking the time to share this with everyone. Our whole team reads every review together. ';
  const scores = (text: string) => (a: number, b: number) => (text.slice(a, b).includes('stitches') ? 5 : -3);

  it('a short reply of one sentence keeps its whole-reply score', () => {
    const text = 'Great news that the stitches are out, see you soon!';
    expect(replyScore(-2, text, scores(text))).toBe(-2);
  });

  it('reads a long sentence in windows too, so a few risky words are not lost in it', () => {
    const long = `${'very '.repeat(70)}long`;
    expect(replyScore(-2, long, () => 9)).toBe(-2 + SENTENCE_WEIGHT * 9);
    // One sentence of thirty words, the risky words in the middle: one window holds them.
    const words = Array.from({ length: 30 }, (_, i) => (i === 14 ? 'stitches' : `word${i}`));
    const text = `${words.join(' ')}.`;
    const only = (a: number, b: number) => (text.slice(a, b).includes('stitches') ? 5 : -3);
    expect(replyScore(-2, text, only)).toBe(-2 + SENTENCE_WEIGHT * 5);
  });

  it("adds the riskiest sentence's score, weighted, to the whole reply's", () => {
    const risky = `${filler}Great news that the stitches are out and healing nicely.`;
    expect(replyScore(-2, risky, scores(risky))).toBe(-2 + SENTENCE_WEIGHT * 5);
    // Generic sentences only: the reply scores lower than its whole-reply score alone.
    const generic = `${filler}See you at the spring open house.`;
    expect(replyScore(-2, generic, scores(generic))).toBe(-2 + SENTENCE_WEIGHT * -3);
  });

  it('finds the risky clause buried between generic sentences with the shipped models', () => {
    const buried = `${filler}We are so glad the new inhaler is finally keeping your nights quiet. Please reach out to our office anytime, we are always happy to help.`;
    const twin = `${filler}We are so glad to hear from you and appreciate your kind words. Please reach out to our office anytime, we are always happy to help.`;
    expect(analyze(buried).verdict).not.toBe('ok');
    expect(analyze(twin).verdict).toBe('ok');
  });
});

describe('windows of a long sentence', () => {
  const sentence = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it('a short sentence has none', () => {
    expect(windowsOf(sentence(LONG_SENTENCE), { start: 0, end: sentence(LONG_SENTENCE).length })).toEqual([]);
  });

  it('cover every word of a long one, WINDOW_WORDS at a time, every WINDOW_STEP words', () => {
    const text = sentence(LONG_SENTENCE + 9);
    const ws = windowsOf(text, { start: 0, end: text.length });
    expect(ws[0]!.from).toBe(0);
    expect(ws.at(-1)!.to).toBe(LONG_SENTENCE + 9);
    for (const [i, w] of ws.entries()) {
      expect(w.from).toBe(i * WINDOW_STEP);
      expect(w.to - w.from).toBeLessThanOrEqual(WINDOW_WORDS);
      expect(text.slice(w.start, w.end).split(' ')).toHaveLength(w.to - w.from);
    }
  });

  it('are read with the sentences of a reply: offsets in the whole text', () => {
    const text = `Thanks for writing. ${sentence(LONG_SENTENCE + 1)}.`;
    const units = scoredUnits(text);
    // Two sentences, then the windows of the long one.
    expect(units.slice(0, 2).map((u) => text.slice(u.start, u.end))).toEqual([
      'Thanks for writing.',
      `${sentence(LONG_SENTENCE + 1)}.`,
    ]);
    expect(units.length).toBeGreaterThan(2);
    for (const u of units.slice(2)) expect(text.slice(u.start, u.end)).toMatch(/^w\d+( w\d+)*\.?$/);
  });
});

describe('the practice talking about its patients as a group', () => {
  it('adds no learned finding', () => {
    const group = 'Our practice has many loyal patients who have benefited from our care over the years.';
    expect(aboutPatientsAsAGroup(group)).toBe(true);
    expect(analyze(group).verdict).toBe('ok');
    // A provider speaking of their own patients as a group.
    expect(aboutPatientsAsAGroup('I give all of my patients the same careful attention.')).toBe(true);
    // Someone in particular: a reader, one of them, a day.
    expect(aboutPatientsAsAGroup('Our patients love you, and we hope to see you soon.')).toBe(false);
    expect(aboutPatientsAsAGroup('One of our older patients parks crooked every Thursday.')).toBe(false);
    expect(aboutPatientsAsAGroup('So many of our patients came in today for flu shots.')).toBe(false);
  });
});

describe('a post that states the written authorization behind what it shares', () => {
  it('gets no learned story or care finding, like the rules (engine/whole-post.ts)', () => {
    const story = 'Six months and 40 pounds down on semaglutide. So proud of her!';
    expect(analyzeRules(story).verdict).toBe('ok');
    expect(analyze(story).findings.map((f) => f.ruleId)).toEqual([LEARNED_RULE_ID]);
    expect(analyze(`${story} Shared with her written authorization.`).verdict).toBe('ok');
    // A rebuttal that cites a consent shares nothing, so it is not read this way.
    expect(statesAuthorization(`${story} Never posted without her written authorization.`)).toBe(false);
  });
});
