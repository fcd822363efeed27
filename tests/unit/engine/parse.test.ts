/**
 * The rules' cheaper parse (rules/engine/parse.ts) gives compromise's own tags, and leaves
 * compromise as shipped for everyone else. Sentences: every rule's examples, the dev corpus when
 * it is present beside the repo, and lower-cased, unpunctuated and comma-heavy variants.
 */
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { SentenceContext } from '../../../rules/engine/context';
import { normalize } from '../../../rules/engine/normalize';
import { resolveOptions } from '../../../rules/engine/options';
import { parseTags } from '../../../rules/engine/parse';
import { segment } from '../../../rules/engine/segment';
import { rules } from '../../../rules/index';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/dev.jsonl');
const replies = [
  ...rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass]),
  ...(fs.existsSync(corpus)
    ? fs
        .readFileSync(corpus, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text)
    : []),
];

/** Sentences as the rules see them, plus variants that stress the tagger differently. */
const sentences = replies.flatMap((r) => {
  const t = normalize(r).text;
  const own = segment(t).map((s) => t.slice(s.start, s.end));
  return [...own, t.toLowerCase().replace(/[.,!?;:]/g, ''), own.join(', ')];
});

type Doc = ReturnType<typeof nlp>;
const terms = (doc: Doc) =>
  (
    doc as unknown as { document: Array<Array<{ text: string; pre: string; post: string; tags: Set<string> }>> }
  ).document.map((s) => s.map((t) => ({ text: t.text, pre: t.pre, post: t.post, tags: [...t.tags].sort() })));

describe('parseTags', () => {
  it("gives compromise's terms and tags, sentence for sentence", () => {
    expect(sentences.length).toBeGreaterThan(200);
    let tagged = 0;
    for (const s of sentences) {
      const ours = terms(parseTags(s));
      expect(ours, s).toEqual(terms(nlp(s)));
      tagged += ours.flat().filter((t) => t.tags.length > 0).length;
    }
    expect(tagged).toBeGreaterThan(1000);
  });

  it('leaves compromise as shipped for other callers (chunks still set)', () => {
    const world = nlp.world() as unknown as { hooks: string[]; methods: { one: { bulkMatch: unknown } } };
    const hooks = [...world.hooks];
    const bulkMatch = world.methods.one.bulkMatch;
    parseTags('Dr. Patel says hi and hopes the new night guard is helping.');
    expect(world.hooks).toEqual(hooks);
    expect(world.methods.one.bulkMatch).toBe(bulkMatch);
    const chunked = (
      nlp('The new night guard is helping.') as unknown as { document: Array<Array<{ chunk?: string }>> }
    ).document[0]!;
    expect(chunked.some((t) => t.chunk)).toBe(true);
  });
});

describe('SentenceContext.providerNames', () => {
  const o = resolveOptions(undefined);
  it('equals the names framed as providers', () => {
    for (const s of sentences.slice(0, 400)) {
      const ctx = new SentenceContext(s, o);
      expect(ctx.providerNames, s).toEqual(ctx.names.filter((n) => n.provider));
    }
  });

  it('skips the parse when no "dr" or "doctor" is in the sentence', () => {
    const ctx = new SentenceContext('We are so glad the whole visit went smoothly for you, Maria.', o);
    expect(ctx.providerNames).toEqual([]);
    expect((ctx as unknown as { _tags?: unknown })._tags).toBeUndefined();
    const dr = new SentenceContext('Dr. Haddad sent the prescription to your pharmacy.', o);
    expect(dr.providerNames.map((n) => n.text)).toEqual(['Dr. Haddad']);
  });
});
