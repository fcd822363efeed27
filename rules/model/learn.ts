/**
 * Training of the learned second opinion (issue #9): L2-regularized logistic regression by
 * seeded stochastic gradient descent, int8 quantization, and the per-category head. Pure and
 * deterministic: the same examples, options and seed give the same bytes (JavaScript numbers are
 * IEEE doubles, the order of updates comes from a seeded generator, nothing reads the clock).
 * Used by `npm run train` (lib/cli/train.ts) and its tests; the extension never imports it.
 */
import { CATEGORIES } from '../types';
import { DIM, type SparseVector } from './features';

/** Bits of the category head's folded feature space (small: it only picks a category). */
export const HEAD_BITS = 13;
const HEAD_DIM = 1 << HEAD_BITS;

/** mulberry32: a small seeded generator (public domain), returns [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher-Yates permutation of 0..n-1. */
export function permutation(n: number, seed: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  const r = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Options of one training run. */
export interface TrainOptions {
  /** L2 strength (per example). */
  lambda: number;
  epochs: number;
  seed: number;
  /** Initial learning rate. */
  eta0: number;
  /**
   * Naive-Bayes feature weighting (see nbScales): the smoothing count per bucket, and the floor
   * every bucket's scale starts from. Omitted: plain logistic regression.
   */
  nb?: { alpha: number; floor: number };
}

/**
 * Defaults chosen by group-wise cross-validation on the training corpora (see MODEL_CARD.md):
 * Naive-Bayes weighting raised out-of-fold AUC from 0.9755 to 0.9808 on 19,371 cases.
 */
export const DEFAULT_TRAIN: TrainOptions = {
  lambda: 1e-5,
  epochs: 5,
  seed: 9,
  eta0: 0.5,
  nb: { alpha: 0.5, floor: 0.5 },
};

/** A float model: weights over the hashed space plus a bias. */
export interface FloatModel {
  w: Float64Array;
  b: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Dot product of a dense weight array with a sparse vector. */
export function dot(w: ArrayLike<number>, x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.idx.length; k++) s += w[x.idx[k]!]! * x.val[k]!;
  return s;
}

/**
 * Trains a logistic regression: y[i] in {0, 1}, weight[i] (default 1) scales an example's loss.
 * SGD with the 1/(1 + lambda*eta0*t) schedule and the scaled-weight trick for L2 (Bottou 2012,
 * "Stochastic Gradient Descent Tricks"), so each update touches only the example's buckets.
 */
export function trainLogistic(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  opts: TrainOptions = DEFAULT_TRAIN,
  dim = DIM,
  weights?: ArrayLike<number>,
): FloatModel {
  const v = new Float64Array(dim);
  let scale = 1;
  let b = 0;
  let t = 0;
  const n = xs.length;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = permutation(n, opts.seed * 1000 + epoch);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const x = xs[i]!;
      const eta = opts.eta0 / (1 + opts.lambda * opts.eta0 * t);
      const z = scale * dot(v, x) + b;
      const g = (sigmoid(z) - ys[i]!) * (weights ? weights[i]! : 1);
      scale *= 1 - eta * opts.lambda;
      if (g !== 0) {
        const step = (eta * g) / scale;
        for (let j = 0; j < x.idx.length; j++) v[x.idx[j]!]! -= step * x.val[j]!;
        b -= eta * g * 0.2;
      }
      if (scale < 1e-6) {
        for (let j = 0; j < dim; j++) v[j]! *= scale;
        scale = 1;
      }
      t++;
    }
  }
  for (let j = 0; j < dim; j++) v[j]! *= scale;
  return { w: v, b };
}

/**
 * Naive-Bayes log-count-ratio scales per bucket (Wang & Manning 2012, "Baselines and Bigrams",
 * NBSVM), computed from the training examples only: floor + |log(p_j / q_j)|, where p_j and q_j
 * are the smoothed shares of violation and safe examples that contain bucket j. Features that
 * separate the classes get larger values, so the L2 penalty costs them less; buckets seen in neither
 * class stay near the floor. Training scales each example by these; the scales are then folded into the
 * weights (trainNb), so inference is unchanged: one dot product with int8 weights.
 */
export function nbScales(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  alpha: number,
  floor: number,
  dim = DIM,
): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach((x, k) => {
    const t = ys[k] ? p : q;
    for (let j = 0; j < x.idx.length; j++) t[x.idx[j]!]! += 1;
  });
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < dim; j++) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const r = new Float64Array(dim);
  for (let j = 0; j < dim; j++) r[j] = floor + Math.abs(Math.log(p[j]! / sp) - Math.log(q[j]! / sq));
  return r;
}

/**
 * Trains with Naive-Bayes weighting when opts.nb is set (plain trainLogistic otherwise) and returns
 * weights over the ORIGINAL features: w_j * r_j, so the model scores unscaled vectors.
 */
export function trainNb(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  opts: TrainOptions = DEFAULT_TRAIN,
  dim = DIM,
): FloatModel {
  if (!opts.nb) return trainLogistic(xs, ys, opts, dim);
  const r = nbScales(xs, ys, opts.nb.alpha, opts.nb.floor, dim);
  const scaled = xs.map((x) => ({ idx: x.idx, val: Float32Array.from(x.val, (v, k) => v * r[x.idx[k]!]!) }));
  const m = trainLogistic(scaled, ys, opts, dim);
  for (let j = 0; j < m.w.length; j++) m.w[j]! *= r[j]!;
  return m;
}

/** An int8 model: weights = int8 * scale. */
export interface QuantModel {
  q: Int8Array;
  scale: number;
  b: number;
}

/**
 * Quantizes to int8 with one scale. The scale clips the largest 0.01% of weights (a few cue
 * weights) so the long tail of n-gram weights keeps its resolution.
 */
export function quantize(m: FloatModel): QuantModel {
  const mags: number[] = [];
  for (let i = 0; i < m.w.length; i++) if (m.w[i] !== 0) mags.push(Math.abs(m.w[i]!));
  mags.sort((a, b) => a - b);
  const clip = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))]! : 1;
  const scale = clip > 0 ? clip / 127 : 1;
  const q = new Int8Array(m.w.length);
  for (let i = 0; i < m.w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(m.w[i]! / scale)));
  return { q, scale, b: m.b };
}

/** Folds a vector into the head's smaller space. */
export function fold(x: SparseVector): SparseVector {
  const acc = new Map<number, number>();
  for (let k = 0; k < x.idx.length; k++) {
    const j = x.idx[k]! & (HEAD_DIM - 1);
    acc.set(j, (acc.get(j) ?? 0) + x.val[k]!);
  }
  const idx = Int32Array.from([...acc.keys()].sort((a, b) => a - b));
  const val = Float32Array.from(idx, (j) => acc.get(j)!);
  return { idx, val };
}

/** One-vs-rest heads, one per category, trained on violations only; returns int8 rows. */
export function trainHead(
  xs: readonly SparseVector[],
  cats: ReadonlyArray<readonly string[]>,
  opts: TrainOptions = DEFAULT_TRAIN,
): { q: Int8Array; scale: number; b: Float64Array } {
  const folded = xs.map(fold);
  const rows: FloatModel[] = CATEGORIES.map((c, k) =>
    trainLogistic(
      folded,
      cats.map((cs) => (cs.includes(c) ? 1 : 0)),
      { ...opts, seed: opts.seed + 101 * (k + 1), lambda: opts.lambda * 4 },
      HEAD_DIM,
    ),
  );
  let max = 0;
  for (const r of rows) for (const w of r.w) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(HEAD_DIM * rows.length);
  rows.forEach((r, k) => {
    for (let j = 0; j < HEAD_DIM; j++) q[k * HEAD_DIM + j] = Math.round(r.w[j]! / scale);
  });
  return { q, scale, b: Float64Array.from(rows, (r) => r.b) };
}

/** Base64 of bytes (no Buffer: runs anywhere). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
