/**
 * Feature extraction for the learned second opinion (issue #9): pure functions over the text.
 * The WHOLE reply is one example (scoring sentence by sentence lost every time in the earlier
 * experiments, because risk often lives in how sentences combine: "Welcome back!" + "Hope the
 * knee is better"). Features, hashed into one space of 2^BITS buckets:
 *  - word 1-2-grams and character 3-5-grams of a canonical form of the text: lower-case, accents
 *    and look-alikes folded, chat slang expanded (rules/engine/normalize), every run of
 *    punctuation or space read as one space and every digit as 0. The n-grams therefore do not
 *    change when a writer drops punctuation or capitals (issue #9, robustness item 5);
 *  - engineered cues (who is addressed, care vocabulary by kind from rules/data, whose care it
 *    is, visit verbs, time anchors, names, dates, numbers, phone/email/handle/record shapes,
 *    generic-education and privacy cues) and every pairwise conjunction of the cues present,
 *    which lets a linear model learn "your + procedure" apart from "procedure" alone.
 * No DOM, no network: the same code runs in the content script, the CLI and the tests.
 */
import { APPROVED_WORDING } from '../data/approved-wording';
import { normalize } from '../engine/normalize';
import { clinicalWords } from '../engine/terms';
import {
  CHART,
  CONTACT,
  canonWord,
  careTerms,
  DEFENSIVE,
  DEMONSTRATIVE,
  FEELING,
  FIRST_PLURAL,
  foldedSpanishCare,
  foldSpanish,
  GENERIC,
  GOSSIP,
  HANDLE_WORDS,
  hasTag,
  IMPERATIVE,
  isFirstName,
  KIN,
  MAIL_DOMAINS,
  MONTHS,
  NOT_IMPERATIVE,
  NOT_NAME,
  NUMBER_WORDS,
  PAST_IRREGULAR,
  POSSESSIVE_2,
  POSSESSIVE_3,
  PRIVACY,
  RECORD_WORDS,
  SECOND,
  SECOND_ES,
  SENTENCE_START,
  SPANISH_MARKERS,
  STAFF,
  TESTIMONIAL,
  TIME_ANCHOR,
  VISIT_VERBS,
} from './vocabulary';

/** log2 of the hashed feature space. */
export const BITS = 19;
/** Size of the hashed feature space. */
export const DIM = 1 << BITS;
const MASK = DIM - 1;

/** A sparse feature vector: sorted unique bucket indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** A word of the canonical text, with its span in the normalized text (for marks). */
export interface ModelToken {
  /** Canonical form: lower-case letters and digits (digits as 0), no apostrophes. */
  word: string;
  /** [start, end) in the normalized text. */
  start: number;
  end: number;
}

/** Extraction output: the vector plus what the explainer needs. */
export interface Extracted {
  vector: SparseVector;
  tokens: ModelToken[];
  /** Names of the cues present (for the model card and debugging). */
  cues: string[];
}

/**
 * Group weights. Each n-gram group is divided by its size to the power `pow` (0.5 would make it
 * unit length; less keeps a risky clause buried in a long reply from being diluted away).
 */
export const GROUP_SCALE = { words: 1.5, chars: 3, folded: 1, cues: 0.4, pairs: 0.2, pow: 0.5 } as const;

// ---------------------------------------------------------------------------------------------
// Hashing: FNV-1a over UTF-16 units with a murmur3 finalizer (deterministic, no allocation).

function fmix(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string, continuing from `h`. */
export function fnv(s: string, h0 = 0x811c9dc5): number {
  let h = h0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The bucket of a named feature ("w:crown", "c:you&kind:procedure"). */
export function bucket(name: string): number {
  return fmix(fnv(name)) & MASK;
}

// ---------------------------------------------------------------------------------------------
// Tokenizing and cues.

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+){0,3}/gu;

/** A letter typed three or more times for emphasis ("graciaaas", "sooo"): one is enough. */
const STRETCHED = /(\p{L})\1{2,}/gu;

/**
 * Spanish texting shorthand as bilingual front-desk staff type it ("gracias x venir", "t vemos el
 * prox martes"), expanded so "t" counts as "te" and "x venir" reads like "por venir". Only in a reply
 * that reads as Spanish: "x", "t" and "d" mean other things in English.
 */
const ES_SHORTHAND: Readonly<Record<string, string>> = {
  x: 'por',
  xq: 'porque',
  pq: 'porque',
  porq: 'porque',
  q: 'que',
  k: 'que',
  ke: 'que',
  d: 'de',
  t: 'te',
  tb: 'tambien',
  tmb: 'tambien',
  pa: 'para',
  xfa: 'porfa',
  grax: 'gracias',
  grasias: 'gracias',
  muxo: 'mucho',
  bn: 'bien',
  prox: 'proxima',
  cdo: 'cuando',
  dnd: 'donde',
  tqm: 'quiero',
};
/** Words only Spanish (or its texting) uses, besides SPANISH_MARKERS: two of either make a reply Spanish. */
const ES_ONLY = new Set(['q', 'xq', 'pq', 'porq', 'ke', 'tmb', 'muxo', 'grax', 'jaja', 'jajaja', 'ntp', 'ya', 'y']);
const EN_FUNCTION = new Set(['the', 'and', 'you', 'your', 'to', 'we', 'for', 'is', 'of', 'our', 'it', 'in', 'with']);

/** Whether a list of canonical words reads as Spanish (see ES_SHORTHAND). */
function readsSpanish(words: readonly string[]): boolean {
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (SPANISH_MARKERS.has(w) || ES_ONLY.has(w)) es++;
    else if (EN_FUNCTION.has(w)) en++;
  }
  return es >= 2 && es > en;
}

/** Canonical tokens of a normalized text (see ModelToken); Spanish texting shorthand expanded. */
export function tokensOf(normText: string): ModelToken[] {
  const out: ModelToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(normText); m; m = TOKEN.exec(normText)) {
    const word = canonWord(m[0]).replace(STRETCHED, '$1');
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  if (readsSpanish(out.map((t) => t.word))) for (const t of out) t.word = ES_SHORTHAND[t.word] ?? t.word;
  return out;
}

/** The cues present in a reply (normalized text + its tokens + the original text). */
export function cuesOf(
  norm: string,
  toks: ModelToken[],
  staffWords?: ReadonlySet<string>,
  es = readsSpanish(toks.map((t) => t.word)),
): string[] {
  const cues = new Set<string>();
  const words = toks.map((t) => t.word);
  const clinical = clinicalWords();
  const care = careTerms();
  let spanish = 0;
  let second = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1] ?? '';
    if (SECOND.has(w)) second++;
    if (SECOND_ES.has(w) && !['la', 'le', 'lo'].includes(w)) cues.add('you-es');
    if (SPANISH_MARKERS.has(w)) spanish++;
    if (FIRST_PLURAL.has(w)) cues.add('we');
    if (TIME_ANCHOR.has(w)) cues.add('time');
    if (MONTHS.has(w) && /^0{1,2}$/.test(words[i + 1] ?? '')) cues.add('date');
    if (NUMBER_WORDS.has(w)) cues.add('count-word');
    if (FEELING.has(w)) cues.add('feeling');
    if (GENERIC.has(w)) cues.add('generic');
    if (PRIVACY.has(w)) cues.add('privacy');
    if (CONTACT.has(w)) cues.add('contact');
    if (STAFF.has(w) && (prev === 'our' || words[i - 2] === 'our')) cues.add('our-staff');
    if (VISIT_VERBS.has(w)) cues.add('visit-verb');
    if (DEFENSIVE.has(w)) cues.add('defensive');
    if (GOSSIP.has(w)) cues.add('gossip-noun');
    if (TESTIMONIAL.has(w)) cues.add('testimonial');
    if (MAIL_DOMAINS.has(w) || (w.length > 8 && [...MAIL_DOMAINS].some((d) => w.includes(d)))) cues.add('email');
    if (HANDLE_WORDS.has(w)) cues.add('handle');
    if (RECORD_WORDS.has(w) && /\d/.test(words[i + 1] ?? words[i + 2] ?? '')) cues.add('record');
    if (KIN.has(w) && POSSESSIVE_2.has(prev)) cues.add('your-kin');
    if (PAST_IRREGULAR.has(w) || (w.length > 4 && w.endsWith('ed')) || hasTag(w, 'PastTense')) cues.add('past');
    if (/^0+$/.test(w)) {
      cues.add('number');
      if (w.length >= 5) cues.add('long-number');
    }
    // Names: a first name that is not staff (profile) and not a common word.
    if (isFirstName(w) && !NOT_NAME.has(w) && !(staffWords?.has(w) ?? false)) {
      const before = prev;
      cues.add(before === 'dr' || before === 'doctor' ? 'dr-name' : 'name');
    } else if (staffWords?.has(w)) {
      // A name the reply frames as staff: staff news ("Happy birthday to our MA Rosa, engaged this
      // weekend!") reads like gossip about a person unless the model knows whose name it is.
      cues.add('staff-name');
    } else if (w.endsWith('s') && isFirstName(w.slice(0, -1)) && !NOT_NAME.has(w.slice(0, -1))) {
      cues.add('name-possessive');
    }
    if (hasTag(w, 'LastName') && (isFirstName(prev) || ['mr', 'mrs', 'ms', 'miss'].includes(prev)))
      cues.add('full-name');
    // Care vocabulary by kind, and whose it is (up to three words back).
    const entries =
      care.get(w) ??
      care.get(w.endsWith('s') ? w.slice(0, -1) : w) ??
      (es ? foldedSpanishCare().get(foldSpanish(w)) : undefined);
    let kind: string | undefined;
    let len = 1;
    if (entries) {
      for (const e of entries) {
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) ok = words[i + k] === e.words[k];
        if (ok) {
          kind = e.kind;
          len = e.words.length;
          break;
        }
      }
    }
    if (!kind && w.length >= 5 && clinical.has(w)) kind = 'clinical';
    if (kind) {
      cues.add(`kind:${kind}`);
      let whose = 'none';
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        const b = words[k]!;
        if (POSSESSIVE_2.has(b)) {
          whose = 'your';
          break;
        }
        if (POSSESSIVE_3.has(b)) {
          whose = 'their';
          break;
        }
        if (KIN.has(b) && k > 0 && POSSESSIVE_2.has(words[k - 1]!)) {
          whose = 'your-kin';
          break;
        }
        if (b.endsWith('s') && isFirstName(b.slice(0, -1))) {
          whose = 'name';
          break;
        }
        if (DEMONSTRATIVE.has(b)) whose = 'the';
      }
      cues.add(`whose:${whose}`);
      cues.add(`whose:${whose}:${kind}`);
      i += len - 1;
    }
  }
  if ((words.includes('before') && words.includes('after')) || (words.includes('antes') && words.includes('despues')))
    cues.add('before-after');
  let chart = 0;
  for (const w of words) if (CHART.has(w)) chart++;
  if (chart >= 2) cues.add('chart');
  // An instruction opens a sentence with a bare verb ("Pack your ...", "Brush twice a day"): advice
  // for everyone, whatever "your" follows.
  SENTENCE_START.lastIndex = 0;
  for (let m = SENTENCE_START.exec(norm); m; m = SENTENCE_START.exec(norm)) {
    const first = m[1]!.toLowerCase();
    if ((IMPERATIVE.has(first) || hasTag(first, 'Infinitive')) && !NOT_IMPERATIVE.has(first)) {
      cues.add('imperative');
      break;
    }
  }
  if (second > 0) cues.add('you');
  if (second > 2) cues.add('you-many');
  if (spanish >= 3) cues.add('spanish');
  // Shapes on the normalized text (they survive punctuation loss through the token cues above).
  if (/[\w.+-]@[\w-]+\.\w{2,}/.test(norm)) cues.add('email');
  if (/(?:^|\s)@[\w.]{3,}/.test(norm)) cues.add('handle');
  if (/\b\d{3}[\s.-]?\d{4}\b/.test(norm) || /\b\d{7}\b|\b\d{10}\b/.test(norm)) cues.add('phone');
  if (/#\s?\d{3,}|\b[a-z]{1,3}-?\d{5,}\b/i.test(norm)) cues.add('record');
  if (/\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b/.test(norm)) cues.add('date');
  if (/\bhttps?:|www\.|\.com\b/i.test(norm)) cues.add('url');
  if (/\b(?:mr|mrs|ms|miss)\.?\s+\p{Lu}/u.test(norm)) cues.add('honorific');
  // Lengths: where the risky clause may be buried.
  const n = norm.length;
  cues.add(n < 60 ? 'len:short' : n < 150 ? 'len:mid' : n < 400 ? 'len:long' : 'len:very-long');
  return [...cues].sort();
}

// ---------------------------------------------------------------------------------------------
// The vector.

/** A growable list of buckets (typed, so sorting and de-duplicating allocate little). */
class Buckets {
  a = new Int32Array(64);
  n = 0;
  push(b: number): void {
    if (this.n === this.a.length) {
      const g = new Int32Array(this.a.length * 2);
      g.set(this.a);
      this.a = g;
    }
    this.a[this.n++] = b;
  }
  /** Sorted unique buckets. */
  unique(): Int32Array {
    const s = this.a.subarray(0, this.n).sort();
    let k = 0;
    for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[k++] = s[i]!;
    return s.subarray(0, k);
  }
}

/** Adds the char 3-5-grams of `canon` (space-padded canonical words) to `out`. */
function charGrams(canon: string, out: Buckets): void {
  for (let i = 0; i + 3 <= canon.length; i++) {
    let h = 0x9dc5811c;
    for (let k = 0; k < 5 && i + k < canon.length; k++) {
      h ^= canon.charCodeAt(i + k);
      h = Math.imul(h, 0x01000193);
      if (k >= 2) out.push(fmix(h) & MASK);
    }
  }
}

/** Word unigram and bigram buckets of the canonical words. */
function wordGrams(words: string[], out: Buckets): void {
  for (let i = 0; i < words.length; i++) {
    const h = fnv(words[i]!, 0x3a8f05c5);
    out.push(fmix(h) & MASK);
    if (i + 1 < words.length) out.push(fmix(fnv(words[i + 1]!, Math.imul(h ^ 0x20, 0x01000193))) & MASK);
  }
}

/** Merges groups of sorted unique buckets with a weight each into one sparse vector (collisions add up). */
function toSparse(parts: Array<[Int32Array, number]>): SparseVector {
  let total = 0;
  for (const [b] of parts) total += b.length;
  const all = new Float64Array(total);
  // Pack bucket and group into one sortable number: bucket * 8 + group (buckets < 2^18).
  let k = 0;
  parts.forEach(([b], g) => {
    for (let i = 0; i < b.length; i++) all[k++] = b[i]! * 8 + g;
  });
  all.sort();
  const idx = new Int32Array(total);
  const val = new Float32Array(total);
  let n = 0;
  for (let i = 0; i < total; i++) {
    const bucket = Math.floor(all[i]! / 8);
    const w = parts[all[i]! - bucket * 8]![1];
    if (n > 0 && idx[n - 1] === bucket) val[n - 1]! += w;
    else {
      idx[n] = bucket;
      val[n] = w;
      n++;
    }
  }
  return { idx: idx.slice(0, n), val: val.slice(0, n) };
}

/**
 * Words in a row a reply must share with the approved wording before the model stops reading them.
 * Chosen by cross-validation on 72,167 untuned cases (3, 4 and 6 tried; 6 kept the overall figures
 * and lifted replies built on the templates most: combined 83.4 -> 86.9% at the same false alarms).
 */
export const APPROVED_RUN = 6;

/** The runs of APPROVED_RUN words that approved wording is made of, and the words they start with. */
export interface ApprovedRuns {
  runs: ReadonlySet<string>;
  /** First words of the runs: most positions of a reply start none, and are skipped without a join. */
  starts: ReadonlySet<string>;
}
let builtInRuns: ApprovedRuns | undefined;
const runsWith = new WeakMap<readonly string[], ApprovedRuns>();

function withRuns(texts: readonly string[], from?: ApprovedRuns): ApprovedRuns {
  const runs = new Set(from?.runs);
  const starts = new Set(from?.starts);
  for (const text of texts) {
    const w = tokensOf(normalize(String(text ?? '')).text).map((t) => t.word);
    for (let i = 0; i + APPROVED_RUN <= w.length; i++) {
      runs.add(w.slice(i, i + APPROVED_RUN).join(' '));
      starts.add(w[i]!);
    }
  }
  return { runs, starts };
}

/**
 * The approved wording's runs: the seed's templates (rules/data/approved-wording), plus a
 * practice's own library when given. Built once per library array (callers keep it stable).
 */
export function approvedRuns(library?: readonly string[]): ApprovedRuns {
  builtInRuns ??= withRuns(APPROVED_WORDING);
  if (!library?.length) return builtInRuns;
  let runs = runsWith.get(library);
  if (!runs) {
    runs = withRuns(library, builtInRuns);
    runsWith.set(library, runs);
  }
  return runs;
}

/**
 * Which words belong to runs of APPROVED_RUN or more words shared with approved wording. The model
 * reads what staff added to a template, not the template: otherwise the safest sentences there are
 * outweigh the one risky clause added to them.
 */
export function approvedCoverage(words: readonly string[], approved: ApprovedRuns = approvedRuns()): boolean[] {
  const covered = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + APPROVED_RUN <= words.length; i++) {
    if (!approved.starts.has(words[i]!) || !approved.runs.has(words.slice(i, i + APPROVED_RUN).join(' '))) continue;
    for (let k = i; k < i + APPROVED_RUN; k++) covered[k] = true;
  }
  return covered;
}

/** Extracts features from already-normalized text (the analyzer normalizes once). */
export function extractNormalized(
  normText: string,
  staffWords?: ReadonlySet<string>,
  /** Words the model must not see: the names of the practice's own people (they are never identifiers). */
  dropWords?: ReadonlySet<string>,
  /** Approved wording the model reads past (approvedRuns). */
  approved: ApprovedRuns = approvedRuns(),
): Extracted {
  const all = tokensOf(normText);
  const kept = dropWords?.size ? all.filter((t) => !dropWords.has(t.word)) : all;
  const covered = approvedCoverage(
    kept.map((t) => t.word),
    approved,
  );
  const tokens = covered.includes(true) ? kept.filter((_, i) => !covered[i]) : kept;
  const words = tokens.map((t) => t.word);
  const wb = new Buckets();
  wordGrams(words, wb);
  const wordSet = wb.unique();
  const cb = new Buckets();
  charGrams(` ${words.join(' ')} `, cb);
  const charSet = cb.unique();
  // Spanish replies also get their words in folded spelling (foldSpanish); read once, used twice.
  const es = readsSpanish(words);
  const fb = new Buckets();
  if (es) for (const w of words) fb.push(fmix(fnv(foldSpanish(w), 0x5bd1e995)) & MASK);
  const foldSet = fb.unique();
  const cues = cuesOf(normText, tokens, staffWords, es);
  // Whether the reply was built on approved wording, and whether anything is left besides it.
  if (tokens.length < kept.length) {
    cues.push(tokens.length < 3 ? 'approved-only' : 'approved');
    cues.sort();
  }
  const qb = new Buckets();
  for (const c of cues) qb.push(bucket(`c:${c}`));
  const pb = new Buckets();
  for (let i = 0; i < cues.length; i++)
    for (let j = i + 1; j < cues.length; j++) pb.push(bucket(`p:${cues[i]}&${cues[j]}`));
  // Cue buckets may collide with each other: count them as often as they occur (as before).
  const count = (b: Buckets) => b.a.subarray(0, b.n).slice().sort();
  const vector = toSparse([
    [wordSet, GROUP_SCALE.words / Math.max(1, wordSet.length) ** GROUP_SCALE.pow],
    [charSet, GROUP_SCALE.chars / Math.max(1, charSet.length) ** GROUP_SCALE.pow],
    [foldSet, GROUP_SCALE.folded / Math.max(1, foldSet.length) ** GROUP_SCALE.pow],
    [count(qb), GROUP_SCALE.cues],
    [count(pb), GROUP_SCALE.pairs],
  ]);
  return { vector, tokens, cues };
}

/** Extracts features from a raw reply. */
export function extract(text: string, staffWords?: ReadonlySet<string>): Extracted {
  return extractNormalized(normalize(text).text, staffWords);
}

/** The robustness probe of issue #9: punctuation stripped and lower-cased. */
export function stripPunctuation(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/[ \t]+/g, ' ')
    .toLowerCase();
}

/** Buckets the explainer attributes to each token: its unigram and the char grams inside it. */
export function tokenBuckets(word: string): number[] {
  const b = new Buckets();
  b.push(fmix(fnv(word, 0x3a8f05c5)) & MASK);
  charGrams(` ${word} `, b);
  return [...b.unique()];
}
