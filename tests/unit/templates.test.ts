import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  classifyReview,
  fillTemplate,
  pickTemplate,
  suggestTemplate,
  TEMPLATE_CATEGORIES,
  type TemplateCategory,
  templates,
  unknownPlaceholders,
} from '@/lib/templates';
import { analyze } from '@/rules';
import type { PracticeProfile } from '@/rules/types';

const FULL: PracticeProfile = {
  name: 'Bright Smile Dental',
  phone: '(555) 010-2000',
  email: 'frontdesk@brightsmile.example',
  address: '12 Main Street, Springfield',
  website: 'https://brightsmile.example',
  staff: [{ name: 'Dana Ortiz', role: 'office manager' }],
};

describe('the shipped library', () => {
  it('has at least 24 templates in at least 8 categories, every category covered', () => {
    expect(templates.length).toBeGreaterThanOrEqual(24);
    const used = new Set(templates.map((t) => t.category));
    expect(used.size).toBeGreaterThanOrEqual(8);
    for (const c of TEMPLATE_CATEGORIES) expect(used.has(c.id), c.id).toBe(true);
  });

  it('has unique ids, titles and texts (a page of replies must not look automated)', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(new Set(templates.map((t) => t.text)).size).toBe(templates.length);
    for (const c of TEMPLATE_CATEGORIES) {
      const titles = templates.filter((t) => t.category === c.id).map((t) => t.title);
      expect(new Set(titles).size, c.id).toBe(titles.length);
    }
  });

  it('uses only profile placeholders, never a slot for a person', () => {
    for (const t of templates) expect(unknownPlaceholders(t.text), t.id).toEqual([]);
  });

  it('never uses phrases that confirm a relationship or care', () => {
    const risky =
      /\b(your (visit|appointment|treatment|care|procedure|bill|account|balance|insurance|doctor|provider)|welcome back|see you|came in|we saw you|as (a|one of our) patients?)\b/i;
    for (const t of templates) expect(t.text, t.id).not.toMatch(risky);
  });

  // The acceptance contract: filled and unfilled, every template is `ok` with the real rules.
  for (const t of templates) {
    it(`${t.id} analyzes as ok, unfilled, filled with a full profile and with an empty one`, () => {
      for (const [label, text] of [
        ['unfilled', t.text],
        ['filled', fillTemplate(t, FULL)],
        ['empty profile', fillTemplate(t, {})],
      ] as const) {
        const result = analyze(text, { profile: FULL });
        expect({ label, text, findings: result.findings }).toEqual({ label, text, findings: [] });
        expect(result.verdict).toBe('ok');
      }
      expect(checkTemplate(t.text, FULL)).toEqual([]);
      // A practice that chooses "strict" still gets a library it can use.
      for (const strictness of ['relaxed', 'strict'] as const) {
        expect(
          analyze(fillTemplate(t, FULL), { profile: FULL, settings: { strictness } }).findings,
          strictness,
        ).toEqual([]);
      }
    });
  }
});

describe('fillTemplate', () => {
  const seed = templates.find((t) => t.id === 'care-seed')!;

  it('fills every placeholder from a full profile', () => {
    for (const t of templates) expect(fillTemplate(t, FULL), t.id).not.toMatch(/[{}]/);
    expect(fillTemplate(seed, FULL)).toBe(
      'Thank you for your feedback. We take all patient concerns seriously. Please contact our office at (555) 010-2000 or frontdesk@brightsmile.example so we can address your concerns directly and work toward a resolution.',
    );
  });

  it('falls back to generic wording, never braces, when the profile is empty', () => {
    for (const t of templates) {
      const text = fillTemplate(t, {});
      expect(text, t.id).not.toMatch(/[{}]/);
      expect(text, t.id).not.toMatch(/our office at our office| {2}/);
    }
    expect(fillTemplate(seed, {})).toBe(
      'Thank you for your feedback. We take all patient concerns seriously. Please contact our office so we can address your concerns directly and work toward a resolution.',
    );
  });

  it('builds the contact phrase from what the practice has', () => {
    const t = { text: 'Please {contact}.' };
    expect(fillTemplate(t, { phone: '555-0100' })).toBe('Please call us at 555-0100.');
    expect(fillTemplate(t, { email: 'a@b.example' })).toBe('Please email us at a@b.example.');
    expect(fillTemplate(t, {})).toBe('Please call our office.');
    expect(fillTemplate({ text: '{contact} any time.' }, {})).toBe('Call our office any time.');
    expect(fillTemplate({ text: '{practice} is open.' }, {})).toBe('Our office is open.');
    expect(fillTemplate({ text: 'Thanks from {practice}.' }, FULL)).toBe('Thanks from Bright Smile Dental.');
  });

  it('keeps half of "at {phone} or {email}" when only one is known', () => {
    expect(fillTemplate({ text: 'Reach us at {phone} or {email} today.' }, { email: 'a@b.example' })).toBe(
      'Reach us at a@b.example today.',
    );
  });
});

describe('classifyReview', () => {
  const cases: Array<[string | undefined, TemplateCategory]> = [
    [undefined, 'neutral-mixed'],
    ['', 'neutral-mixed'],
    ['Amazing team, so friendly and gentle. Highly recommend!', 'praise'],
    ['★★★★★', 'praise'],
    ['5 stars, thank you all', 'praise'],
    ['Great job, Dr. Patel!', 'praise'],
    ['Would not recommend. The crown they put in hurt for weeks and the dentist was careless.', 'complaint-care'],
    ['Terrible. Misdiagnosed and now my pain is worse.', 'complaint-care'],
    ['Waited 2 hours past my time and the receptionist was rude.', 'complaint-wait-staff'],
    ['Horrible front desk, nobody ever calls back.', 'complaint-wait-staff'],
    ['They overcharged me $300 and billed my insurance wrong. Scam.', 'billing'],
    ['1 star. Surprise bill in collections.', 'billing'],
    ['Do you take new patients on Saturdays?', 'question'],
    ['What insurance plans do you accept?', 'question'],
    ['Nice office, but the wait was long and parking is a pain. 3 stars', 'neutral-mixed'],
    ['It was fine.', 'neutral-mixed'],
    ['I applied for the hygienist job and never heard back. Unprofessional.', 'non-patient'],
    ['Your patients keep parking in our lot next door.', 'non-patient'],
    ['I am calling my lawyer. See you in court.', 'legal-media'],
    ["I'm a reporter with the local news and would like a comment.", 'legal-media'],
    ['Reporting you to the dental board for this.', 'legal-media'],
    ['After all this I just want to die, nobody helps me', 'crisis'],
    // The replicas' reviews (tests/e2e/replicas).
    ["My crown came loose again after two weeks. Not happy with Dr. Patel's work.", 'complaint-care'],
    ["Waited 45 minutes past my appointment time for my son's filling. Front desk was rude.", 'complaint-wait-staff'],
    ['Dr. Patel did my root canal and I felt nothing. Best dentist in town!', 'praise'],
    ['How much does whitening cost? Do you take Delta Dental?', 'question'],
    ['Total rip-off. Charged for a cleaning that took ten minutes.', 'billing'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => expect(classifyReview(text)).toBe(expected));
  }
});

describe('suggestTemplate', () => {
  it('fills a template of the review’s category, and seed walks through the variants', () => {
    const first = suggestTemplate('Billed twice, ridiculous.', FULL);
    const second = suggestTemplate('Billed twice, ridiculous.', FULL, [], 1);
    expect(first).not.toBe(second);
    const billing = templates.filter((t) => t.category === 'billing').map((t) => fillTemplate(t, FULL));
    expect(billing).toContain(first);
    expect(billing).toContain(second);
    // Wraps around: as many seeds as variants bring back the first.
    expect(suggestTemplate('Billed twice, ridiculous.', FULL, [], billing.length)).toBe(first);
  });

  it('prefers the practice’s own templates of that category', () => {
    const custom = [{ id: 'c1', category: 'praise', title: 'Ours', text: 'Thanks a bunch from {practice}!' }];
    expect(suggestTemplate('Loved it, great people', FULL, custom)).toBe('Thanks a bunch from Bright Smile Dental!');
  });

  it('falls back to neutral wording for a category with no templates', () => {
    expect(pickTemplate('no-such-category').category).toBe('neutral-mixed');
  });
});

describe('checkTemplate', () => {
  it('refuses a placeholder it cannot fill, such as a name slot', () => {
    const [finding] = checkTemplate('Thanks {name}, see you soon!', FULL);
    expect(finding?.actual).toBe('{name}');
    expect(finding?.message).toMatch(/cannot be filled/);
  });

  it('refuses wording the rules flag (a care detail, a confirmed visit)', () => {
    expect(checkTemplate("We're sorry your crown came loose after your visit.", FULL).length).toBeGreaterThan(0);
    expect(checkTemplate('Thanks for choosing us for your care!', FULL).length).toBeGreaterThan(0);
  });

  it('accepts approved wording', () => {
    expect(checkTemplate('Thank you for the feedback. Please {contact}.', FULL)).toEqual([]);
  });
});
