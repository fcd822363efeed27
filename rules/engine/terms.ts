/**
 * Care-term matching on word tokens: curated phrases (rules/data/care-terms.ts), the user's
 * extra terms, and the generated long tail of clinical words. Token matching instead of one
 * giant regular expression keeps it linear and free of backtracking.
 */
import { CARE_TERMS, type TermKind } from '../data/care-terms';
import { MEDICAL_TERMS } from '../data/medical-terms.generated';

/** A word of a sentence: [start, end) in the sentence and its lower-case text. */
export interface Token {
  start: number;
  end: number;
  word: string;
}

/** A care term found in a sentence. */
export interface TermHit {
  start: number;
  end: number;
  term: string;
  kind: TermKind | 'clinical' | 'extra';
  /** Index of the first and last token of the hit. */
  first: number;
  last: number;
}

/** Word tokens: letters/digits with inner apostrophes ("crohn's"); hyphens split words. */
export const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+){0,3}/gu;

/** Tokenizes a sentence (lower-cased words, "'s" kept for possessive checks). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase() });
  }
  return out;
}

interface Entry {
  words: string[];
  term: string;
  kind: TermHit['kind'];
}

let index: Map<string, Entry[]> | undefined;
let longTail: Set<string> | undefined;

const splitWords = (term: string) =>
  term
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);

function addEntry(map: Map<string, Entry[]>, term: string, kind: TermHit['kind']): void {
  const words = splitWords(term);
  if (words.length === 0) return;
  const list = map.get(words[0]!) ?? [];
  list.push({ words, term, kind });
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(words[0]!, list);
}

function curatedIndex(): Map<string, Entry[]> {
  if (!index) {
    index = new Map();
    for (const [term, kind] of CARE_TERMS) addEntry(index, term, kind);
  }
  return index;
}

/** The generated clinical word list as a Set, built on first use (keeps start-up small). */
export function clinicalWords(): Set<string> {
  longTail ??= new Set(MEDICAL_TERMS.split('\n'));
  return longTail;
}

const stripPossessive = (w: string) => (w.endsWith("'s") ? w.slice(0, -2) : w);

/** Singular candidates of a word ("crowns" → "crown", "cavities" → "cavity"). */
function forms(w: string): string[] {
  const base = stripPossessive(w);
  // Keep the possessive form too: eponyms are listed with it ("crohn's", "alzheimer's").
  const out = base === w ? [base] : [base, w];
  if (base.length > 3 && base.endsWith('ies')) out.push(`${base.slice(0, -3)}y`);
  if (base.length > 3 && base.endsWith('es')) out.push(base.slice(0, -2));
  if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss')) out.push(base.slice(0, -1));
  return out;
}

function matchAt(tokens: Token[], i: number, map: Map<string, Entry[]>): Entry | undefined {
  for (const first of forms(tokens[i]!.word)) {
    const list = map.get(first);
    if (!list) continue;
    for (const e of list) {
      if (i + e.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) {
        const t = tokens[i + k]!.word;
        ok = k === e.words.length - 1 ? forms(t).includes(e.words[k]!) : t === e.words[k];
        // Words of a phrase must be adjacent (at most a space or hyphen between them).
        if (ok && tokens[i + k]!.start - tokens[i + k - 1]!.end > 2) ok = false;
      }
      if (ok) return e;
    }
  }
  return undefined;
}

const extraCache = new Map<string, Map<string, Entry[]>>();

function extraIndex(extra: readonly string[]): Map<string, Entry[]> | undefined {
  if (extra.length === 0) return undefined;
  const key = extra.join('\u0001');
  let map = extraCache.get(key);
  if (!map) {
    map = new Map();
    for (const t of extra) addEntry(map, t, 'extra');
    if (extraCache.size > 20) extraCache.clear();
    extraCache.set(key, map);
  }
  return map;
}

/**
 * Care words that a neighbouring word makes something else: "the coffee delivery", "your delivery
 * driver" are a courier's, not a birth; "the back door" is a place; "your statement that..." was said.
 */
const COURIER_BEFORE = new Set(
  'coffee food lunch pizza flower package parcel mail grocery courier truck vendor linen ups fedex amazon furniture donation'.split(
    ' ',
  ),
);
const COURIER_AFTER = new Set(
  'driver drivers person guy truck trucks van vans window app company route dock entrance door'.split(' '),
);
/** "your statement that you intend to sue", "your statement regarding...": something said, not a bill. */
const SAID_AFTER = new Set('that regarding about concerning on in to here above online posted made'.split(' '));
/** "the back door", "the back lot": a place, not a body part. */
const BACK_PLACE_AFTER = new Set(
  'door doors room office lot entrance exit hallway hall row rows seat seats porch yard parking stairs gate desk corner patio deck'.split(
    ' ',
  ),
);
/** "road conditions", "icy conditions", "terms and conditions": the weather or a contract, not a diagnosis. */
const CONDITIONS_BEFORE = new Set(
  'road roads weather driving icy snowy travel winter storm hazardous unsafe working market traffic ice flood'.split(
    ' ',
  ),
);
/** "hours of operation", "Director of Operations", "operations manager": running a business, not surgery. */
const OPERATIONS_OF = new Set('hours hour days director head vp manager chief coordinator years'.split(' '));
const OPERATIONS_BEFORE = new Set('business daily clinic office practice'.split(' '));
const OPERATIONS_AFTER = new Set('manager managers director team staff coordinator hours department'.split(' '));
/** "the fire alarm test", "a wifi speed test": a drill or a machine's check, not a lab test. */
const TEST_BEFORE = new Set(
  'alarm drill fire generator system speed taste wifi internet sound mic network siren'.split(' '),
);
/** "the parking headache", "a billing headache": a hassle, not a symptom. */
const HASSLE_BEFORE = new Set(
  'parking traffic billing scheduling construction paperwork insurance logistical tech technical'.split(' '),
);
/** "sunscreen samples": a vendor's product, not a specimen. */
const PRODUCT_BEFORE = new Set(
  'sunscreen skincare product products serum lotion cream makeup perfume coffee food cookie snack'.split(' '),
);
/** "her therapy dog", "our therapy pups": an animal that visits, not anyone's treatment. */
const THERAPY_ANIMAL = new Set('dog dogs pup pups puppy animal animals horse horses cat'.split(' '));
function notCare(tokens: Token[], first: number, last: number): boolean {
  const word = tokens[first]!.word;
  const before = tokens[first - 1]?.word ?? '';
  if (word === 'test' && first === last) return TEST_BEFORE.has(before);
  if (/^headaches?$/.test(word) && first === last) return HASSLE_BEFORE.has(before);
  if (/^samples?$/.test(word) && first === last) return PRODUCT_BEFORE.has(before);
  // "drops off our packages", "brought tears to our eyes": a verb and an idiom.
  if (word === 'drops' && first === last) return tokens[last + 1]?.word === 'off';
  if (word === 'tears' && first === last)
    return (
      tokens[last + 1]?.word === 'to' && /^(?:our|my|his|her|their|everyone's)$/.test(tokens[last + 2]?.word ?? '')
    );
  if (word === 'therapy' && first === last) return THERAPY_ANIMAL.has(tokens[last + 1]?.word ?? '');
  // "our receptionist's reaction to the fire alarm": a colleague's face, not an allergy.
  if (word === 'reaction' && first === last)
    return /^(?:receptionist|hygienist|assistant|manager|doctor|nurse|team|staff|coworker|boss)'s$/.test(before);
  if (/^conditions?$/.test(word) && first === last)
    return CONDITIONS_BEFORE.has(before) || (before === 'and' && tokens[first - 2]?.word === 'terms');
  if (/^operations?$/.test(word) && first === last)
    return (
      OPERATIONS_BEFORE.has(before) ||
      OPERATIONS_AFTER.has(tokens[last + 1]?.word ?? '') ||
      (before === 'of' && OPERATIONS_OF.has(tokens[first - 2]?.word ?? ''))
    );
  if (/^deliver/.test(word)) return COURIER_BEFORE.has(before) || COURIER_AFTER.has(tokens[last + 1]?.word ?? '');
  if (word === 'statement' && first === last) return SAID_AFTER.has(tokens[last + 1]?.word ?? '');
  if (word === 'back' && first === last) return BACK_PLACE_AFTER.has(tokens[last + 1]?.word ?? '');
  return false;
}

/** Finds care terms among the tokens; longest match wins, no overlaps. */
export function findTerms(tokens: Token[], extraTerms: readonly string[] = []): TermHit[] {
  const curated = curatedIndex();
  const extra = extraIndex(extraTerms);
  const tail = clinicalWords();
  const hits: TermHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const e = (extra && matchAt(tokens, i, extra)) || matchAt(tokens, i, curated);
    if (e) {
      const last = i + e.words.length - 1;
      if (notCare(tokens, i, last)) {
        i = last;
        continue;
      }
      hits.push({ start: tokens[i]!.start, end: tokens[last]!.end, term: e.term, kind: e.kind, first: i, last });
      i = last;
      continue;
    }
    const w = tokens[i]!.word;
    if (w.length >= 5 && forms(w).some((f) => tail.has(f))) {
      hits.push({ start: tokens[i]!.start, end: tokens[i]!.end, term: w, kind: 'clinical', first: i, last: i });
    }
  }
  return hits;
}

/** Kinds that are health information by themselves (not just the relationship or a body part). */
export const CLINICAL_KINDS: ReadonlySet<TermHit['kind']> = new Set([
  'condition',
  'symptom',
  'procedure',
  'medication',
  'device',
  'result',
  'clinical',
  'extra',
]);
