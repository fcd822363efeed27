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

/**
 * A pattern index prepared for lookups: each key's position in Object.keys(hooks) (the order
 * getHooks visits them), and per key its patterns with a number per distinct match string
 * (getHooks keeps the first pattern of each match string).
 */
interface Prepared {
  index: Map<string, number>;
  lists: Array<Array<{ m: NetMatch; id: number }>>;
  seen: Int32Array;
  epoch: number;
}

const prepared = new WeakMap<Net, Prepared>();

function prepare(net: Net): Prepared {
  let p = prepared.get(net);
  if (!p) {
    const keys = Object.keys(net.hooks);
    const ids = new Map<string, number>();
    const lists = keys.map((k) =>
      net.hooks[k]!.map((m) => {
        const key = String(m.match);
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        return { m, id };
      }),
    );
    p = { index: new Map(keys.map((k, i) => [k, i])), lists, seen: new Int32Array(ids.size), epoch: 0 };
    prepared.set(net, p);
  }
  return p;
}

/**
 * compromise's getHooks, trimDown and tooSmall for one sentence: the patterns hooked on what it
 * has, in getHooks's order, the first of each match string, whose needs are met, with no ifNo
 * present, enough wants and few enough words.
 */
function candidates(have: Set<string>, net: Net, termCount: number): NetMatch[] {
  const p = prepare(net);
  const present: number[] = [];
  for (const k of have) {
    const i = p.index.get(k);
    if (i !== undefined) present.push(i);
  }
  present.sort((a, b) => a - b);
  if (p.epoch >= 0x3fffffff) {
    p.seen.fill(0);
    p.epoch = 0;
  }
  const epoch = ++p.epoch;
  const out: NetMatch[] = [];
  for (const i of present) {
    for (const { m, id } of p.lists[i]!) {
      if (p.seen[id] === epoch) continue;
      p.seen[id] = epoch;
      if (
        m.needs.every((n) => have.has(n)) &&
        !m.ifNo?.some((no) => have.has(no)) &&
        (m.wants.length === 0 || m.wants.filter((w) => have.has(w)).length >= m.minWant) &&
        termCount >= m.minWords
      )
        out.push(m);
    }
  }
  return out;
}

/** compromise's bulkMatch (sweep) with the per-sentence pattern lookup; see the module comment. */
const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document);
  const results: Array<NetMatch & { pointer: number[] }> = [];
  for (let n = 0; n < document.length; n++) {
    const have = docCache[n]!;
    let maybe = candidates(have, net, document[n]!.length);
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
