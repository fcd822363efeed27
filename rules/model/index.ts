/**
 * The learned second opinion at run time (issue #9): decodes the generated int8 weights once,
 * scores a whole reply, picks a category with the small per-category head, and explains a score
 * (the sentence that scores highest and the words that pushed it). Pure: no DOM, no fetch, no WASM.
 */
import { segment } from '../engine/segment';
import { CATEGORIES, type Category, type Strictness } from '../types';
import { type Extracted, extractNormalized, type SparseVector, tokenBuckets } from './features';
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
}
let loaded: Loaded | undefined;

function decode(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

/** Decodes the weights (once; about 10 ms for 256 KB). */
export function loadModel(): Loaded {
  loaded ??= { w: decode(MODEL.weights), head: decode(MODEL.head) };
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
): { score: number; ex: Extracted } {
  const ex = extractNormalized(normText, staffWords, dropWords);
  return { score: scoreVector(ex.vector), ex };
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
 * Explains a flagged reply. Sentences are scored with the same model (cheap: only done when the
 * model adds a finding); ties go to the earlier sentence so the span is stable while typing.
 */
export function explain(
  normText: string,
  staffWords?: ReadonlySet<string>,
  dropWords?: ReadonlySet<string>,
): Explanation {
  const spans = segment(normText);
  let best = spans[0] ?? { start: 0, end: normText.length };
  let bestScore = Number.NEGATIVE_INFINITY;
  if (spans.length > 1) {
    for (const s of spans) {
      const { score } = scoreNormalized(normText.slice(s.start, s.end), staffWords, dropWords);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
  }
  const { w } = loadModel();
  const sentence = normText.slice(best.start, best.end);
  const { ex } = scoreNormalized(sentence, staffWords, dropWords);
  const pushes = ex.tokens.map((t) => {
    let s = 0;
    for (const b of tokenBuckets(t.word)) s += w[b]!;
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
