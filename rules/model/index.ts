/**
 * The learned second opinion at run time (issue #9): decodes the generated int8 weights once,
 * scores a whole reply, picks a category with the small per-category head, and explains a score
 * (the sentence that scores highest and the words that pushed it). Pure: no DOM, no fetch, no WASM.
 */
import { segment } from '../engine/segment';
import { CATEGORIES, type Category, type Strictness } from '../types';
import { type ApprovedRuns, type Extracted, extractNormalized, type SparseVector, tokenBuckets } from './features';
import { MODEL } from './weights.generated';

/** Thresholds for one strictness, in logit units (see MODEL_CARD.md for how they were chosen). */
export interface Thresholds {
  /** Rules silent and score at or above: the model adds a 'learned' finding. */
  add: number;
  /** Rules flagged and score below: their findings become hints. null: never demote. */
  demote: number | null;
}

interface Loaded {
  w: Int8Array;
  head: Int8Array;
  /** The sentence model's weights over 2^MODEL.sentenceBits folded features. */
  ws: Int8Array;
}
let loaded: Loaded | undefined;
/** Folds a whole-reply feature index into the sentence model's smaller space. */
const SENTENCE_MASK = (1 << MODEL.sentenceBits) - 1;

function decode(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

/** Decodes the weights (once; about 10 ms for 512 KB). */
export function loadModel(): Loaded {
  loaded ??= { w: decode(MODEL.weights), head: decode(MODEL.head), ws: decode(MODEL.sentenceWeights) };
  return loaded;
}

/** The model's thresholds for a strictness. */
export function thresholdsFor(strictness: Strictness): Thresholds {
  return MODEL.thresholds[strictness];
}

/** The logit of "this reply would disclose" for a feature vector. */
export function scoreVector(x: SparseVector): number {
  const { w } = loadModel();
  let s = 0;
  for (let k = 0; k < x.idx.length; k++) s += w[x.idx[k]!]! * x.val[k]!;
  return s * MODEL.scale + MODEL.bias;
}

/** Scores a normalized reply; returns the extraction too, for explanations. */
export function scoreNormalized(
  normText: string,
  staffWords?: ReadonlySet<string>,
  dropWords?: ReadonlySet<string>,
  approved?: ApprovedRuns,
): { score: number; ex: Extracted } {
  const ex = extractNormalized(normText, staffWords, dropWords, approved);
  return { score: scoreVector(ex.vector), ex };
}

/** The sentence model's logit for one sentence's features (folded into its smaller space). */
export function scoreSentenceVector(x: SparseVector): number {
  const { ws } = loadModel();
  let s = 0;
  for (let k = 0; k < x.idx.length; k++) s += ws[x.idx[k]! & SENTENCE_MASK]! * x.val[k]!;
  return s * MODEL.sentenceScale + MODEL.sentenceBias;
}

/**
 * How much a reply's riskiest sentence (or window) adds to its whole-reply score (logit per logit).
 * The whole reply's features dilute one risky clause among polite boilerplate; a second, smaller
 * model trained on sentences and windows (where a violation differs from its safe twin, and every
 * sentence and window of safe replies) says which part carries it. Chosen by group-wise
 * cross-validation (see MODEL_CARD.md).
 */
export const SENTENCE_WEIGHT = 0.5;

/**
 * The score analyze uses: the whole reply's, plus SENTENCE_WEIGHT times the riskiest score among
 * its scoredUnits (none for a short reply of one sentence). `sentenceScore` scores a slice with the
 * sentence model (the trainer passes a cached scorer; see lib/train/fit.ts).
 */
export function replyScore(
  whole: number,
  normText: string,
  sentenceScore: (start: number, end: number) => number,
): number {
  const units = scoredUnits(normText);
  if (units.length === 0) return whole;
  let best = Number.NEGATIVE_INFINITY;
  for (const u of units) best = Math.max(best, sentenceScore(u.start, u.end));
  return whole + SENTENCE_WEIGHT * best;
}

/**
 * Windows of a long sentence. "..., and yours should arrive from the lab next week, so ..." is a
 * few risky words in a sentence of thirty: read whole, the sentence looks like the boilerplate
 * around it. Read in windows of WINDOW_WORDS words every WINDOW_STEP words, one window holds it.
 * Sizes chosen by group-wise cross-validation (MODEL_CARD.md, session 11).
 */
export const WINDOW_WORDS = 8;
export const WINDOW_STEP = 4;
/** Sentences of more than this many words are also read in windows. */
export const LONG_SENTENCE = 14;

/** A window: its offsets in the text and its words [from, to) within the sentence. */
export interface Window {
  start: number;
  end: number;
  from: number;
  to: number;
}

const WORD = /\S+/g;

/** Word spans [start, end) of text.slice(start, end), offsets in the text. */
export function wordsOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  WORD.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice))
    out.push({ start: start + m.index, end: start + m.index + m[0].length });
  return out;
}

/** Windows of WINDOW_WORDS words every WINDOW_STEP words over a long sentence (none for a short one). */
export function windowsOf(text: string, s: { start: number; end: number }): Window[] {
  const w = wordsOf(text, s.start, s.end);
  if (w.length <= LONG_SENTENCE) return [];
  const out: Window[] = [];
  for (let i = 0; ; i += WINDOW_STEP) {
    const j = Math.min(w.length, i + WINDOW_WORDS);
    out.push({ start: w[i]!.start, end: w[j - 1]!.end, from: i, to: j });
    if (j >= w.length) break;
  }
  return out;
}

/** What the sentence model reads: every sentence of a reply of several, and windows of long sentences. */
export function scoredUnits(normText: string): Array<{ start: number; end: number }> {
  const spans = segment(normText);
  const out: Array<{ start: number; end: number }> = spans.length < 2 ? [] : [...spans];
  for (const s of spans) for (const w of windowsOf(normText, s)) out.push({ start: w.start, end: w.end });
  return out;
}

/** Scores a normalized reply as analyze does (see replyScore); returns the extraction too. */
export function scoreReply(
  normText: string,
  staffWords?: ReadonlySet<string>,
  dropWords?: ReadonlySet<string>,
  approved?: ApprovedRuns,
): { score: number; ex: Extracted } {
  const r = scoreNormalized(normText, staffWords, dropWords, approved);
  const scoreSentence = sentenceScorer(staffWords, dropWords, approved);
  const score = replyScore(r.score, normText, (a, b) => scoreSentence(normText.slice(a, b)));
  return { score, ex: r.ex };
}

/**
 * Sentence scores by text (and the names the model must treat as staff or leave out): while a
 * long reply is typed, only the sentence being edited is new, so each keystroke scores one
 * sentence, not all of them. Bounded: emptied when full.
 */
const sentenceScores = new Map<string, number>();
const SENTENCE_CACHE_MAX = 512;

/** Empties the sentence-score cache (benchmarks measure cold analyses). */
export function clearSentenceScores(): void {
  sentenceScores.clear();
}

/** A number per approved-wording set, for the sentence cache's key (the sets are built once per library). */
const approvedIds = new WeakMap<ApprovedRuns, number>();
let approvedCount = 0;
function approvedId(a: ApprovedRuns | undefined): number {
  if (!a) return 0;
  let id = approvedIds.get(a);
  if (id === undefined) {
    id = ++approvedCount;
    approvedIds.set(a, id);
  }
  return id;
}

/** A cached scorer of sentences read with these names (the key prefix is built once per reply). */
function sentenceScorer(
  staffWords?: ReadonlySet<string>,
  dropWords?: ReadonlySet<string>,
  approved?: ApprovedRuns,
): (s: string) => number {
  const prefix = `${[...(staffWords ?? [])].join(' ')}\u0000${[...(dropWords ?? [])].join(' ')}\u0000${approvedId(approved)}\u0000`;
  return (sentence) => {
    const key = prefix + sentence;
    let s = sentenceScores.get(key);
    if (s === undefined) {
      s = scoreSentenceVector(extractNormalized(sentence, staffWords, dropWords, approved).vector);
      if (sentenceScores.size >= SENTENCE_CACHE_MAX) sentenceScores.clear();
      sentenceScores.set(key, s);
    }
    return s;
  };
}

/** The category the per-category head finds likeliest for a risky reply. */
export function categoryOf(x: SparseVector): Category {
  const { head } = loadModel();
  const dim = 1 << MODEL.headBits;
  let best = 0;
  let bestZ = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < CATEGORIES.length; k++) {
    let s = 0;
    for (let j = 0; j < x.idx.length; j++) s += head[k * dim + (x.idx[j]! & (dim - 1))]! * x.val[j]!;
    const z = s * MODEL.headScale + MODEL.headBias[k]!;
    if (z > bestZ) {
      bestZ = z;
      best = k;
    }
  }
  return CATEGORIES[best]!;
}

/** Why the model flagged a reply: the best sentence and the words in it that pushed the score. */
export interface Explanation {
  /** [start, end) of the highest-scoring sentence, in the normalized text. */
  start: number;
  end: number;
  /** Word spans in the normalized text, strongest first (at most five). */
  marks: Array<{ start: number; end: number }>;
}

/**
 * Explains a flagged reply. Sentences are scored with the sentence model (the cached scores
 * scoreReply already computed); ties go to the earlier sentence so the span is stable while typing.
 * The marks are the words of that sentence the sentence model weighs most.
 */
export function explain(
  normText: string,
  staffWords?: ReadonlySet<string>,
  dropWords?: ReadonlySet<string>,
  approved?: ApprovedRuns,
): Explanation {
  const spans = segment(normText);
  let best = spans[0] ?? { start: 0, end: normText.length };
  let bestScore = Number.NEGATIVE_INFINITY;
  if (spans.length > 1) {
    // The same cached sentence scores scoreReply uses: a flagged reply is explained on every keystroke.
    const scoreSentence = sentenceScorer(staffWords, dropWords, approved);
    for (const s of spans) {
      const score = scoreSentence(normText.slice(s.start, s.end));
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
  }
  const { ws } = loadModel();
  const sentence = normText.slice(best.start, best.end);
  const ex = extractNormalized(sentence, staffWords, dropWords, approved);
  const pushes = ex.tokens.map((t) => {
    let s = 0;
    for (const b of tokenBuckets(t.word)) s += ws[b & SENTENCE_MASK]!;
    return { t, s };
  });
  const top = Math.max(0, ...pushes.map((p) => p.s));
  const marks = pushes
    .filter((p) => p.s > 0 && p.s >= top * 0.4)
    .sort((a, b) => b.s - a.s || a.t.start - b.t.start)
    .slice(0, 5)
    .map((p) => ({ start: best.start + p.t.start, end: best.start + p.t.end }));
  return { start: best.start, end: best.end, marks };
}
