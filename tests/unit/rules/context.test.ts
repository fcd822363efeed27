/** Spanish, echo of the review, practice profile and staff, and user settings. */
import { describe, expect, it } from 'vitest';
import { analyze, redact } from '../../../rules/index';
import type { AnalyzeOptions } from '../../../rules/types';

describe('Spanish replies', () => {
  it.each([
    'Gracias por su visita, fue un placer atenderle.',
    'Esperamos que su tratamiento de ortodoncia vaya muy bien.',
    'Lo atendimos el martes y todo salió bien.',
    'Nos vemos en su próxima limpieza.',
  ])('flags: %s', (text) => {
    expect(analyze(text).verdict).not.toBe('ok');
  });

  it.each([
    '¡Gracias por contarnos! Nos da mucho gusto saber de su resultado positivo.',
    'Por favor, comuníquese con nuestra oficina al (555) 010-2000.',
  ])('passes: %s', (text) => {
    expect(analyze(text).verdict).toBe('ok');
  });
});

describe('echo of the review', () => {
  const context: AnalyzeOptions['context'] = {
    reviewText: 'Dr. Kim did my wisdom teeth removal on 5/2 and the swelling was gone in two days!',
    reviewAuthor: 'Tamsin Holloway',
  };

  it('flags clinical terms repeated from the review', () => {
    const a = analyze('Wisdom teeth can be a big deal, so we are thrilled it went smoothly!', { context });
    expect(a.findings.some((f) => f.ruleId === 'echo-review')).toBe(true);
  });

  it("flags the reviewer's name and a repeated date", () => {
    const a = analyze('Thanks Tamsin! We are glad 5/2 went well.', { context });
    const rules = a.findings.map((f) => f.ruleId);
    expect(rules).toContain('echo-review');
    expect(a.verdict).not.toBe('ok');
  });

  it('does not flag a generic reply to the same review', () => {
    expect(analyze('Thanks so much for writing to us!', { context }).verdict).toBe('ok');
  });
});

describe('practice profile and staff are never findings', () => {
  const profile = {
    name: 'Maple Grove Dental',
    phone: '(555) 010-4418',
    email: 'tanya.brooks@maplegrove.example',
    address: '1200 Harbor Blvd, Suite 200',
    website: 'maplegrove.example',
    staff: [{ name: 'Tanya Brooks', role: 'office manager' }, { name: 'Dr. Lena Ortiz' }],
  };

  it.each([
    'Please call Tanya at (555) 010-4418 or email tanya.brooks@maplegrove.example.',
    'Tanya Brooks will reach out about scheduling questions.',
    'Our office is at 1200 Harbor Blvd, Suite 200.',
    'Please ask for Dana, our office manager, at (555) 010-2000.',
  ])('ok: %s', (text) => {
    expect(analyze(text, { profile }).verdict).toBe('ok');
  });

  it('still flags a patient name next to staff', () => {
    expect(analyze('Hi Gwendolyn, Tanya will call you about the refund.', { profile }).verdict).not.toBe('ok');
  });
});

describe('settings', () => {
  it('disabledRules skips a rule', () => {
    const text = 'Welcome back! See you at your next cleaning.';
    expect(analyze(text).verdict).toBe('warn');
    // Issue #9: the learned second opinion would catch this reply too; turn it off to see the rule skipped.
    expect(analyze(text, { settings: { disabledRules: ['confirms-relationship', 'learned'] } }).verdict).toBe('ok');
    expect(
      analyze(text, { settings: { disabledRules: ['confirms-relationship'] } }).findings.map((f) => f.ruleId),
    ).not.toContain('confirms-relationship');
  });

  it('extraTerms are care details when tied to a person', () => {
    const text = 'Glad your Lumineers look great!';
    const withTerm = analyze(text, { settings: { extraTerms: ['Lumineers'] } });
    expect(withTerm.verdict).toBe('block');
    expect(withTerm.findings.some((f) => f.actual.includes('Lumineers'))).toBe(true);
    // Not tied to a person: a service the practice offers.
    expect(analyze('We now offer Lumineers.', { settings: { extraTerms: ['Lumineers'] } }).verdict).toBe('ok');
  });

  it("allowReviewerFirstName allows the reviewer's first name in a greeting only", () => {
    const context = { reviewAuthor: 'Maria Lopez', reviewText: 'Great service!' };
    expect(analyze('Hi Maria, thanks for the review!', { context }).verdict).toBe('warn');
    expect(
      analyze('Hi Maria, thanks for the review!', { context, settings: { allowReviewerFirstName: true } }).verdict,
    ).toBe('ok');
    // Another person's name is still flagged.
    expect(
      analyze('Hi Gwendolyn, thanks for the review!', { context, settings: { allowReviewerFirstName: true } }).verdict,
    ).toBe('warn');
  });

  it('strict mode flags borderline sympathy; standard does not', () => {
    const text = 'We hope you feel better soon!';
    expect(analyze(text).verdict).toBe('ok');
    expect(analyze(text, { settings: { strictness: 'strict' } }).verdict).toBe('warn');
  });

  it('relaxed mode reports clear disclosures (block) only', () => {
    const relaxed = { settings: { strictness: 'relaxed' as const } };
    // Bare confirmation and a greeting name: warn in standard, silent in relaxed.
    expect(analyze('It was great seeing you last week.').verdict).toBe('warn');
    expect(analyze('It was great seeing you last week.', relaxed)).toEqual({ verdict: 'ok', findings: [] });
    expect(analyze('Hi Maria, thank you for the review!', relaxed).verdict).toBe('ok');
    // A care detail tied to the reader is still blocked, and only block findings are listed.
    const a = analyze('Hi Maria, sorry your crown came loose.', relaxed);
    expect(a.verdict).toBe('block');
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.findings.every((f) => f.severity === 'block')).toBe(true);
  });
});

describe('severity and verdict', () => {
  it('bare confirmation warns, confirmation with a care detail blocks, a greeting name warns', () => {
    expect(analyze('It was great seeing you last week.').verdict).toBe('warn');
    expect(analyze("We're sorry your crown came loose.").verdict).toBe('block');
    expect(analyze('Hi Maria, thank you for the review!').verdict).toBe('warn');
  });

  it('explains in plain words and offers a safer wording', () => {
    const f = analyze('Thanks for coming in yesterday!').findings[0]!;
    expect(f.message).toMatch(/patient/);
    expect(f.suggestion).toBeTruthy();
  });
});

describe('redact', () => {
  it('masks each finding span', () => {
    const text = 'Hi Maria, sorry your crown came loose.';
    const a = analyze(text);
    const masked = redact(text, a.findings);
    expect(masked).not.toContain('Maria');
    expect(masked).toHaveLength(text.length);
    expect(redact(text, a.findings, 'token')).toContain('[redacted]');
  });
});
