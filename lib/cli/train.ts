/**
 * `npm run train`: trains the learned second opinion (issue #9) and writes
 * rules/model/weights.generated.ts (int8 weights, head, thresholds) and rules/model/MODEL_CARD.md.
 *   npm run train                 train on every training corpus, write weights + card
 *   npm run train -- --curve      also print the learning curve (always written in the card)
 *   npm run train -- --ledger     record the first look of every pending batch (a batch file with
 *                                 no ledger row) before it joins training (lib/cli/ledger.ts);
 *                                 `--ledger b61 b62` records only those
 *   npm run train -- --fresh      record one look at tests/corpus/fresh-holdout/ (with --ledger: one
 *                                 model, trained on what was recorded before either, measures both)
 * Training data: tests/corpus/policy-cases.jsonl, tests/corpus/holdout.jsonl,
 * ../shared/corpus/dev.jsonl (skipped with a message if absent), the shipped templates and the
 * batches in tests/corpus/batches/ whose first look is recorded in tests/corpus/ledger.json.
 * tests/corpus/fresh-holdout/ is NEVER trained on and never used to choose anything.
 * Deterministic: the same data gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TRAIN } from '../../rules/model/learn';
import type { Strictness } from '../../rules/types';
import { cell, modelCard, moduleSource, pct } from '../train/card';
import { baseCorpora, batches, readJsonl, repoRoot, type TrainCase } from '../train/corpus';
import { learningCurve, type Rates, rates, scored, scoreQ, type Trained, trainModel } from '../train/fit';
import { combinedFlag, rulesAnswer, saveRulesCache } from '../train/rules-answers';
import { appendRows, type LedgerRow, nextLook, readLedger, unfinished } from './ledger';

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
function recordPending(trained: () => [Trained, number], only: readonly string[] = []): void {
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
  const [t, n] = trained();
  appendRows(measureRows(t, pending, 'batch', n));
  console.log(`ledger: recorded ${pending.map(([n]) => n).join(', ')}; they are training data from now on`);
}

/** `--fresh`: one recorded look at the fresh holdout with the model trained on everything recorded. */
function recordFresh(trained: () => [Trained, number]): void {
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
  const [t, n] = trained();
  const rows = readLedger();
  const look = (name: string) => nextLook(name, rows);
  const all: [string, TrainCase[]] = ['all fresh', sets.flatMap(([, cs]) => cs)];
  appendRows(measureRows(t, [...sets, all], 'fresh', n, look));
}

function main(): void {
  const args = process.argv.slice(2);
  const opts = DEFAULT_TRAIN;
  if (args.includes('--ledger') || args.includes('--fresh')) {
    // Both looks use the model trained on everything recorded before either (trained once, on demand).
    let model: [Trained, number] | undefined;
    const trained = (): [Trained, number] => {
      if (!model) {
        const training = [...baseCorpora(), ...batches().flatMap(([, cs]) => cs)];
        model = [trainModel(training, opts, false), scored(training).length];
      }
      return model;
    };
    // `--ledger b61 b62`: record only those pending batches (the rest stay pending, never trained on).
    if (args.includes('--ledger'))
      recordPending(
        trained,
        args.filter((a) => /^b\d+$/.test(a)),
      );
    if (args.includes('--fresh')) recordFresh(trained);
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
