/**
 * compromise's parse as the rules need it (issue #9, long inputs): the same tags as nlp(text),
 * for less work. Three steps of compromise's own pipeline are changed, for this call only (the
 * world's hook list, sweep method and post-tagger are swapped and restored, so anything else
 * calling nlp() still gets compromise as shipped):
 *  - the chunker (the last hook) is left out: it only sets `term.chunk` (noun/verb phrases),
 *    never a tag, and the rules read tags only;
 *  - the match sweep of the post-tagger finds the patterns worth trying for each sentence by
 *    looking up the sentence's words and tags in the pattern index, instead of testing every
 *    one of the index's ~730 keys against the sentence (compromise's getHooks). The patterns
 *    tried, and their order, are the same, so the tags are too. On the short sentences of a
 *    reply that scan was about a fifth of the parse;
 *  - the post-tagger matches and tags without building a View per match (leanPostTagger).
 * tests/unit/engine/parse.test.ts checks the tags against nlp(text) on the corpus, so a
 * compromise upgrade that changes its internals fails there, not silently in the findings.
 * The sweep below follows compromise 14's src/1-one/sweep/methods/sweep (MIT, Spencer Kelly).
 */
import nlp from 'compromise';

/** compromise's document type. */
export type Doc = ReturnType<typeof nlp>;

/** A compiled match pattern of compromise's sweep (only the fields the sweep reads). */
export interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  ifNo?: string[];
  minWant: number;
  minWords: number;
  unTag?: unknown;
}

/** compromise's pattern index: patterns by the word or #Tag they need or want. */
export interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

type Term = { normal: string; tags: Set<string>; index: [number, number] };
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
  methods: SweepMethods & {
    one: { bulkTagger(found: unknown[], document: Term[][], world: World): unknown };
    two: { quickSplit(document: Term[][]): Term[][] };
  };
  compute: Record<string, (view: View) => unknown>;
}

/** The parts of a compromise View the post-tagger touches. */
interface View {
  world: World;
  docs: Term[][];
  methods: SweepMethods;
  update(pointers: number[][]): View;
  uncache(): void;
  unfreeze(): void;
}

const world = nlp.world() as unknown as World;

/**
 * A pattern index prepared for lookups. getHooks visits the keys in Object.keys(hooks) order,
 * takes each key's patterns in list order, keeps the first pattern of each match string, and
 * trimDown then keeps those whose needs are all present (and so on). So a pattern's place is
 * its first present key and its position there, and a pattern with needs can only pass when
 * its needs are present: it is enough to look at it under ONE of them (its anchor, the one
 * likely rarest in a sentence; see rarity). A pattern with only wants is
 * anchored under each want. The passing patterns are then put in getHooks's order.
 */
interface Prepared {
  index: Map<string, number>;
  keys: string[];
  /** Per key: the patterns anchored there. */
  anchored: Pattern[][];
  seen: Int32Array;
  epoch: number;
}

/** A pattern with its number and its keys (ascending) with its position in each key's list. */
interface Pattern {
  m: NetMatch;
  id: number;
  places: Array<[key: number, position: number]>;
}

const prepared = new WeakMap<Net, Prepared | null>();

/** More than any key's list length, so key * ORDER_SPAN + position sorts by key, then position. */
const ORDER_SPAN = 1 << 20;

/** Prepares a pattern index; null when two patterns share a match string (then scan as compromise does). */
function prepare(net: Net): Prepared | null {
  let p = prepared.get(net);
  if (p === undefined) {
    p = build(net);
    prepared.set(net, p);
  }
  return p;
}

function build(net: Net): Prepared | null {
  const keys = Object.keys(net.hooks);
  const index = new Map(keys.map((k, i) => [k, i]));
  const byMatch = new Map<string, Pattern>();
  const byObject = new Map<NetMatch, Pattern>();
  keys.forEach((k, i) => {
    net.hooks[k]!.forEach((m, position) => {
      let pattern = byObject.get(m);
      if (!pattern) {
        const key = String(m.match);
        if (byMatch.has(key)) return;
        pattern = { m, id: byObject.size, places: [] };
        byObject.set(m, pattern);
        byMatch.set(key, pattern);
      }
      pattern.places.push([i, position]);
    });
  });
  // A second object with a match string already seen: compromise's dedupe by string matters.
  for (const list of Object.values(net.hooks)) for (const m of list) if (!byObject.has(m)) return null;
  const anchored: Pattern[][] = keys.map(() => []);
  for (const pattern of byObject.values()) {
    const { needs, wants } = pattern.m;
    const anchor = needs.reduce<string | undefined>(
      (a, n) => (a === undefined || rarity(n) > rarity(a) ? n : a),
      undefined,
    );
    const under = anchor !== undefined ? [anchor] : wants;
    for (const k of under) {
      const i = index.get(k);
      // Never happens (buildNet lists every pattern under its needs and wants): scan instead.
      if (i === undefined) return null;
      anchored[i]!.push(pattern);
    }
  }
  return { index, keys, anchored, seen: new Int32Array(byObject.size), epoch: 0 };
}

/**
 * How rare a need is likely to be in a sentence, to pick the anchor that is checked least often:
 * a word or a noun/verb switch beats any tag, and a deeper tag ("#Gerund", under Verb and
 * PresentTense) beats a broad one ("#Noun"). Only speed depends on it, never the result.
 */
function rarity(need: string): number {
  if (!need.startsWith('#')) return 100;
  const tagSet = (nlp.model() as unknown as { one: { tagSet: Record<string, { parents?: string[] }> } }).one.tagSet;
  return tagSet[need.slice(1)]?.parents?.length ?? 0;
}

/** compromise's trimDown and tooSmall for one pattern: needs met, no ifNo, enough wants and words. */
function passes(m: NetMatch, have: Set<string>, termCount: number): boolean {
  // Plain loops (no closures): this runs for every anchored pattern of every sentence parsed.
  if (termCount < m.minWords) return false;
  const { needs, ifNo, wants } = m;
  for (let i = 0; i < needs.length; i++) if (!have.has(needs[i]!)) return false;
  if (ifNo) for (let i = 0; i < ifNo.length; i++) if (have.has(ifNo[i]!)) return false;
  if (wants.length === 0) return true;
  let met = 0;
  for (let i = 0; i < wants.length; i++) if (have.has(wants[i]!)) met++;
  return met >= m.minWant;
}

/**
 * compromise's getHooks + trimDown + tooSmall for one sentence, as compromise does them: every
 * key of the index tested against the sentence (the fallback; see prepare).
 */
function candidatesByScan(have: Set<string>, net: Net, termCount: number): NetMatch[] {
  const seen = new Set<string>();
  const out: NetMatch[] = [];
  for (const k of Object.keys(net.hooks)) {
    if (!have.has(k)) continue;
    for (const m of net.hooks[k]!) {
      const key = String(m.match);
      if (seen.has(key)) continue;
      seen.add(key);
      if (passes(m, have, termCount)) out.push(m);
    }
  }
  return out;
}

/** The patterns compromise would try on one sentence, in its order; see Prepared (exported for tests). */
export function candidates(have: Set<string>, net: Net, termCount: number): NetMatch[] {
  const p = prepare(net);
  if (!p) return candidatesByScan(have, net, termCount);
  if (p.epoch >= 0x3fffffff) {
    p.seen.fill(0);
    p.epoch = 0;
  }
  const epoch = ++p.epoch;
  const found: Array<{ m: NetMatch; order: number }> = [];
  for (const k of have) {
    const i = p.index.get(k);
    if (i === undefined) continue;
    const list = p.anchored[i]!;
    for (let j = 0; j < list.length; j++) {
      const pattern = list[j]!;
      if (p.seen[pattern.id] === epoch) continue;
      p.seen[pattern.id] = epoch;
      if (!passes(pattern.m, have, termCount)) continue;
      // Its place in getHooks's order: the first of its keys the sentence has (key, then position).
      let place = pattern.places[0]!;
      for (const candidate of pattern.places) {
        if (have.has(p.keys[candidate[0]]!)) {
          place = candidate;
          break;
        }
      }
      found.push({ m: pattern.m, order: place[0] * ORDER_SPAN + place[1] });
    }
  }
  found.sort((a, b) => a.order - b.order);
  return found.map((f) => f.m);
}

/** compromise's post-tagger pattern index, as its post-tagger built it (seen on the first sweep). */
let postNet: Net | undefined;
/** True while compromise's own post-tagger runs (its sweep is the one whose index is kept). */
let inShippedPostTagger = false;

/** compromise's bulkMatch (sweep) with the per-sentence pattern lookup; see the module comment. */
const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  if (inShippedPostTagger) postNet ??= net;
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

const shippedPostTagger = world.compute.postTagger!;

/**
 * compromise's post-tagger (2-two/postTagger/compute) with its sweep cut to what tags: the
 * matches and their tagging. View.sweep then also builds a View for every match and one for
 * all of them, which the post-tagger throws away. Until the pattern index has been seen (the
 * first parse), compromise's own post-tagger runs.
 */
function leanPostTagger(view: View): View {
  if (!postNet) {
    inShippedPostTagger = true;
    try {
      return shippedPostTagger(view) as View;
    } finally {
      inShippedPostTagger = false;
    }
  }
  const { methods } = view.world;
  // Comma-separated parts, as compromise's post-tagger matches them.
  const parts = methods.two.quickSplit(view.docs);
  const m = view.update(
    parts.map((terms) => [terms[0]!.index[0], terms[0]!.index[1], terms[0]!.index[1] + terms.length]),
  );
  methods.one.bulkTagger(methods.one.bulkMatch(m.docs, postNet, m.methods, {}), m.docs, view.world);
  view.uncache();
  view.unfreeze();
  return view;
}

let parseCount = 0;

/** How many sentences parseTags has parsed since the module loaded (for the bench's figures). */
export function parsesSoFar(): number {
  return parseCount;
}

/** Parses a sentence for its tags: nlp(text) without the chunker, with the faster sweep. */
export function parseTags(text: string): Doc {
  parseCount++;
  const hooks = world.hooks;
  const bulkMatch = world.methods.one.bulkMatch;
  world.hooks = hooks.filter((h) => h !== 'chunks');
  world.methods.one.bulkMatch = fastBulkMatch;
  world.compute.postTagger = leanPostTagger;
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
    world.methods.one.bulkMatch = bulkMatch;
    world.compute.postTagger = shippedPostTagger;
  }
}
