/**
 * `npm run train` is deterministic and seeded (issue #9): training twice on the same data gives
 * byte-identical weights, thresholds and model card. Uses a small slice of the policy corpus.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelCard, moduleSource } from '../../../lib/train/card';
import { readJsonl, type TrainCase } from '../../../lib/train/corpus';
import { clearCaches, sentenceRows, trainModel } from '../../../lib/train/fit';
import {
  DEFAULT_TRAIN,
  dot,
  nbScales,
  permutation,
  quantize,
  rng,
  trainLogistic,
  trainNb,
} from '../../../rules/model/learn';

const corpus = path.resolve(__dirname, '../../corpus/policy-cases.jsonl');
const opts = { ...DEFAULT_TRAIN, epochs: 2 };

function fixture(): TrainCase[] {
  return readJsonl(corpus, 'policy-cases', false).slice(0, 160);
}

describe('training', () => {
  it('gives byte-identical weights, thresholds and card when run twice on the same data', () => {
    clearCaches();
    const a = trainModel(fixture(), opts);
    const srcA = moduleSource(a);
    const cardA = modelCard(a, [], opts);
    clearCaches();
    const b = trainModel(fixture(), opts);
    expect(moduleSource(b)).toBe(srcA);
    expect(modelCard(b, [], opts)).toBe(cardA);
    expect(Buffer.from(b.model.whole.q.buffer).equals(Buffer.from(a.model.whole.q.buffer))).toBe(true);
    expect(Buffer.from(b.model.sentence.q.buffer).equals(Buffer.from(a.model.sentence.q.buffer))).toBe(true);
    // Not trivially identical: both models learned something and the module carries them.
    expect(a.model.whole.q.some((x) => x !== 0)).toBe(true);
    expect(a.model.sentence.q.some((x) => x !== 0)).toBe(true);
    expect(srcA).toContain('sentenceWeights:');
    expect(srcA).toContain('thresholds:');
  }, 120_000);

  it('a different seed gives different weights (the seed is really used)', () => {
    clearCaches();
    const a = trainModel(fixture(), opts, false);
    const b = trainModel(fixture(), { ...opts, seed: opts.seed + 1 }, false);
    expect(Buffer.from(b.model.whole.q.buffer).equals(Buffer.from(a.model.whole.q.buffer))).toBe(false);
  }, 120_000);

  it('keeps a writer group whole and never trains on borderline cases', () => {
    const cs = fixture();
    const t = trainModel(cs, opts, false);
    expect(t.cases.every((c) => c.label !== 'borderline')).toBe(true);
    expect(t.cases.length).toBe(cs.filter((c) => c.label !== 'borderline').length);
  }, 120_000);

  it('has a seeded generator and permutation', () => {
    const r1 = rng(42);
    const r2 = rng(42);
    const xs = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(xs);
    expect([...permutation(10, 3)].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...permutation(10, 3)]).toEqual([...permutation(10, 3)]);
  });

  it('quantizes to int8 within one scale, clipping only the extreme tail', () => {
    const w = new Float64Array(10_000);
    for (let i = 0; i < w.length; i++) w[i] = Math.sin(i) * 0.01;
    w[5] = 50;
    const q = quantize({ w, b: 0.5 });
    expect(q.b).toBe(0.5);
    expect(Math.max(...q.q)).toBeLessThanOrEqual(127);
    expect(Math.min(...q.q)).toBeGreaterThanOrEqual(-127);
    // The outlier is clipped; ordinary weights keep their resolution.
    expect(Math.abs(q.q[1]! * q.scale - w[1]!)).toBeLessThan(q.scale);
  });
});

describe('Naive-Bayes weighting', () => {
  // Bucket 0 appears only in violations, bucket 1 in both classes alike, bucket 2 never.
  const v = (idx: number[]) => ({ idx: Int32Array.from(idx), val: Float32Array.from(idx, () => 1) });
  const xs = [v([0, 1]), v([0, 1]), v([0]), v([1]), v([1]), v([3])];
  const ys = [1, 1, 1, 0, 0, 0];

  it('scales a bucket that separates the classes above one that does not; unseen buckets alike, near the floor', () => {
    const r = nbScales(xs, ys, 0.5, 0.5, 8);
    expect(r[0]!).toBeGreaterThan(r[1]! + 1);
    expect(r[2]).toBe(r[7]);
    expect(r[2]!).toBeLessThan(r[0]! - 1);
    expect(r.every((x) => x >= 0.5)).toBe(true);
  });

  it('folds the scales into the weights, so unscaled vectors score as the scaled ones did in training', () => {
    const opts = { ...DEFAULT_TRAIN, epochs: 3, nb: { alpha: 0.5, floor: 0.5 } };
    const m = trainNb(xs, ys, opts, 8);
    const r = nbScales(xs, ys, 0.5, 0.5, 8);
    const raw = trainLogistic(
      xs.map((x) => ({ idx: x.idx, val: Float32Array.from(x.val, (a, k) => a * r[x.idx[k]!]!) })),
      ys,
      opts,
      8,
    );
    for (const x of xs) {
      const scaled = { idx: x.idx, val: Float32Array.from(x.val, (a, k) => a * r[x.idx[k]!]!) };
      expect(dot(m.w, x) + m.b).toBeCloseTo(dot(raw.w, scaled) + raw.b, 5);
    }
    // It learned: the violation-only bucket pushes towards a violation.
    expect(m.w[0]!).toBeGreaterThan(0);
    // Without nb it is plain logistic regression.
    const plain = trainNb(xs, ys, { ...opts, nb: undefined }, 8);
    expect([...plain.w]).toEqual([...trainLogistic(xs, ys, { ...opts, nb: undefined }, 8).w]);
  });
});

describe('sentence rows', () => {
  const c = (id: string, text: string, label: TrainCase['label'], twin?: string): TrainCase => ({
    id,
    text,
    label,
    categories: [],
    source: 'b99',
    group: 'b99',
    untuned: true,
    twin,
  });

  it('takes the clause where a violation differs from its safe twin as the risky sentence', () => {
    const shared = 'Thank you for the kind words. Please call us anytime.';
    const rows = sentenceRows([
      c('v', `Thank you for the kind words. Glad the new retainer fits. Please call us anytime.`, 'violation', 's'),
      c('s', `Thank you for the kind words. Glad to hear from you. Please call us anytime.`, 'safe', 'v'),
      c('one', 'So glad your crown is holding up!', 'violation'),
      // A violation of several sentences without a twin: which sentence is risky is unknown.
      c('alone', `${shared} See you at your cleaning.`, 'violation'),
    ]);
    // v: 2 shared (safe) + 1 risky; s: 3 safe; one: 1 violation; alone: nothing.
    expect(rows.ys).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(rows.xs).toHaveLength(7);
  });

  it('takes windows holding the words a violation adds inside a long sentence as risky, windows clear of them as safe', () => {
    const head = 'Thank you so much for the kind words about our front desk team and for taking the time';
    const tail = 'to share them here with everyone in our community who reads these reviews';
    const rows = sentenceRows([
      c('v', `${head}, especially since your implant crown finally fits well, ${tail}.`, 'violation', 's'),
      c('s', `${head} ${tail}.`, 'safe', 'v'),
    ]);
    // v: 39 words, differing from s in words 17-25 ("time, especially ... well,"). Its sentence is a
    // violation; of its windows (8 words every 4), those holding 4+ differing words are violations,
    // those clear of them safe, and the two that graze them ([12,20), [24,32)) give no row.
    // s: its sentence and its 7 windows, all safe.
    expect(rows.ys).toEqual([1, 0, 0, 0, 1, 1, 0, 0, ...new Array(8).fill(0)]);
  });

  it('gives no rows when the twins differ everywhere or in more than two sentences', () => {
    const rows = sentenceRows([
      c('v', 'We loved seeing you. Your implant looks great. Your gums healed. The bill is paid.', 'violation', 's'),
      c('s', 'Thanks for writing. We appreciate it. Have a good week. Call anytime.', 'safe', 'v'),
    ]);
    // Only the safe twin's own sentences.
    expect(rows.ys).toEqual([0, 0, 0, 0]);
  });
});

describe('readJsonl', () => {
  it('skips malformed lines with a message and keeps the rest', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'train-')), 'x.jsonl');
    fs.writeFileSync(
      file,
      '{"id":"a","text":"hi","label":"safe"}\nnot json\n{"id":"b","label":"violation"}\n{"id":"c","text":"x","label":"violation","lang":"es"}\n',
    );
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const cs = readJsonl(file, 'b99', true);
      expect(cs.map((c) => c.id)).toEqual(['a', 'c']);
      expect(cs[1]!.lang).toBe('es');
      expect(cs[0]!.group).toBe('b99');
      expect(errors).toHaveLength(2);
    } finally {
      console.error = orig;
    }
  });
});
