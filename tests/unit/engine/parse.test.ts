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
import { candidates, type Net, type NetMatch, parseTags } from '../../../rules/engine/parse';
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
  }, 60_000);

  it('leaves compromise as shipped for other callers (chunks still set)', () => {
    const world = nlp.world() as unknown as {
      hooks: string[];
      methods: { one: { bulkMatch: unknown } };
      compute: { postTagger: unknown };
    };
    const hooks = [...world.hooks];
    const bulkMatch = world.methods.one.bulkMatch;
    const postTagger = world.compute.postTagger;
    parseTags('Dr. Patel says hi and hopes the new night guard is helping.');
    expect(world.hooks).toEqual(hooks);
    expect(world.methods.one.bulkMatch).toBe(bulkMatch);
    expect(world.compute.postTagger).toBe(postTagger);
    const chunked = (
      nlp('The new night guard is helping.') as unknown as { document: Array<Array<{ chunk?: string }>> }
    ).document[0]!;
    expect(chunked.some((t) => t.chunk)).toBe(true);
  });
});

/** compromise 14's getHooks + trimDown + tooSmall, written out as compromise writes them. */
function reference(have: Set<string>, net: Net, termCount: number): NetMatch[] {
  let maybe: NetMatch[] = [];
  for (const k of Object.keys(net.hooks)) if (have.has(k)) maybe = maybe.concat(net.hooks[k]!);
  const already: Record<string, boolean> = {};
  maybe = maybe.filter((m) => {
    if (typeof already[m.match] === 'boolean') return false;
    already[m.match] = true;
    return true;
  });
  return maybe
    .filter((m) => m.needs.every((n) => have.has(n)))
    .filter((m) => !m.ifNo?.some((no) => have.has(no)))
    .filter((m) => m.wants.length === 0 || m.wants.filter((w) => have.has(w)).length >= m.minWant)
    .filter((m) => termCount >= m.minWords);
}

describe('the sweep candidates', () => {
  type Sweep = (document: unknown[][], net: Net, methods: unknown, opts?: unknown) => unknown;
  const world = nlp.world() as unknown as {
    methods: { one: { bulkMatch: Sweep; cacheDoc(d: unknown[][]): Set<string>[] } };
  };

  /** compromise's own pattern indexes and the sentences (comma pieces) they ran on. */
  function captured(): Array<{ net: Net; have: Set<string>; terms: number }> {
    const original = world.methods.one.bulkMatch;
    const out: Array<{ net: Net; have: Set<string>; terms: number }> = [];
    world.methods.one.bulkMatch = (document, net, methods, opts) => {
      world.methods.one.cacheDoc(document).forEach((have, n) => {
        out.push({ net, have, terms: document[n]!.length });
      });
      return original(document, net, methods, opts);
    };
    try {
      for (const s of sentences.slice(0, 300)) nlp(s);
    } finally {
      world.methods.one.bulkMatch = original;
    }
    return out;
  }

  it("are compromise's, in compromise's order, on its own pattern index", () => {
    const runs = captured();
    expect(runs.length).toBeGreaterThan(300);
    let tried = 0;
    for (const { net, have, terms } of runs) {
      const ours = candidates(have, net, terms);
      expect(ours).toEqual(reference(have, net, terms));
      tried += ours.length;
    }
    expect(tried).toBeGreaterThan(1000);
  }, 60_000);

  it("are compromise's on an index where two patterns share a match string (the scan fallback)", () => {
    const m = (match: string, needs: string[], wants: string[] = [], minWant = 0): NetMatch => ({
      match,
      needs,
      wants,
      minWant,
      minWords: 1,
    });
    const first = m('#Noun [#Verb]', ['#Noun']);
    const twin = m('#Noun [#Verb]', ['#Verb']);
    const other = m('(a|the) #Noun', ['#Noun'], ['a', 'the'], 1);
    const net: Net = { hooks: { '#Verb': [twin], '#Noun': [first, other], a: [other], the: [other] }, always: [] };
    for (const have of [new Set(['#Noun', '#Verb', 'the']), new Set(['#Noun', 'a']), new Set(['#Verb'])]) {
      expect(candidates(have, net, 3)).toEqual(reference(have, net, 3));
    }
    // "#Verb" comes first in the index, so its twin is the one kept.
    expect(candidates(new Set(['#Noun', '#Verb']), net, 3)).toEqual([twin]);
  });
});

describe('SentenceContext.providerNames', () => {
  const o = resolveOptions(undefined);
  it('equals the names framed as providers', () => {
    for (const s of sentences.slice(0, 400)) {
      const ctx = new SentenceContext(s, o);
      expect(ctx.providerNames, s).toEqual(ctx.names.filter((n) => n.provider));
    }
  }, 60_000);

  it('skips the parse when no "dr" or "doctor" is in the sentence', () => {
    const ctx = new SentenceContext('We are so glad the whole visit went smoothly for you, Maria.', o);
    expect(ctx.providerNames).toEqual([]);
    expect((ctx as unknown as { _tags?: unknown })._tags).toBeUndefined();
    const dr = new SentenceContext('Dr. Haddad sent the prescription to your pharmacy.', o);
    expect(dr.providerNames.map((n) => n.text)).toEqual(['Dr. Haddad']);
  });
});
