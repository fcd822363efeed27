/**
 * Training the learned second opinion: features of a case, the whole-reply and sentence models,
 * group-wise cross-validation and the thresholds chosen from it. Deterministic: the same cases give
 * the same bytes.
 */

import { staffNames } from '../../rules/engine/analyze';
import { normalize } from '../../rules/engine/normalize';
import { resolveOptions } from '../../rules/engine/options';
import { segment } from '../../rules/engine/segment';
import { extract, extractNormalized, type SparseVector, stripPunctuation } from '../../rules/model/features';
import { replyScore, WINDOW_WORDS, type Window, windowsOf, wordsOf } from '../../rules/model/index';
import {
  DEFAULT_TRAIN,
  dot,
  permutation,
  type QuantModel,
  quantize,
  type TrainOptions,
  trainHead,
  trainNb,
} from '../../rules/model/learn';
import type { Strictness } from '../../rules/types';
import type { TrainCase } from './corpus';
import { clearRuleAnswers, combinedFlag, rulesAnswer } from './rules-answers';

/** The budget of the model's own false alarms (on all training safe replies, cross-validated) per strictness. */
export const BUDGETS: Record<Strictness, number> = { relaxed: 0.015, standard: 0.025, strict: 0.04 };
/** At most this share of training violations may be demoted (out-of-fold), whatever the budget. */
export const MAX_DEMOTED = 0.25;
/**
 * "Confident the reply is safe" (issue #9): the demote threshold never exceeds this logit
 * (standard: p(violation) <= 0.27; relaxed, which flags clear disclosures only: <= 0.5).
 */
/**
 * How many misses one false alarm costs when relaxed and standard thresholds are chosen (strict
 * takes the best recall). A trade, not a hard cap on combined false alarms: a cap met exactly in
 * cross-validation sat the add threshold where new writers' replies rarely reach it (b86-b99 at
 * first look: 44.9-91.0% recall at 0-2% false alarms for most batches).
 */
export const ALARM_COST: Record<Exclude<Strictness, 'strict'>, number> = { relaxed: 5, standard: 3 };
/** Demote cap per strictness; see above. */
export const DEMOTE_CAP: Record<Strictness, number | null> = { relaxed: 0, standard: -1, strict: null };
export const FOLDS = 5;

// ---------------------------------------------------------------------------------------------
// Caches: features and sentences are computed once per text per run (rule verdicts: ./rules-answers.ts).

const featureCache = new Map<string, SparseVector>();

/** Names the model treats as staff: the profile's, and those the reply itself frames as staff (as analyze does). */
function staffOf(c: TrainCase): ReadonlySet<string> | undefined {
  const framed = staffNames(normalize(c.text).text);
  const profile = c.options ? resolveOptions(c.options).staffWords : undefined;
  if (!framed.size) return profile;
  return profile ? new Set([...profile, ...framed]) : framed;
}

/** Empties the in-memory caches (tests train twice from scratch). */
export function clearCaches(): void {
  featureCache.clear();
  sentenceCache.clear();
  clearRuleAnswers();
}

/** The case's feature vector (cached). */
export function features(c: TrainCase): SparseVector {
  let v = featureCache.get(c.text);
  if (!v) {
    v = extract(c.text, staffOf(c)).vector;
    featureCache.set(c.text, v);
  }
  return v;
}

/** The robustness copy (punctuation stripped, lower-cased), or null when it has the same features. */
function augmented(c: TrainCase): SparseVector | null {
  const key = `\u0000aug\u0000${c.text}`;
  let v = featureCache.get(key);
  if (!v) {
    v = extract(stripPunctuation(c.text), staffOf(c)).vector;
    featureCache.set(key, v);
  }
  const o = features(c);
  if (v.idx.length === o.idx.length && v.idx.every((x, i) => x === o.idx[i] && v.val[i] === o.val[i])) return null;
  return v;
}

export const scored = (cs: readonly TrainCase[]) => cs.filter((c) => c.label !== 'borderline');

/** The sentence model's hashed space (2^17: smaller than the whole-reply model's, as good in cross-validation). */
export const SENTENCE_BITS = 17;

/** The whole-reply model and the sentence model, trained together (rules/model/index.ts replyScore). */
export interface Models {
  whole: QuantModel;
  sentence: QuantModel;
}

/** Trains on scored cases plus their robustness copies (issue #9 item 5), and the sentence model. */
export function trainOn(cs: readonly TrainCase[], opts: TrainOptions): Models {
  const kept = scored(cs);
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  for (const c of kept) {
    const y = c.label === 'violation' ? 1 : 0;
    xs.push(features(c));
    ys.push(y);
    const a = augmented(c);
    if (a) {
      xs.push(a);
      ys.push(y);
    }
  }
  const rows = sentenceRows(kept);
  return {
    whole: quantize(trainNb(xs, ys, opts)),
    sentence: quantize(trainNb(rows.xs, rows.ys, opts, 1 << SENTENCE_BITS)),
  };
}

/** A slice the sentence model reads: a sentence or a window, with its folded vector. */
interface Unit {
  start: number;
  end: number;
  text: string;
  v: SparseVector;
}
/** A case's normalized text and its sentences (segment's spans), each with its lower-cased words and its windows (cached). */
interface Sentences {
  norm: string;
  spans: Array<Unit & { words: string[]; windows: Array<Unit & Window> }>;
}
const sentenceCache = new Map<string, Sentences>();

/** A vector folded into 2^bits buckets (indices masked, duplicates summed, sorted). */
function fold(x: SparseVector, bits: number): SparseVector {
  const mask = (1 << bits) - 1;
  const m = new Map<number, number>();
  for (let k = 0; k < x.idx.length; k++) {
    const j = x.idx[k]! & mask;
    m.set(j, (m.get(j) ?? 0) + x.val[k]!);
  }
  const idx = Int32Array.from([...m.keys()].sort((a, b) => a - b));
  return { idx, val: Float32Array.from(idx, (j) => m.get(j)!) };
}

function sentencesOf(c: TrainCase): Sentences {
  let e = sentenceCache.get(c.text);
  if (!e) {
    const norm = normalize(c.text).text;
    const staff = staffOf(c);
    const vec = (a: number, b: number) => fold(extractNormalized(norm.slice(a, b), staff).vector, SENTENCE_BITS);
    e = {
      norm,
      spans: segment(norm).map((s) => ({
        ...s,
        text: norm.slice(s.start, s.end),
        v: vec(s.start, s.end),
        words: wordsOf(norm, s.start, s.end).map((w) => norm.slice(w.start, w.end).toLowerCase()),
        windows: windowsOf(norm, s).map((w) => ({ ...w, text: norm.slice(w.start, w.end), v: vec(w.start, w.end) })),
      })),
    };
    sentenceCache.set(c.text, e);
  }
  return e;
}

/**
 * The words [from, to) where sentence `a` differs from its most similar sentence in `others` (their
 * common prefix and suffix cut away); undefined when there is none to compare or nothing is shared.
 */
function differingWords(a: string[], others: string[][]): { from: number; to: number } | undefined {
  let best: { from: number; to: number; kept: number } | undefined;
  for (const b of others) {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    let q = 0;
    while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
    if (!best || p + q > best.kept) best = { from: p, to: a.length - q, kept: p + q };
  }
  return best && best.to > best.from && best.kept > 0 ? best : undefined;
}

/**
 * The sentence model's rows. A reply of one sentence is a row with its own label; every sentence of
 * a safe reply is safe. In a violation of several sentences, only a writer's near-twin says which
 * sentence is risky: where the twin differs in one or two sentences (not all), those are violations
 * and the sentences the two share are safe. Other violations of several sentences give no rows.
 * Windows of long sentences: every window of a safe reply is safe; in a violation's risky sentence
 * the twin says which words differ, and windows holding them are violations, windows clear of them safe.
 * Both twins come from one writer group, so cross-validation keeps them in one fold.
 */
export function sentenceRows(cs: readonly TrainCase[]): { xs: SparseVector[]; ys: number[] } {
  const byId = new Map(cs.map((c) => [`${c.group}\u0000${c.id}`, c]));
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  const push = (v: SparseVector, y: number) => {
    xs.push(v);
    ys.push(y);
  };
  for (const c of cs) {
    const { spans } = sentencesOf(c);
    if (c.label === 'safe') {
      for (const s of spans) {
        push(s.v, 0);
        for (const w of s.windows) push(w.v, 0);
      }
      continue;
    }
    const t = c.twin ? byId.get(`${c.group}\u0000${c.twin}`) : undefined;
    const twin = t?.label === 'safe' ? sentencesOf(t).spans : undefined;
    if (spans.length <= 1) for (const s of spans) push(s.v, 1);
    if (!twin) continue;
    const shared = new Set(twin.map((s) => s.text));
    const risky = spans.filter((s) => !shared.has(s.text));
    if (risky.length === 0 || risky.length > 2) continue;
    if (spans.length > 1 && risky.length < spans.length) for (const s of spans) push(s.v, shared.has(s.text) ? 0 : 1);
    const others = twin.filter((s) => !spans.some((x) => x.text === s.text)).map((s) => s.words);
    for (const s of risky) {
      if (!s.windows.length) continue;
      const d = differingWords(s.words, others);
      if (!d || d.to - d.from > 2 * WINDOW_WORDS) continue;
      for (const w of s.windows) {
        const overlap = Math.min(w.to, d.to) - Math.max(w.from, d.from);
        if (overlap >= Math.min(d.to - d.from, WINDOW_WORDS / 2)) push(w.v, 1);
        else if (overlap <= 0) push(w.v, 0);
      }
    }
  }
  return { xs, ys };
}

/** The score of a case under quantized models, as analyze computes it (rules/model/index.ts replyScore). */
export function scoreQ(m: Models, c: TrainCase): number {
  const whole = dot(m.whole.q, features(c)) * m.whole.scale + m.whole.b;
  const { norm, spans } = sentencesOf(c);
  const byRange = new Map<string, SparseVector>();
  for (const s of spans) {
    byRange.set(`${s.start}:${s.end}`, s.v);
    for (const w of s.windows) byRange.set(`${w.start}:${w.end}`, w.v);
  }
  return replyScore(
    whole,
    norm,
    (a, b) => dot(m.sentence.q, byRange.get(`${a}:${b}`)!) * m.sentence.scale + m.sentence.b,
  );
}

/** Assigns whole writer groups to folds (largest first, to the lightest fold; ties by name). */
function foldsOf(cs: readonly TrainCase[], k: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const c of cs) sizes.set(c.group, (sizes.get(c.group) ?? 0) + 1);
  const groups = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array(k).fill(0);
  const out = new Map<string, number>();
  for (const [g, n] of groups) {
    const f = load.indexOf(Math.min(...load));
    out.set(g, f);
    load[f] += n;
  }
  return out;
}

/** Thresholds of one strictness plus their cross-validated figures. */
export interface Chosen {
  add: number;
  demote: number | null;
  /** Out-of-fold figures on the untuned cases (holdout + batches): rules, model alone, combined. */
  cv: { n: number; rules: Rates; model: Rates; combined: Rates };
}

/** Recall on violations, false alarms on safe. */
export interface Rates {
  recall: number;
  falseAlarms: number;
  violations: number;
  safe: number;
}

/** Rates of a flag function over scored cases. */
export function rates(cs: readonly TrainCase[], flagged: (c: TrainCase, i: number) => boolean): Rates {
  let v = 0;
  let caught = 0;
  let s = 0;
  let fa = 0;
  cs.forEach((c, i) => {
    if (c.label === 'violation') {
      v++;
      if (flagged(c, i)) caught++;
    } else if (c.label === 'safe') {
      s++;
      if (flagged(c, i)) fa++;
    }
  });
  return { recall: v ? caught / v : 0, falseAlarms: s ? fa / s : 0, violations: v, safe: s };
}

export const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]! : 0;

/**
 * Chooses thresholds per strictness from out-of-fold scores. Relaxed and standard maximize combined
 * recall minus ALARM_COST times combined false alarms on the cases the rules were never tuned on;
 * strict (which never demotes) maximizes recall. All keep the model's own false alarms on all
 * training safe replies within the budget and demote at most MAX_DEMOTED of training violations.
 */
export function chooseThresholds(cs: readonly TrainCase[], oof: Float64Array): Record<Strictness, Chosen> {
  const idx = cs.map((_, i) => i);
  const safeScores = idx.filter((i) => cs[i]!.label === 'safe').map((i) => oof[i]!);
  const violScores = idx.filter((i) => cs[i]!.label === 'violation').map((i) => oof[i]!);
  safeScores.sort((a, b) => a - b);
  violScores.sort((a, b) => a - b);
  const addGrid: number[] = [];
  for (let q = 0.9; q < 0.9995; q += 0.0025) addGrid.push(quantile(safeScores, q));
  const demoteGrid: Array<number | null> = [null];
  for (let q = 0.005; q <= MAX_DEMOTED + 1e-9; q += 0.005) demoteGrid.push(quantile(violScores, q));
  let untuned = idx.filter((i) => cs[i]!.untuned);
  if (untuned.length < 100) untuned = idx;
  const sub = untuned.map((i) => cs[i]!);
  const r = untuned.map((i) => rulesAnswer(cs[i]!));
  const s = untuned.map((i) => oof[i]!);
  const out = {} as Record<Strictness, Chosen>;
  for (const level of ['relaxed', 'standard', 'strict'] as Strictness[]) {
    const cost = level === 'strict' ? 0 : ALARM_COST[level];
    let best: { add: number; demote: number | null; u: number; fa: number } | undefined;
    for (const add of addGrid) {
      const modelFa = safeScores.filter((x) => x >= add).length / Math.max(1, safeScores.length);
      if (modelFa > BUDGETS[level]) continue;
      const cap = DEMOTE_CAP[level];
      for (const demote of cap === null ? [null] : demoteGrid.filter((d) => d === null || d <= cap)) {
        const res = rates(sub, (_, j) => combinedFlag(r[j]!, s[j]!, add, demote));
        const u = res.recall - cost * res.falseAlarms;
        const better =
          !best || u > best.u + 1e-12 || (Math.abs(u - best.u) <= 1e-12 && res.falseAlarms < best.fa - 1e-12);
        if (better) best = { add, demote, u, fa: res.falseAlarms };
      }
    }
    best ??= { add: Number.POSITIVE_INFINITY, demote: null, u: 0, fa: 0 };
    const { add, demote } = best;
    out[level] = {
      add,
      demote,
      cv: {
        n: sub.length,
        rules: rates(sub, (_, j) => r[j]! !== 0),
        model: rates(sub, (_, j) => s[j]! >= add),
        combined: rates(sub, (_, j) => combinedFlag(r[j]!, s[j]!, add, demote)),
      },
    };
  }
  return out;
}

/** Out-of-fold scores by group-wise cross-validation. */
export function outOfFold(cs: readonly TrainCase[], opts: TrainOptions, k = FOLDS): Float64Array {
  const folds = foldsOf(cs, k);
  const oof = new Float64Array(cs.length);
  for (let f = 0; f < k; f++) {
    const train = cs.filter((c) => folds.get(c.group) !== f);
    const test = cs.map((c, i) => [c, i] as const).filter(([c]) => folds.get(c.group) === f);
    if (test.length === 0) continue;
    const m = trainOn(train, opts);
    for (const [c, i] of test) oof[i] = scoreQ(m, c);
  }
  return oof;
}

/** A trained model with everything the generated module and the card need. */
export interface Trained {
  model: Models;
  head: { q: Int8Array; scale: number; b: Float64Array };
  thresholds: Record<Strictness, Chosen>;
  oof: Float64Array;
  cases: TrainCase[];
}

/** Trains the shipped model on `cases`: CV thresholds, final model, category head. */
export function trainModel(cases: readonly TrainCase[], opts: TrainOptions = DEFAULT_TRAIN, head = true): Trained {
  const cs = scored(cases);
  const oof = outOfFold(cs, opts);
  const thresholds = chooseThresholds(cs, oof);
  const model = trainOn(cs, opts);
  const viol = cs.filter((c) => c.label === 'violation');
  const h = head
    ? trainHead(
        viol.map(features),
        viol.map((c) => c.categories),
        opts,
      )
    : { q: new Int8Array(0), scale: 1, b: new Float64Array(6) };
  return { model, head: h, thresholds, oof, cases: cs };
}

// ---------------------------------------------------------------------------------------------
// Learning curve.

/** A point of the learning curve. */
export interface CurvePoint {
  n: number;
  auc: number;
  recallAt3: number;
}

export function auc(cs: readonly TrainCase[], s: ArrayLike<number>): number {
  const neg = cs
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c.label === 'safe')
    .map(([, i]) => s[i]!)
    .sort((a, b) => a - b);
  let sum = 0;
  let pos = 0;
  cs.forEach((c, i) => {
    if (c.label !== 'violation') return;
    pos++;
    let lo = 0;
    let hi = neg.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (neg[mid]! < s[i]!) lo = mid + 1;
      else hi = mid;
    }
    sum += lo;
  });
  return pos && neg.length ? sum / pos / neg.length : 0;
}

/**
 * Learning curve: a seeded 20% of the writer groups is held out; the model is trained on growing
 * seeded samples of the rest. Recall is read at the score where 3% of the held-out safe replies
 * are flagged (a curve figure, not a threshold: nothing is chosen from it).
 */
export function learningCurve(cases: readonly TrainCase[], opts: TrainOptions = DEFAULT_TRAIN): CurvePoint[] {
  const cs = scored(cases);
  const groups = [...new Set(cs.map((c) => c.group))].sort();
  const order = permutation(groups.length, opts.seed + 7);
  const testGroups = new Set<string>();
  let testN = 0;
  for (const gi of order) {
    if (testN >= cs.length * 0.2) break;
    testGroups.add(groups[gi]!);
    testN += cs.filter((c) => c.group === groups[gi]).length;
  }
  const test = cs.filter((c) => testGroups.has(c.group));
  const pool = cs.filter((c) => !testGroups.has(c.group));
  const perm = permutation(pool.length, opts.seed + 11);
  const shuffled = Array.from(perm, (i) => pool[i]!);
  const sizes: number[] = [];
  for (let n = 500; n < shuffled.length; n *= 2) sizes.push(n);
  sizes.push(shuffled.length);
  return sizes.map((n) => {
    const m = trainOn(shuffled.slice(0, n), opts);
    const s = test.map((c) => scoreQ(m, c));
    const safe = test
      .map((c, i) => [c, i] as const)
      .filter(([c]) => c.label === 'safe')
      .map(([, i]) => s[i]!)
      .sort((a, b) => a - b);
    const thr = quantile(safe, 0.97);
    return { n, auc: auc(test, s), recallAt3: rates(test, (_, i) => s[i]! > thr).recall };
  });
}
