/**
 * Feature extraction of the learned second opinion (issue #9): deterministic, in range, blind to
 * punctuation and capitals in its n-grams, and with the engineered cues it promises.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../rules/engine/normalize';
import {
  approvedRuns,
  cuesOf,
  DIM,
  extract,
  extractNormalized,
  stripPunctuation,
  tokensOf,
} from '../../../rules/model/features';
import { foldSpanish } from '../../../rules/model/vocabulary';

const nonCue = (text: string) => {
  // n-gram buckets only: the cues are the part that may read punctuation.
  const ex = extract(text);
  return new Set(ex.vector.idx);
};

describe('features', () => {
  it('is deterministic, sorted, unique and inside the hashed space', () => {
    const a = extract('So sorry your crown came loose, Maria!');
    const b = extract('So sorry your crown came loose, Maria!');
    expect([...a.vector.idx]).toEqual([...b.vector.idx]);
    expect([...a.vector.val]).toEqual([...b.vector.val]);
    for (let i = 1; i < a.vector.idx.length; i++) expect(a.vector.idx[i]!).toBeGreaterThan(a.vector.idx[i - 1]!);
    expect(a.vector.idx.every((x) => x >= 0 && x < DIM)).toBe(true);
    expect(a.vector.val.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it('reads the same words whatever the punctuation and capitals', () => {
    const text = 'Hope the new INHALER is working better, Dana! Call us: (555) 010-2000.';
    const a = nonCue(text);
    const b = nonCue(stripPunctuation(text));
    const shared = [...a].filter((x) => b.has(x)).length;
    expect(shared / Math.max(a.size, b.size)).toBeGreaterThan(0.9);
  });

  it('finds second person in English and Spanish, and whose care it is', () => {
    const en = extract('Hope your knee replacement is healing well').cues;
    expect(en).toContain('you');
    expect(en).toContain('whose:your');
    const es = extract('Esperamos que su tratamiento de ortodoncia vaya muy bien').cues;
    expect(es).toContain('you-es');
    expect(es).toContain('spanish');
    expect(es.some((c) => c.startsWith('whose:your'))).toBe(true);
  });

  it('finds names unless the practice lists them as staff', () => {
    expect(extract('Thanks so much, Maria!').cues).toContain('name');
    expect(extract('Thanks so much, Maria!', new Set(['maria'])).cues).not.toContain('name');
  });

  it('finds contact shapes, also with punctuation stripped', () => {
    const text = 'We emailed jane.doe@gmail.com and texted 555-867-5309.';
    for (const t of [text, stripPunctuation(text)]) {
      const cues = extract(t).cues;
      expect(cues).toContain('email');
      expect(cues).toContain('phone');
    }
  });

  it('tells instructions and chart notes apart from prose', () => {
    expect(extract('Pack enough of your medications for the whole trip.').cues).toContain('imperative');
    expect(extract('pt c/o wrist pain, rx ibuprofen TID').cues).toContain('chart');
    expect(extract('We loved meeting you.').cues).not.toContain('imperative');
  });

  it('tokenizes to canonical words with spans in the text', () => {
    const t = tokensOf("You're due 3/14");
    expect(t.map((x) => x.word)).toEqual(['youre', 'due', '0', '00']);
    expect(t[0]).toMatchObject({ start: 0, end: 6 });
    expect(cuesOf('', [])).toEqual(['len:short']);
  });

  it('reads Spanish texting: shorthand expanded, stretched letters collapsed, spelling folded', () => {
    const words = (t: string) => tokensOf(t).map((x) => x.word);
    expect(words('grax x venir, t vemos el prox martes q bueno')).toEqual(
      words('gracias por venir, te vemos el proxima martes que bueno'),
    );
    expect(words('graciaaas')).toEqual(['gracias']);
    // In English the same letters stay what they are.
    expect(words('Plan B or plan x? The t zone is yours')).toContain('x');
    expect(foldSpanish('pasiencia')).toBe(foldSpanish('paciencia'));
    expect(foldSpanish('escojer')).toBe(foldSpanish('escoger'));
    expect(foldSpanish('cirujia')).toBe(foldSpanish('cirugia'));
    // A misspelled care word still counts as care in a Spanish reply.
    const cues = (t: string) => extract(t).cues.filter((c) => /^(kind|whose):/.test(c));
    expect(cues('q bueno q su sirujia salio bien, t esperamos')).toEqual(cues('que bueno que su cirugia salio bien'));
    expect(cues('q bueno q su sirujia salio bien, t esperamos')).toContain('whose:your:procedure');
  });

  it('never throws on odd input', () => {
    for (const t of ['', ' ', '\u0000\u200b', '💉'.repeat(100), 'a'.repeat(5000), '\ud800']) {
      expect(() => extract(t)).not.toThrow();
    }
  });

  describe('approved wording', () => {
    const seed =
      "Thank you for sharing your experience! We're delighted to hear about your positive outcome. Our team works hard to provide excellent care, and feedback like yours makes our day.";
    const words = (text: string, library?: readonly string[]) =>
      extractNormalized(normalize(text).text, undefined, undefined, approvedRuns(library)).tokens.map((t) => t.word);

    it("reads what staff added to the seed's template, not the template", () => {
      expect(words(`${seed} See you Tuesday, Maria!`)).toEqual(['see', 'you', 'tuesday', 'maria']);
      // A clause inside the template breaks the run only where it sits.
      const inside = words(
        "Thank you for sharing your experience! We're delighted Dr. Vance could help with your knee. Our team works hard to provide excellent care, and feedback like yours makes our day.",
      );
      expect(inside).toContain('knee');
      expect(inside).not.toContain('excellent');
      expect(extract(seed).cues).toContain('approved-only');
    });

    it('reads past the same wording in Spanish', () => {
      expect(
        words(
          'Gracias por sus comentarios. Tomamos muy en serio todas las inquietudes de nuestros pacientes. Su endodoncia del martes nos preocupa.',
        ),
      ).toEqual(['su', 'endodoncia', 'del', 'martes', 'nos', 'preocupa']);
    });

    it("reads past a practice's own templates only when it is told them", () => {
      const own = 'Thanks a bunch from everyone at Sunny Smiles, we truly appreciate you taking the time!';
      const reply = `${own} Good luck with the new retainer, Jake!`;
      expect(words(reply)).toContain('bunch');
      expect(words(reply, [own])).toEqual(['good', 'luck', 'with', 'the', 'new', 'retainer', 'jake']);
      // Five words in common are not a run: ordinary phrases stay read.
      expect(words('Thank you for sharing your news with us!')).toContain('sharing');
    });
  });
});
