/**
 * `npm run train`: trains the learned second opinion (issue #9) and writes
 * rules/model/weights.generated.ts (int8 weights, head, thresholds) and rules/model/MODEL_CARD.md.
 *   npm run train                 train on every training corpus, write weights + card
 *   npm run train -- --curve      also print the learning curve (always written in the card)
 *   npm run train -- --ledger     record the first look of every pending batch (a batch file with
 *                                 no ledger row) before it joins training (lib/cli/ledger.ts);
 *                                 `--ledger b61 b62` records only those
 *   npm run train -- --fresh      record one look at tests/corpus/fresh-holdout/
 * Training data: tests/corpus/policy-cases.jsonl, tests/corpus/holdout.jsonl,
 * ../shared/corpus/dev.jsonl (skipped with a message if absent), the shipped templates and the
 * batches in tests/corpus/batches/ whose first look is recorded in tests/corpus/ledger.json.
 * tests/corpus/fresh-holdout/ is NEVER trained on and never used to choose anything.
 * Deterministic: the same data gives the same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staffNames } from '../../rules/engine/analyze';
import { normalize } from '../../rules/engine/normalize';
import { resolveOptions } from '../../rules/engine/options';
import { segment } from '../../rules/engine/segment';
import { analyzeRules } from '../../rules/index';
import { demotable } from '../../rules/model/combine';
import {
  APPROVED_RUN,
  BITS,
  extract,
  extractNormalized,
  GROUP_SCALE,
  type SparseVector,
  stripPunctuation,
} from '../../rules/model/features';
import { replyScore, SENTENCE_WEIGHT } from '../../rules/model/index';
import {
  DEFAULT_TRAIN,
  dot,
  HEAD_BITS,
  permutation,
  type QuantModel,
  quantize,
  type TrainOptions,
  toBase64,
  trainHead,
  trainNb,
} from '../../rules/model/learn';
import type { AnalyzeOptions, Strictness } from '../../rules/types';
import { fillTemplate, templates } from '../templates';
import { appendRows, type LedgerRow, nextLook, readLedger, recordedBatches, unfinished } from './ledger';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A labelled case with where it came from. */
export interface TrainCase {
  id: string;
  text: string;
  label: 'violation' | 'safe' | 'borderline';
  categories: string[];
  /** Source file label (policy-cases, holdout, dev, b01, ...). */
  source: string;
  /** Writer group: a batch file, or a batch prefix inside policy-cases (cross-validation folds keep groups whole). */
  group: string;
  /** Rules were never tuned on this case (holdout, batches): used to choose the combination thresholds. */
  untuned: boolean;
  lang?: string;
  /** The writer's near-twin of this case (same situation, the other label), by id in the same file. */
  twin?: string;
  options?: AnalyzeOptions;
}

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
const FOLDS = 5;

/** Reads one JSONL corpus; malformed lines are reported and skipped, nothing else is lost. */
export function readJsonl(file: string, source: string, untuned: boolean): TrainCase[] {
  const out: TrainCase[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const o = JSON.parse(line);
        if (typeof o?.text !== 'string' || !['violation', 'safe', 'borderline'].includes(o.label))
          throw new Error('needs "text" and a "label" of violation, safe or borderline');
        const id = String(o.id ?? `${source}-${i + 1}`);
        const group = source === 'policy-cases' ? id.replace(/-fined/, '').replace(/-\d+$/, '') : source;
        const context =
          o.context ??
          (o.reviewText || o.reviewAuthor ? { reviewText: o.reviewText, reviewAuthor: o.reviewAuthor } : undefined);
        out.push({
          id,
          text: o.text,
          label: o.label,
          categories: Array.isArray(o.categories) ? o.categories : [],
          source,
          group,
          untuned,
          lang: typeof o.lang === 'string' ? o.lang : undefined,
          twin: typeof o.twin === 'string' ? o.twin : undefined,
          options:
            o.profile || o.settings || context ? { profile: o.profile, settings: o.settings, context } : undefined,
        });
      } catch (err) {
        console.error(`${path.relative(process.cwd(), file)}:${i + 1}: skipped (${(err as Error).message})`);
      }
    });
  return out;
}

/** The base corpora (rules were tuned on policy-cases and dev; the holdout is untuned). */
export function baseCorpora(root = repoRoot): TrainCase[] {
  const out = [
    ...readJsonl(path.join(root, 'tests/corpus/policy-cases.jsonl'), 'policy-cases', false),
    ...readJsonl(path.join(root, 'tests/corpus/holdout.jsonl'), 'holdout', true),
  ];
  const dev = path.resolve(root, '../shared/corpus/dev.jsonl');
  if (fs.existsSync(dev)) out.push(...readJsonl(dev, 'dev', false));
  else console.error(`train: ${dev} not found; training without the dev corpus`);
  out.push(...templateCases());
  return out;
}

/** A practice profile to fill the shipped templates with (no real practice). */
const TEMPLATE_PROFILE = {
  name: 'Lakeside Family Dental',
  phone: '(555) 010-4400',
  email: 'frontdesk@lakeside.example',
  website: 'https://lakeside.example',
  staff: [{ name: 'Dana Ortiz', role: 'office manager' }],
};

/**
 * The shipped approved templates (lib/templates.ts), unfilled, filled and with an empty profile, as
 * safe cases: the policy lists approved templates as `ok`, and the guard offers them as the safe way
 * out, so the model must never flag them.
 */
export function templateCases(): TrainCase[] {
  return templates.flatMap((t) =>
    [t.text, fillTemplate(t, TEMPLATE_PROFILE), fillTemplate(t, {})].map((text, i) => ({
      id: `template-${t.id}-${i}`,
      text,
      label: 'safe' as const,
      categories: [],
      source: 'templates',
      group: 'templates',
      untuned: false,
    })),
  );
}

/**
 * Batch files in name order: [name, cases]. "recorded" (the default) are the training batches, whose
 * first look is in the ledger; "pending" are batch files still waiting for theirs (never trained on).
 */
export function batches(root = repoRoot, which: 'recorded' | 'pending' = 'recorded'): Array<[string, TrainCase[]]> {
  const dir = path.join(root, 'tests/corpus/batches');
  if (!fs.existsSync(dir)) return [];
  const recorded = recordedBatches(readLedger(path.join(root, 'tests/corpus/ledger.json')));
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => f.replace(/\.jsonl$/, ''))
    .filter((name) => recorded.has(name) === (which === 'recorded'))
    .map((name) => [name, readJsonl(path.join(dir, `${name}.jsonl`), name, true)] as [string, TrainCase[]]);
}

// ---------------------------------------------------------------------------------------------
// Caches: features and rule verdicts are computed once per text per run.

const featureCache = new Map<string, SparseVector>();
/** Rules' answer: 0 silent, 1 flagged but every finding demotable, 2 flagged with a finding that stays. */
const ruleCache = new Map<string, 0 | 1 | 2>();

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
  ruleCache.clear();
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

/**
 * The rules' answers persist between runs in node_modules/.cache (the ledger replays ~10,000
 * replies; the rules take most of that time), keyed by a hash of every rules source file and the
 * case's text and options, so any change to the rules starts a fresh cache.
 */
const diskCacheFile = path.join(repoRoot, 'node_modules/.cache/reply-guard/rules-answers.json');
let diskCache: { version: string; answers: Record<string, 0 | 1 | 2> } | undefined;
let diskDirty = false;

function rulesVersion(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) {
        if (f.name !== 'model') walk(p);
      } else if (f.name.endsWith('.ts')) h.update(f.name).update(fs.readFileSync(p));
    }
  };
  walk(path.join(repoRoot, 'rules'));
  // Which findings are demotable is decided in combine.ts: the cached answers depend on it too.
  h.update(fs.readFileSync(path.join(repoRoot, 'rules/model/combine.ts')));
  return h.digest('hex');
}

function disk(): { version: string; answers: Record<string, 0 | 1 | 2> } {
  if (!diskCache) {
    const version = rulesVersion();
    try {
      const saved = JSON.parse(fs.readFileSync(diskCacheFile, 'utf8'));
      diskCache = saved?.version === version ? saved : { version, answers: {} };
    } catch {
      diskCache = { version, answers: {} };
    }
  }
  return diskCache!;
}

/** Writes the rules' answers cache (best effort: a read-only tree only costs time). */
export function saveRulesCache(): void {
  if (!diskDirty || !diskCache) return;
  try {
    fs.mkdirSync(path.dirname(diskCacheFile), { recursive: true });
    fs.writeFileSync(diskCacheFile, JSON.stringify(diskCache));
    diskDirty = false;
  } catch (err) {
    console.error(`train: could not write ${diskCacheFile} (${(err as Error).message})`);
  }
}

/** The rules alone on this case: 0 silent, 1 flagged (all demotable), 2 flagged with a finding that stays. */
export function rulesAnswer(c: TrainCase): 0 | 1 | 2 {
  let r = ruleCache.get(c.text);
  if (r === undefined) {
    const key = createHash('sha256')
      .update(c.text)
      .update(JSON.stringify(c.options ?? null))
      .digest('base64');
    const d = disk();
    r = d.answers[key];
    if (r === undefined) {
      const a = analyzeRules(c.text, c.options);
      r = a.verdict === 'ok' ? 0 : a.findings.every(demotable) ? 1 : 2;
      d.answers[key] = r;
      diskDirty = true;
    }
    ruleCache.set(c.text, r);
  }
  return r;
}

/** Do the rules alone flag this case? (cached) */
export function rulesFlag(c: TrainCase): boolean {
  return rulesAnswer(c) !== 0;
}

/** The combination as analyze applies it, from the rules' answer and the model's score. */
export function combinedFlag(rule: 0 | 1 | 2, score: number, add: number, demote: number | null): boolean {
  if (rule === 2) return true;
  if (rule === 1) return demote === null || score >= demote;
  return score >= add;
}

const scored = (cs: readonly TrainCase[]) => cs.filter((c) => c.label !== 'borderline');

/** The sentence model's hashed space (2^17: smaller than the whole-reply model's, as good in cross-validation). */
export const SENTENCE_BITS = 17;

/** The whole-reply model and the sentence model, trained together (rules/model/index.ts replyScore). */
export interface Models {
  whole: QuantModel;
  sentence: QuantModel;
}

/** Trains on scored cases plus their robustness copies (issue #9 item 5), and the sentence model. */
function trainOn(cs: readonly TrainCase[], opts: TrainOptions): Models {
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

/** A case's normalized text and its sentences (segment's spans), each with its folded vector (cached). */
interface Sentences {
  norm: string;
  spans: Array<{ start: number; end: number; text: string; v: SparseVector }>;
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
    e = {
      norm,
      spans: segment(norm).map((s) => {
        const text = norm.slice(s.start, s.end);
        return { ...s, text, v: fold(extractNormalized(text, staff).vector, SENTENCE_BITS) };
      }),
    };
    sentenceCache.set(c.text, e);
  }
  return e;
}

/**
 * The sentence model's rows. A reply of one sentence is a row with its own label; every sentence of
 * a safe reply is safe. In a violation of several sentences, only a writer's near-twin says which
 * sentence is risky: where the twin differs in one or two sentences (not all), those are violations
 * and the sentences the two share are safe. Other violations of several sentences give no rows.
 * Both twins come from one writer group, so cross-validation keeps them in one fold.
 */
export function sentenceRows(cs: readonly TrainCase[]): { xs: SparseVector[]; ys: number[] } {
  const byId = new Map(cs.map((c) => [`${c.group}\u0000${c.id}`, c]));
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  for (const c of cs) {
    const { spans } = sentencesOf(c);
    if (spans.length <= 1 || c.label === 'safe') {
      for (const s of spans) {
        xs.push(s.v);
        ys.push(c.label === 'violation' ? 1 : 0);
      }
      continue;
    }
    const t = c.twin ? byId.get(`${c.group}\u0000${c.twin}`) : undefined;
    if (t?.label !== 'safe') continue;
    const shared = new Set(sentencesOf(t).spans.map((s) => s.text));
    const risky = spans.filter((s) => !shared.has(s.text)).length;
    if (risky === 0 || risky > 2 || risky === spans.length) continue;
    for (const s of spans) {
      xs.push(s.v);
      ys.push(shared.has(s.text) ? 0 : 1);
    }
  }
  return { xs, ys };
}

/** The score of a case under quantized models, as analyze computes it (rules/model/index.ts replyScore). */
export function scoreQ(m: Models, c: TrainCase): number {
  const whole = dot(m.whole.q, features(c)) * m.whole.scale + m.whole.b;
  const { norm, spans } = sentencesOf(c);
  const byStart = new Map(spans.map((s) => [s.start, s.v]));
  return replyScore(whole, norm, (a) => dot(m.sentence.q, byStart.get(a)!) * m.sentence.scale + m.sentence.b);
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

const quantile = (sorted: number[], q: number) =>
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

const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(10)) : x > 0 ? 1e9 : -1e9);

/** The generated module's source: deterministic (no dates, no paths). */
export function moduleSource(t: Trained): string {
  const th = (l: Strictness) =>
    `{ add: ${num(t.thresholds[l].add)}, demote: ${t.thresholds[l].demote === null ? 'null' : num(t.thresholds[l].demote!)} }`;
  const b64 = (q: Int8Array) => toBase64(new Uint8Array(q.buffer, q.byteOffset, q.byteLength));
  const { whole, sentence } = t.model;
  return `/**
 * GENERATED by \`npm run train\` (lib/cli/train.ts) from ${t.cases.length} labelled replies; do not edit.
 * Int8 weights over 2^${BITS} hashed features (rules/model/features.ts), a per-category head over
 * 2^${HEAD_BITS} and the sentence model over 2^${SENTENCE_BITS}, base64-encoded and decoded once on first use.
 * Thresholds are logits chosen by cross-validation on the training data (see MODEL_CARD.md).
 */
import type { Strictness } from '../types';

/** The learned second opinion's parameters. */
export const MODEL: {
  bits: number;
  scale: number;
  bias: number;
  weights: string;
  headBits: number;
  headScale: number;
  headBias: readonly number[];
  head: string;
  sentenceBits: number;
  sentenceScale: number;
  sentenceBias: number;
  sentenceWeights: string;
  thresholds: Record<Strictness, { add: number; demote: number | null }>;
  trainedOn: number;
} = {
  bits: ${BITS},
  scale: ${num(whole.scale)},
  bias: ${num(whole.b)},
  weights:
    '${b64(whole.q)}',
  headBits: ${HEAD_BITS},
  headScale: ${num(t.head.scale)},
  headBias: [${[...t.head.b].map(num).join(', ')}],
  head: '${b64(t.head.q)}',
  sentenceBits: ${SENTENCE_BITS},
  sentenceScale: ${num(sentence.scale)},
  sentenceBias: ${num(sentence.b)},
  sentenceWeights:
    '${b64(sentence.q)}',
  thresholds: {
    relaxed: ${th('relaxed')},
    standard: ${th('standard')},
    strict: ${th('strict')},
  },
  trainedOn: ${t.cases.length},
};
`;
}

// ---------------------------------------------------------------------------------------------
// Learning curve and ledger.

/** A point of the learning curve. */
export interface CurvePoint {
  n: number;
  auc: number;
  recallAt3: number;
}

function auc(cs: readonly TrainCase[], s: ArrayLike<number>): number {
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

/** Figures of one measured set: rules, model alone and combined at standard, combined at relaxed. */
export interface Measured {
  rules: Rates;
  model: Rates;
  combined: Rates;
  relaxed: Rates;
}

/** Measures cases with a trained model at standard strictness (and the combination at relaxed). */
export function measure(t: Trained, cs: readonly TrainCase[]): Measured {
  const { add, demote } = t.thresholds.standard;
  const rx = t.thresholds.relaxed;
  const s = cs.map((c) => scoreQ(t.model, c));
  const r = cs.map(rulesAnswer);
  return {
    rules: rates(cs, (_, i) => r[i]! !== 0),
    model: rates(cs, (_, i) => s[i]! >= add),
    combined: rates(cs, (_, i) => combinedFlag(r[i]!, s[i]!, add, demote)),
    relaxed: rates(cs, (_, i) => combinedFlag(r[i]!, s[i]!, rx.add, rx.demote)),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (r: Rates) => `${pct(r.recall)} / ${pct(r.falseAlarms)}`;

/** Measures named case sets with one model and returns ledger rows (method "shipped"). */
function measureRows(
  t: Trained,
  sets: ReadonlyArray<[string, TrainCase[]]>,
  kind: LedgerRow['kind'],
  trainedOn: number,
  look?: (name: string) => number,
): LedgerRow[] {
  const recorded = new Date().toISOString();
  return sets.map(([name, cs]) => {
    const m = measure(t, scored(cs));
    console.log(
      `${kind === 'fresh' ? 'fresh ' : ''}${name}: rules ${cell(m.rules)}  model ${cell(m.model)}  combined ${cell(m.combined)}  relaxed ${cell(m.relaxed)}  (n=${scored(cs).length})`,
    );
    return { name, kind, recorded, method: 'shipped', trainedOn, n: scored(cs).length, look: look?.(name), ...m };
  });
}

/**
 * `--ledger`: each pending batch (no ledger row yet) is measured at first look with the model
 * trained on everything recorded, its row appended; from then on it is training data.
 */
function recordPending(opts: TrainOptions, only: readonly string[] = []): void {
  const open = unfinished(path.join(repoRoot, 'tests/corpus/batches'));
  const pending = batches(repoRoot, 'pending').filter(([name]) => {
    if (only.length && !only.includes(name)) return false;
    if (open.has(name)) console.log(`ledger: ${name} is not committed yet (still being written?); skipped`);
    return !open.has(name);
  });
  if (!pending.length) {
    console.log('ledger: no pending batches (every batch file has its first look recorded)');
    return;
  }
  const training = [...baseCorpora(), ...batches().flatMap(([, cs]) => cs)];
  const t = trainModel(training, opts, false);
  appendRows(measureRows(t, pending, 'batch', scored(training).length));
  console.log(`ledger: recorded ${pending.map(([n]) => n).join(', ')}; they are training data from now on`);
}

/** `--fresh`: one recorded look at the fresh holdout with the model trained on everything recorded. */
function recordFresh(opts: TrainOptions): void {
  const dir = path.join(repoRoot, 'tests/corpus/fresh-holdout');
  const open = unfinished(dir);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl') && !open.has(f.replace(/\.jsonl$/, '')))
        .sort()
    : [];
  if (!files.length) {
    console.log('fresh: tests/corpus/fresh-holdout/ has no .jsonl files');
    return;
  }
  const sets = files.map((f) => {
    const name = f.replace(/\.jsonl$/, '');
    return [name, readJsonl(path.join(dir, f), name, true)] as [string, TrainCase[]];
  });
  const training = [...baseCorpora(), ...batches().flatMap(([, cs]) => cs)];
  const t = trainModel(training, opts, false);
  const rows = readLedger();
  const look = (name: string) => nextLook(name, rows);
  const all: [string, TrainCase[]] = ['all fresh', sets.flatMap(([, cs]) => cs)];
  appendRows(measureRows(t, [...sets, all], 'fresh', scored(training).length, look));
}

/**
 * What was measured and not kept (issue #9, session 3), so nobody repeats it blind. Static text:
 * the figures are from the runs named here, not recomputed by each training.
 */
const EXPERIMENTS: readonly string[] = [
  '## What was tried (session 3)',
  '',
  'Group-wise 5-fold cross-validation on 19,371 training cases (a frozen copy of the tree), out-of-fold,',
  'on the cases the rules were never tuned on. "Recall at 3%": the model alone where 3% of those safe',
  'replies are flagged.',
  '',
  '| change | AUC | recall at 3% | kept |',
  '| --- | ---: | ---: | --- |',
  '| before (plain logistic regression, lambda 2e-5) | 0.9755 | 82.0% | |',
  '| Naive-Bayes weighting (smoothing 0.5, floor 0.5), lambda 1e-5 | 0.9808 | 84.5% | yes |',
  '| lambda, epochs, eta0 grid without NB weighting | <= 0.9761 | <= 82.6% | no: noise |',
  '| group scales words 2.5, cues 0.2, pairs 0.1 (with NB) | 0.9818 | 85.4% | no: a fined real reply became a hint |',
  '| word trigrams / skip-bigrams | 0.9811 / 0.9815 | 84.7% / 84.6% | no |',
  '| epoch-averaged SGD; 3-seed weight averaging | <= 0.9808 | <= 84.6% | no |',
  '| 2^20 buckets | 0.9814 | 85.6% | no: four times the weights |',
  '| borderline cases trained as safe | 0.9785 | 83.1% | no |',
  '| more Spanish care, kin and visit words | 0.9809 | 84.5% | no: noise |',
  '',
  'Stacking (a second logistic regression over the out-of-fold logit, rule ids x severity, categories,',
  'finding count, length band and language, trained on untuned cases only, group-wise CV) ranked the',
  "rule-flagged replies worse than the text model alone (AUC 0.952 vs 0.956) and the combination's",
  'standard figures fell (84.1% / 6.4% vs 85.7% / 5.4% on 16,174 cases): how far a rule can be trusted',
  'varies by writer, so it does not carry to a new batch. Per-language add thresholds: +0.5 recall in',
  'sample only. Not kept.',
  '',
  'Kept, measured on 29,853 cases: a long reply (300 characters or more, several sentences) scores at',
  "least its best sentence's score minus 1: AUC 0.9827 -> 0.9841, model recall at 3% 86.9% -> 87.5%,",
  'standard combined 90.1% / 5.8% -> 90.5% / 5.8%. Every reply scored by its best sentence lost',
  '(AUC 0.967); a 200-character cut-off lost a little; 400 changed nothing. The gain is all from one',
  'writer (b56: long boilerplate with one buried clause, the style issue #9 names; without b56 the AUC',
  'is 0.9843 either way), and the idea came from reading b56, so no figure of it is a first look.',
  '',
  'Time split (train and choose thresholds on the base corpora and b01-b49, measure b50-b69 once,',
  '8,062 cases, standard): combined 87.3% / 7.7% before, 89.3% / 7.3% with NB weighting; model alone',
  '81.0% / 2.5% before, 85.0% / 3.1% after.',
  '',
  'The false-alarm floor (29,853 cases): identifier findings are never demoted and a demotion needs a',
  'logit below -1, so even with no learned findings the combination flags 4.2% of the untuned safe',
  'replies; identifier findings alone flag 2.5% of them, most from reviewer-name and patient-name.',
  'Combined false alarms of 3% are out of reach until the rules flag fewer safe replies. (Measured,',
  'not shipped: demoting name findings below a logit of -3 lowers the floor to 2.9% and gives 87.7%',
  'recall at 4%.)',
  '',
  '## What was tried (session 4)',
  '',
  'The rules were made to flag fewer safe replies (the floor above), each change judged on the 34,357',
  'untuned training cases with the out-of-fold model scores held fixed: staff framed as staff in one',
  'module for all name rules (rules/engine/staff.ts: Spanish appositions, titles, roles before and',
  'credentials after a name, what staff do, introductions, lists); Spanish offers, events, questions to',
  "any reader, advice about the reader's own provider; care words naming a team, a service or an offer;",
  'education marked as such. Rules alone 61.7% / 8.2% -> 61.4% / 5.5%; combined at the session-3',
  'thresholds 91.5% / 5.0% -> 91.5% / 3.9%. Kept.',
  '',
  'Names the reply frames as staff are staff to the model too (features in training and in analyze):',
  'AUC 0.9864 -> 0.9868, model recall at 3% 89.6% -> 90.0%. Kept.',
  '',
  'Threshold choice: with the rules quieter, the 2.5% cap on combined false alarms was met exactly in',
  'cross-validation by an add threshold of about 4.8, and the first looks of b86-b99 fell to 44.9-91.0%',
  'recall at 0-2% false alarms for most batches (the ledger). On the same out-of-fold data: cap 2.5%',
  '79.5% / 2.4%, cap 3% 86.2% / 3.0%, cap 4% 91.5% / 3.9%; best recall minus 3 x false alarms 92.2% /',
  '4.1%, minus 5 x 88.1% / 3.0%. Standard now takes the 3 x trade and relaxed the 5 x trade. Chosen after',
  'seeing b86-b99, so their figures under it are not first looks.',
  '',
  '## What was tried (session 6)',
  '',
  'Spanish as it is texted (b107 at first look: 65.7% combined recall). In a reply that reads as Spanish,',
  'shorthand is expanded (x, q, d, t, pa, grax, prox, ...), letters stretched for emphasis are collapsed,',
  'every word is also hashed in a folded spelling (h dropped; c, s and z; g and j; b and v; ll and y;',
  'doubled letters) so sound-spelled words share weights, and Spanish care words are also found by that',
  'spelling. Out-of-fold at standard thresholds on 43,924 untuned training cases: all 91.2% / 3.5% ->',
  '91.4% / 3.5%; Spanish (15,242) 88.5% / 3.2% -> 89.1% / 3.2%; Spanish texting styles (2,806) 84.0% /',
  '2.5% -> 85.6% / 2.5%; English unchanged at 92.6% / 3.7%. Kept. The idea came from reading b107, so',
  "b107's figures under it are not first looks; b109 onwards are.",
  '',
  'Rule changes in session 6, each found by reading recorded batches (after their first looks) and judged',
  "on all untuned training cases with the rules alone: a name running on into a practice's name",
  '("Willow Creek Foot Care", b116); demonstrations, diagrams, schools and staff are not testimonials, and',
  'a place or group noun after a capitalized word makes it no drug brand (b110, b117, b121, b127): recall',
  '60.23% -> 60.20%, false alarms 5.41% -> 5.32% on 53,517 cases; greetings in Spanish and after an',
  'interjection ("¡Gracias Lupita!", "Aww thank you Brittany!!", b138): recall 60.01% -> 61.19%, false',
  'alarms 5.25% -> 5.28% on 58,065 cases. Kept.',
  '',
  'Also measured and not kept: lambda 5e-6 (combined 91.6% / 3.6% vs 91.7% / 3.7%), a long-reply margin',
  'of 0.5 (91.0% / 3.5%) and long replies from 150 characters (89.8% / 4.1%; AUC 0.9840 vs 0.9876).',
  'Scoring what a reply says besides its most generic sentences (those below a logit of -2.5, such as an',
  'approved template, read together, minus 0.5), for the templates with one risky addition that b138,',
  'b147 and b151 missed at first look: AUC 0.9886 -> 0.9794, combined 92.4% / 3.5% -> 86.7% / 4.5% on',
  '63,946 cases. Not kept: it lifts too many safe replies.',
  '',
  '## What was tried (session 7)',
  '',
  'Approved wording read apart (templates with one risky addition were the weakest cells: b138 82.0%,',
  'b151 71.8% at first look). The model reads a reply without the runs of words it shares with the',
  "seed's three templates (English, and Spanish in usted and tú: rules/data/approved-wording.ts) and, in",
  "the browser, with the practice's own template library; a cue says whether anything is left. Out of fold",
  'on 72,167 untuned cases, same data: no stripping 93.0% / 3.6% (AUC 0.9892; the template batches 83.4% /',
  '0.9%); runs of 3 words 93.1% / 3.7% (85.8%); 4 words 92.6% / 3.4% (86.5%); 6 words 93.1% / 3.6% (AUC',
  '0.9894; 86.9% / 1.2%). Kept at 6: the overall figures hold and ordinary phrases stay read.',
  '',
  '2^19 buckets instead of 2^18 (the int8 weights double to 512 KB): out of fold on 81,742 untuned cases,',
  'combined 93.5% / 3.6% -> 93.7% / 3.5%, AUC 0.9900 -> 0.9906, model recall at 3% of its own false',
  'alarms 92.6% -> 93.1%; Spanish 92.7% / 3.4% -> 93.1% / 3.3%. Kept.',
  '',
  'Rule changes in session 7, each found by reading recorded batches (after their first looks) and judged',
  'on all untuned training cases with the rules alone: a local number after a personal cue ("we left a',
  'voicemail at 555-0183"), "one of our long-term patients", "como paciente nuestro" (+24 violations, no new',
  'false alarm on 77,151 cases); a name followed by "She\'s our new office manager" is staff; a post that',
  "says the patient's written authorization covers what it shares, and a practice's week-in-review ending",
  '"See you Monday", are not flagged (about 20 false alarms fixed, no violation lost on 81,742 and 88,372',
  'cases); thanks "as always" / "gracias como siempre" (+16 violations, 1 new false alarm on 95,016).',
  '',
  '## What was tried (session 8)',
  '',
  "The practice's own posts carry most false alarms: out of fold on 113,247 untuned cases, own posts 93.5% /",
  '7.0% against replies 93.4% / 1.9% at the same thresholds. Thresholds per kind (post or reply) would move',
  'the budget, but the text must tell the kind: a small learned kind head over the folded features was',
  '88.6% right, and with it the best per-kind thresholds gave 93.64% / 2.99% against 93.45% / 2.94% for one',
  'pair. Not kept (+0.2 point for a second head and two more thresholds).',
  '',
  'Replies of 150-400 characters with one risky clause buried (b275: 73.7% at first look, the model alone',
  "63.4%): the whole reply's features dilute the clause. A long reply scored as its best sentence from 150",
  'characters instead of 300: b275 76.1% -> 84.4%, but overall 93.3% / 2.9% -> 92.4% / 3.8% (AUC 0.9916 ->',
  '0.9882). Keeping a rule finding when its own sentence scores high (instead of demoting it on the whole',
  "reply's score): at a sentence bar of 2.0, overall 93.35% / 2.92% -> 93.43% / 3.08%, b275 76.1% -> 79.0%.",
  'Neither kept: each costs more false alarms than it buys recall.',
  '',
  'Rule changes in session 8, each judged on all untuned training cases with the rules alone: "Christmas"',
  'is the holiday (it was in the generated clinical terms as Christmas disease; 7 violations were caught',
  'only through it);',
  'staff framed after an emoji ("Rocco 🐶 our therapy dog") and trainees; a Spanish condition to any',
  'reader ("si juegas..."); a visit inside an opening "if" clause; a numbered address where the practice',
  'hires or reopens; a birthday wished to the practice; a celebration whose next sentence says what the',
  "person does here; a post celebrating a role's day or week greets its staff. Together about 50 false",
  'alarms fixed on 103,000-111,000 cases, most of them in own posts, and no other violation lost.',
  '',
  '## What was tried (session 9)',
  '',
  'Buried clauses, measured out of fold on 118,980 untuned cases (model through b289; standard thresholds',
  're-chosen for each variant; "meet" counts the 90 batches b200-b289 at >= 92% / <= 3%):',
  '',
  '| variant | standard combined | buried-clause batches | meet |',
  '| --- | --- | --- | ---: |',
  '| shipped (whole reply; >= 300 characters: best sentence - 1) | 93.6% / 3.1% | 84.4% / 4.1% | 47 |',
  '| + clause rows from twins in the one model | 93.5% / 3.0% | 82.6% / 2.9% | |',
  '| + sentence model 2^19, weight 0.5 | 93.7% / 2.8% | 87.1% / 3.5% | 51 |',
  '| + sentence model 2^17, weight 0.5 | 93.7% / 2.9% | 87.5% / 3.9% | 51 |',
  '| whole reply + sentence model 2^19, weight 0.4, no 300-character rule | 93.7% / 2.8% | 85.9% / 2.5% | 50 |',
  '',
  'Most buried-clause replies are under 300 characters, where the shipped rule never looked. Kept: the',
  'sentence model at 2^17 with weight 0.5 for every reply of several sentences, replacing the',
  '300-character rule (one mechanism; the figures are within noise of keeping both). As shipped, trained',
  'through b298: 93.8% / 2.9% out of fold on 122,686 untuned cases (93.6% / 3.1% before). Also measured:',
  'the operating point (how many misses one false alarm costs, 2 to 6, and the demote cap -1 to 1) moves',
  'the out-of-fold batches meeting the bar only between 46 and 49 of 90: the misses are structural.',
  '',
  "A 'staff-name' cue for a name the reply frames as staff (staff birthdays, engagements and milestones",
  'in own posts read like gossip about a person otherwise), out of fold on 125,000 cases: AUC 0.9922 ->',
  '0.9924, own posts 0.9847 -> 0.9853, standard 94.3% / 2.9% -> 93.9% / 2.7% (thresholds re-chosen). Kept.',
  '',
];

/** The model card (deterministic). */
export function modelCard(t: Trained, curve: CurvePoint[], opts: TrainOptions): string {
  const bySource = new Map<string, { v: number; s: number; es: number }>();
  for (const c of t.cases) {
    const key = c.source.match(/^b\d+$/) ? 'batches (tests/corpus/batches)' : c.source;
    const e = bySource.get(key) ?? { v: 0, s: 0, es: 0 };
    if (c.label === 'violation') e.v++;
    else e.s++;
    if (c.lang === 'es') e.es++;
    bySource.set(key, e);
  }
  const batchNames = [...new Set(t.cases.filter((c) => /^b\d+$/.test(c.source)).map((c) => c.source))].sort();
  const nonzero = t.model.whole.q.reduce((a, x) => a + (x !== 0 ? 1 : 0), 0);
  const th = (l: Strictness) => {
    const c = t.thresholds[l];
    return `| ${l} | ${(100 * BUDGETS[l]).toFixed(1)}% | ${c.add.toFixed(3)} | ${c.demote === null ? 'never' : c.demote.toFixed(3)} | ${cell(c.cv.rules)} | ${cell(c.cv.model)} | ${cell(c.cv.combined)} |`;
  };
  return [
    '# Model card: the learned second opinion (rules/model/)',
    '',
    'Generated by `npm run train` (lib/cli/train.ts); do not edit by hand. Issue #9.',
    '',
    '## What it is',
    '',
    'A logistic regression over the whole reply: hashed word 1-2-grams and character 3-5-grams of a',
    'canonical text (lower-case, accents and look-alikes folded, slang expanded, punctuation read as a',
    'space, digits as 0), plus engineered cues and their pairwise conjunctions: second person (incl.',
    'Spanish tu/usted/su), first person plural, care vocabulary by kind (rules/data/care-terms.ts, the',
    'generated clinical list, a small Spanish list), whose care it is (your / their / a name / your',
    "kin's / the), visit verbs, time anchors, past tense, names (compromise's first-name lexicon, no",
    'parsing), dates, counts, numbers, phone / email / handle / record / URL shapes, feelings,',
    'generic-education, privacy and contact cues, staff, defensive, gossip and testimonial words, and',
    `the reply's length band. Runs of ${APPROVED_RUN} or more words shared with approved template wording (the`,
    "seed's, and in the browser the practice's library) are not read: the model judges what was added.",
    `Group scales: ${JSON.stringify(GROUP_SCALE)}. 2^${BITS} buckets, int8`,
    `(${nonzero} non-zero), one scale; bias ${t.model.whole.b.toFixed(4)}. A per-category head (six one-vs-rest`,
    `logistic rows over the features folded to 2^${HEAD_BITS}) picks the category of a learned finding.`,
    '',
    `A reply of several sentences adds ${SENTENCE_WEIGHT} times the score of its riskiest sentence under a second,`,
    `smaller model (the same features folded to 2^${SENTENCE_BITS}), trained on sentences: a reply of one sentence`,
    'with its label, every sentence of a safe reply as safe, and, where a violation differs from its',
    "writer's safe near-twin in one or two of several sentences, those sentences as violations and the",
    'shared ones as safe. The whole reply dilutes one risky clause among polite boilerplate; the sentence',
    'model finds it, and gives a learned finding its span (the riskiest sentence) and marks.',
    '',
    `Shipped in rules/model/weights.generated.ts as base64: ${t.model.whole.q.length.toLocaleString('en-US')} int8 weights`,
    `(${(t.model.whole.q.length / 1024).toFixed(0)} KB), a ${(t.head.q.length / 1024).toFixed(0)} KB head and the ${(t.model.sentence.q.length / 1024).toFixed(0)} KB sentence model, decoded once on first use; no fetch, no WASM.`,
    '',
    `Training: SGD with L2 (lambda ${opts.lambda}, ${opts.epochs} epochs, eta0 ${opts.eta0}, seed ${opts.seed}),`,
    opts.nb
      ? `with Naive-Bayes feature weighting (NBSVM; smoothing ${opts.nb.alpha}, floor ${opts.nb.floor}: each bucket scaled by floor + |log-count ratio| on the training data, folded into the weights),`
      : 'without feature weighting,',
    'each case plus a punctuation-stripped, lower-cased copy when its features differ. Deterministic:',
    'the same data gives byte-identical weights (tests/unit/model/train.test.ts).',
    '',
    '## Data',
    '',
    '| source | violations | safe | Spanish |',
    '| --- | ---: | ---: | ---: |',
    ...[...bySource].sort().map(([k, e]) => `| ${k} | ${e.v} | ${e.s} | ${e.es} |`),
    `| **total** | ${t.cases.filter((c) => c.label === 'violation').length} | ${t.cases.filter((c) => c.label === 'safe').length} | |`,
    '',
    `Batches: ${batchNames.join(', ') || 'none'}. Borderline cases are not trained on. Never trained on:`,
    '`tests/corpus/fresh-holdout/` (measured only by `npm run train -- --fresh`), nor a batch whose first look is not yet',
    'recorded in tests/corpus/LEDGER.md.',
    '',
    '## Thresholds (chosen by cross-validation on training data only)',
    '',
    `Group-wise ${FOLDS}-fold cross-validation (a writer's batch is never split across folds) gives`,
    'out-of-fold scores. Relaxed and standard take the thresholds with the best combined recall minus',
    `${ALARM_COST.relaxed} (relaxed) or ${ALARM_COST.standard} (standard) times combined false alarms on the training cases the rules were never`,
    "tuned on (holdout + batches); strict, which never demotes, the best recall. All keep the model's own false",
    `alarms on all training safe replies within the budget, demote at most ${pct(MAX_DEMOTED)} of training violations, and`,
    `demote only below a logit of ${DEMOTE_CAP.standard} (standard) or ${DEMOTE_CAP.relaxed} (relaxed): the model must be confident.`,
    'Identifier findings and echoes of the review are never demoted. (Until session 4 combined false alarms',
    'were a hard cap at the budget; once the rules flagged fewer safe replies the cap was met exactly and',
    "left new writers' violations far below the add threshold: b86-b99 in the ledger.)",
    'Out-of-fold figures (recall / false alarms):',
    '',
    `| strictness | budget | add (logit) | demote below | rules | model alone | combined (n=${t.thresholds.standard.cv.n}) |`,
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    th('relaxed'),
    th('standard'),
    th('strict'),
    '',
    `All training cases, out-of-fold, model alone at the standard threshold: ${cell(rates(t.cases, (_, i) => t.oof[i]! >= t.thresholds.standard.add))}; AUC ${auc(t.cases, t.oof).toFixed(4)}.`,
    '',
    '## Learning curve',
    '',
    'A seeded 20% of writer groups held out; growing seeded samples of the rest. Recall read where 3% of',
    'the held-out safe replies are flagged (a curve figure only; nothing is chosen from it).',
    '',
    '| training cases | AUC | recall at 3% false alarms |',
    '| ---: | ---: | ---: |',
    ...curve.map((p) => `| ${p.n} | ${p.auc.toFixed(4)} | ${pct(p.recallAt3)} |`),
    '',
    ...EXPERIMENTS,
    '## Limits',
    '',
    '- It scores the whole reply, plus the riskiest sentence of a reply of several sentences under the',
    '  sentence model (a risky clause buried in boilerplate is diluted in the whole). The span of a',
    '  learned finding is that sentence, and its marks are the words the sentence model weighs most.',
    '- It knows only what the corpora show; rule findings keep their explanations, and the model can',
    "  only demote them when it is confident (strict mode never demotes). It cannot see the practice's",
    '  staff list except through the profile passed to analyze.',
    '',
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const opts = DEFAULT_TRAIN;
  if (args.includes('--ledger') || args.includes('--fresh')) {
    // `--ledger b61 b62`: record only those pending batches (the rest stay pending, never trained on).
    if (args.includes('--ledger'))
      recordPending(
        opts,
        args.filter((a) => /^b\d+$/.test(a)),
      );
    if (args.includes('--fresh')) recordFresh(opts);
    saveRulesCache();
    return;
  }
  const t0 = performance.now();
  const cases = [...baseCorpora(), ...batches().flatMap(([, cs]) => cs)];
  const t = trainModel(cases, opts);
  saveRulesCache();
  const curve = learningCurve(cases, opts);
  fs.writeFileSync(path.join(repoRoot, 'rules/model/weights.generated.ts'), moduleSource(t));
  fs.writeFileSync(path.join(repoRoot, 'rules/model/MODEL_CARD.md'), modelCard(t, curve, opts));
  console.log(`trained on ${t.cases.length} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const l of ['relaxed', 'standard', 'strict'] as Strictness[]) {
    const c = t.thresholds[l];
    console.log(
      `${l.padEnd(9)} add ${c.add.toFixed(3)} demote ${c.demote === null ? 'never' : c.demote.toFixed(3)}  CV on untuned (n=${c.cv.n}): rules ${cell(c.cv.rules)}  model ${cell(c.cv.model)}  combined ${cell(c.cv.combined)}`,
    );
  }
  if (args.includes('--curve')) {
    console.log('learning curve (held-out 20% of writer groups): cases, AUC, recall at 3% false alarms');
    for (const p of curve) console.log(`  ${String(p.n).padStart(6)}  ${p.auc.toFixed(4)}  ${pct(p.recallAt3)}`);
  }
  console.log('wrote rules/model/weights.generated.ts and rules/model/MODEL_CARD.md');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
