/**
 * compromise's parse as the rules need it (issue #9, long inputs): the same tags as nlp(text),
 * for less work. Two steps of compromise's own pipeline are changed, for this call only (the
 * world's hook list and sweep method are swapped and restored, so anything else calling nlp()
 * still gets compromise as shipped):
 *  - the chunker (the last hook) is left out: it only sets `term.chunk` (noun/verb phrases),
 *    never a tag, and the rules read tags only;
 *  - the match sweep of the post-tagger finds the patterns worth trying for each sentence by
 *    looking up the sentence's words and tags in the pattern index, instead of testing every
 *    one of the index's ~730 keys against the sentence (compromise's getHooks). The patterns
 *    tried, and their order, are the same, so the tags are too. On the short sentences of a
 *    reply that scan was about a fifth of the parse.
 * tests/unit/engine/parse.test.ts checks the tags against nlp(text) on the corpus, so a
 * compromise upgrade that changes its internals fails there, not silently in the findings.
 * The sweep below follows compromise 14's src/1-one/sweep/methods/sweep (MIT, Spencer Kelly).
 */
import nlp from 'compromise';

/** compromise's document type. */
export type Doc = ReturnType<typeof nlp>;

/** A compiled match pattern of compromise's sweep (only the fields the sweep reads). */
interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  ifNo?: string[];
  minWant: number;
  minWords: number;
  unTag?: unknown;
}

/** compromise's pattern index: patterns by the word or #Tag they need or want. */
interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

type Term = { normal: string; tags: Set<string> };
interface SweepMethods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(docs: Term[][], m: NetMatch): { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}
type BulkMatch = (
  document: Term[][],
  net: Net,
  methods: SweepMethods,
  opts?: { matchOne?: boolean },
) => Array<NetMatch & { pointer: number[] }>;

interface World {
  hooks: string[];
  methods: SweepMethods;
}

const world = nlp.world() as unknown as World;

/** Per pattern index: each key's position in Object.keys(hooks), the order getHooks visits them. */
const keyOrder = new WeakMap<Net, { index: Map<string, number>; keys: string[] }>();

function orderOf(net: Net): { index: Map<string, number>; keys: string[] } {
  let o = keyOrder.get(net);
  if (!o) {
    const keys = Object.keys(net.hooks);
    o = { index: new Map(keys.map((k, i) => [k, i])), keys };
    keyOrder.set(net, o);
  }
  return o;
}

/** The patterns hooked on what one sentence has, in getHooks's order, first of each match kept. */
function hooksFor(have: Set<string>, net: Net): NetMatch[] {
  const { index, keys } = orderOf(net);
  const present: number[] = [];
  for (const k of have) {
    const i = index.get(k);
    if (i !== undefined) present.push(i);
  }
  present.sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: NetMatch[] = [];
  for (const i of present) {
    for (const m of net.hooks[keys[i]!]!) {
      const key = String(m.match);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}

/** compromise's trimDown and tooSmall for one sentence: needs met, no ifNo, enough wants and words. */
function trim(list: NetMatch[], have: Set<string>, termCount: number): NetMatch[] {
  return list.filter(
    (m) =>
      m.needs.every((n) => have.has(n)) &&
      !m.ifNo?.some((no) => have.has(no)) &&
      (m.wants.length === 0 || m.wants.filter((w) => have.has(w)).length >= m.minWant) &&
      termCount >= m.minWords,
  );
}

/** compromise's bulkMatch (sweep) with the per-sentence pattern lookup; see the module comment. */
const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document);
  const results: Array<NetMatch & { pointer: number[] }> = [];
  for (let n = 0; n < document.length; n++) {
    const have = docCache[n]!;
    let maybe = trim(hooksFor(have, net), have, document[n]!.length);
    // compromise adds the always-run patterns after trimming, then drops the too-long ones.
    if (net.always.length > 0) maybe = maybe.concat(net.always.filter((m) => document[n]!.length >= m.minWords));
    for (const m of maybe) {
      const res = methods.one.match([document[n]!], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]!];
    }
  }
  return results;
};

/** Parses a sentence for its tags: nlp(text) without the chunker, with the faster sweep. */
export function parseTags(text: string): Doc {
  const hooks = world.hooks;
  const bulkMatch = world.methods.one.bulkMatch;
  world.hooks = hooks.filter((h) => h !== 'chunks');
  world.methods.one.bulkMatch = fastBulkMatch;
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
    world.methods.one.bulkMatch = bulkMatch;
  }
}
