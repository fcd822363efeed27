/**
 * The cheap gates that spare a sentence compromise's parse (issue #9, speed) are held to the
 * parse itself on real sentences: every rule's examples, the corpus in the repo (policy cases,
 * holdout, real replies) and the dev corpus when it is present beside the repo, each also
 * joined into one long comma-separated sentence. A gate that said "no" where the parse says
 * "yes" would silently drop a finding; these tests fail instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_VERB_OPENER, SentenceContext } from '../../../rules/engine/context';
import { normalize } from '../../../rules/engine/normalize';
import { resolveOptions } from '../../../rules/engine/options';
import { segment } from '../../../rules/engine/segment';
import { rules } from '../../../rules/index';
import patientName, { mayHaveName } from '../../../rules/patient-name';

const root = path.resolve(__dirname, '../../..');
const files = [
  path.resolve(root, '../shared/corpus/dev.jsonl'),
  path.join(root, 'tests/corpus/policy-cases.jsonl'),
  path.join(root, 'tests/corpus/holdout.jsonl'),
  path.join(root, 'tests/corpus/real-replies.jsonl'),
];
const replies = [
  ...rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass]),
  ...files
    .filter((f) => fs.existsSync(f))
    .flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text?: unknown }).text)
        .filter((t): t is string => typeof t === 'string'),
    ),
];
const sentences = replies.flatMap((r) => {
  const t = normalize(r).text;
  const own = segment(t).map((s) => t.slice(s.start, s.end));
  return [...own, own.join(', ')];
});
const o = resolveOptions(undefined);

describe('the name gate of patient-name (mayHaveName)', () => {
  it('lets through every sentence where the parse finds a capitalized name that is not staff or a provider', () => {
    expect(sentences.length).toBeGreaterThan(2000);
    let named = 0;
    for (const s of sentences) {
      const ctx = new SentenceContext(s, o);
      // A bare "Dr" is skipped on purpose (a provider's title, never a patient).
      const names = ctx.names.filter(
        (n) => !n.staff && !n.provider && /\p{Lu}/u.test(n.text) && !/^(?:dr|doctor|drs)$/i.test(n.text),
      );
      if (names.length === 0) continue;
      named++;
      expect(mayHaveName(new SentenceContext(s, o)), `${s} (${names.map((n) => n.text).join(', ')})`).toBe(true);
    }
    expect(named).toBeGreaterThan(100);
  }, 120_000);

  it('spares the parse for dates and care words that only look like names, not for names', () => {
    const gate = (s: string) => mayHaveName(new SentenceContext(s, o));
    expect(gate('We now offer allergy shots on Tuesday evenings.')).toBe(false);
    expect(gate('Your cleaning on June 3rd went long because of the delay.')).toBe(false);
    expect(gate('Meet our newest provider, Dr. Lee, who joins us in May.')).toBe(false);
    expect(gate('Extractions can be scary, so we are glad it went smoothly!')).toBe(false);
    expect(gate('Hx of migraines, tx plan updated at f/u')).toBe(false);
    expect(gate('Pregunte a su médico si tiene dudas sobre la dosis.')).toBe(false);
    // An unknown first word followed by another capitalized one can be a name ("Jaxon Mae").
    expect(gate('Jaxon Mae came in for a cleaning.')).toBe(true);
    expect(gate('Okafor Jr. came in with a rash.')).toBe(true);
    // Names in the same places still open the gate.
    expect(gate('Hope June is feeling better after the surgery.')).toBe(true);
    expect(gate('We saw May for her cleaning.')).toBe(true);
    expect(gate('Welcome the Tuesday twins, our newest patients!')).toBe(true);
    expect(gate('Wendy came to us after months of migraines.')).toBe(true);
  });

  it('keeps the finding when a name sits next to a date word', () => {
    const ctx = new SentenceContext('So glad June came in on Tuesday for her filling.', o);
    const found = patientName.check(ctx) as Array<{ start: number; end: number }>;
    expect(found.map((f) => ctx.text.slice(f.start, f.end))).toEqual(['June']);
  });
});

describe('SentenceContext.mayNameProvider', () => {
  it('is true whenever the sentence has a name framed as a provider', () => {
    for (const s of sentences.slice(0, 1500)) {
      const ctx = new SentenceContext(s, o);
      if (!ctx.mayNameProvider)
        expect(
          ctx.names.filter((n) => n.provider),
          s,
        ).toEqual([]);
    }
  }, 120_000);
});

describe('SentenceContext.imperative', () => {
  it('skips the parse for a sentence opening with a determiner, possessive or pronoun', () => {
    const ctx = new SentenceContext('Your copay should be lower next time.', o);
    expect(ctx.imperative).toBe(false);
    expect((ctx as unknown as { _tags?: unknown })._tags).toBeUndefined();
    expect(new SentenceContext('Wash your hands before touching your lenses.', o).imperative).toBe(true);
  });

  it('agrees with the parse on every corpus sentence the shortcut answers', () => {
    let answered = 0;
    for (const s of sentences) {
      if (!NOT_VERB_OPENER.test(s)) continue;
      answered++;
      const first = new SentenceContext(s, o).parsed[0]?.tags;
      const parsed =
        !!first && (first.has('Imperative') || (first.has('Infinitive') && !first.has('Noun') && !first.has('Modal')));
      expect(parsed, s).toBe(false);
    }
    expect(answered).toBeGreaterThan(500);
  }, 120_000);
});
