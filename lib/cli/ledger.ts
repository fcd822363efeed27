/**
 * The corpus ledger (issue #9): every batch's first-look figures, recorded BEFORE it joins training,
 * and every look at the fresh holdout. Rows live in tests/corpus/ledger.json and are only ever
 * appended: a recorded first look is never recomputed, so later tuning cannot flatter it.
 * tests/corpus/LEDGER.md is rendered from the rows.
 *
 * A batch file in tests/corpus/batches/ without a row is "pending": `npm run train` leaves it out,
 * and `npm run train -- --ledger` measures it with the model as trained on everything recorded
 * (what would ship at that moment), appends its row, and from then on it is training data.
 * `npm run train -- --fresh` measures tests/corpus/fresh-holdout/ the same way and records the
 * look (its number counts how often anyone has seen those figures).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the rows live (append-only). */
export const LEDGER_JSON = path.join(repoRoot, 'tests/corpus/ledger.json');
const LEDGER_MD = path.join(repoRoot, 'tests/corpus/LEDGER.md');

/** Recall on violations / false alarms on safe replies, with the counts behind them. */
export interface RecordedRates {
  recall: number;
  falseAlarms: number;
  violations: number;
  safe: number;
}

/** One recorded measurement. */
export interface LedgerRow {
  /** Batch or fresh-holdout file name (b33, f01) or "all fresh". */
  name: string;
  /** "batch": a training batch's first look; "fresh": a look at the fresh holdout. */
  kind: 'batch' | 'fresh';
  /** UTC date-time it was recorded. */
  recorded: string;
  /** How the figure was obtained (see LEDGER.md's method notes). */
  method: string;
  /** Scored cases the measuring model was trained on. */
  trainedOn: number;
  /** Scored cases measured (borderline excluded). */
  n: number;
  /** For fresh rows: 1 for the first time anyone saw these figures, 2 for the second, ... */
  look?: number;
  rules: RecordedRates;
  model: RecordedRates;
  combined: RecordedRates;
  relaxed: RecordedRates;
}

/** The recorded rows (empty when no ledger exists yet). A broken file stops with a clear message. */
export function readLedger(file = LEDGER_JSON): LedgerRow[] {
  if (!fs.existsSync(file)) return [];
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(o?.rows)) throw new Error('expected {"rows": [...]}');
    return o.rows as LedgerRow[];
  } catch (err) {
    throw new Error(`${path.relative(process.cwd(), file)} is not a readable ledger (${(err as Error).message})`);
  }
}

/** Names of the batches whose first look is recorded: only these are training data. */
export function recordedBatches(rows = readLedger()): Set<string> {
  return new Set(rows.filter((r) => r.kind === 'batch').map((r) => r.name));
}

/**
 * Corpus files still being written: untracked or changed since the last commit. A first look is
 * recorded only for a committed file, so a writer's half-finished batch is never measured.
 */
export function unfinished(dir: string): Set<string> {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return new Set(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => path.basename(l.slice(3).trim()).replace(/\.jsonl$/, '')),
    );
  } catch {
    // Not a git checkout (a copied tree): every file counts as finished.
    return new Set();
  }
}

/** Appends rows (never rewrites an existing one) and re-renders LEDGER.md. */
export function appendRows(added: readonly LedgerRow[], file = LEDGER_JSON, md = LEDGER_MD): void {
  const rows = readLedger(file);
  const have = new Set(rows.filter((r) => r.kind === 'batch').map((r) => r.name));
  for (const r of added) {
    if (r.kind === 'batch' && have.has(r.name)) throw new Error(`ledger: ${r.name} already has its first look`);
  }
  const all = [...rows, ...added];
  fs.writeFileSync(file, `${JSON.stringify({ rows: all }, null, 2)}\n`);
  fs.writeFileSync(md, renderLedger(all));
}

/** The next look number for a fresh-holdout file. */
export function nextLook(name: string, rows = readLedger()): number {
  return rows.filter((r) => r.kind === 'fresh' && r.name === name).reduce((m, r) => Math.max(m, r.look ?? 1), 0) + 1;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (r: RecordedRates) => `${pct(r.recall)} / ${pct(r.falseAlarms)}`;

/** Pools rows by counts (not by averaging percentages). */
export function pool(rows: readonly LedgerRow[]): Pick<LedgerRow, 'rules' | 'model' | 'combined' | 'relaxed'> {
  const one = (k: 'rules' | 'model' | 'combined' | 'relaxed'): RecordedRates => {
    let v = 0;
    let c = 0;
    let s = 0;
    let f = 0;
    for (const r of rows) {
      v += r[k].violations;
      c += Math.round(r[k].recall * r[k].violations);
      s += r[k].safe;
      f += Math.round(r[k].falseAlarms * r[k].safe);
    }
    return { recall: v ? c / v : 0, falseAlarms: s ? f / s : 0, violations: v, safe: s };
  };
  return { rules: one('rules'), model: one('model'), combined: one('combined'), relaxed: one('relaxed') };
}

/** Method notes, keyed by a row's `method`. */
const METHODS: Record<string, string> = {
  replay:
    'Replayed in name order at the end of session 2: trained (as `npm run train` did then) on the base corpora plus the batches before it only, measured before it joined training.',
  'fresh-2':
    'Written as fresh holdout in session 2 and never trained on; measured with the final session-2 model. Its figures had been seen once before (first look pooled 86.2% / 3.2%), so this is a second look. It then joined training.',
  shipped:
    'Measured with the model trained on every recorded batch (what `npm run train` ships at that moment), before the batch joined training.',
};

/** LEDGER.md from the rows. */
export function renderLedger(rows: readonly LedgerRow[]): string {
  const batchesRows = rows.filter((r) => r.kind === 'batch');
  const fresh = rows.filter((r) => r.kind === 'fresh');
  const byMethod = [...new Set(batchesRows.map((r) => r.method))];
  const line = (r: LedgerRow) =>
    `| ${r.name} | ${r.method} | ${r.recorded.slice(0, 16).replace('T', ' ')} | ${r.trainedOn} | ${r.n} | ${cell(r.rules)} | ${cell(r.model)} | ${cell(r.combined)} | ${cell(r.relaxed)} |`;
  const pooledLine = (label: string, rs: readonly LedgerRow[]) => {
    const p = pool(rs);
    return `| **${label}** | | | | ${rs.reduce((a, r) => a + r.n, 0)} | ${cell(p.rules)} | ${cell(p.model)} | ${cell(p.combined)} | ${cell(p.relaxed)} |`;
  };
  const head = [
    '| file | method | recorded (UTC) | trained on | n | rules | model alone | combined | combined, relaxed thresholds |',
    '| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |',
  ];
  return [
    '# Corpus ledger: every batch at first look (issue #9)',
    '',
    'Rendered from `tests/corpus/ledger.json` by `npm run train -- --ledger` / `--fresh` (lib/cli/ledger.ts);',
    'do not edit by hand. Rows are only ever appended: a first look is recorded once, before the batch joins',
    'training, and never recomputed. A batch file without a row is pending and is not trained on.',
    '',
    'Figures are recall on violations / false alarms on safe replies (borderline cases are not scored), at',
    'the standard strictness unless marked relaxed. "combined" is what `analyze` returns (a rule finding',
    'stands unless the model is confident the reply is safe; when the rules are silent the model adds a',
    'finding above its high threshold). "Relaxed thresholds" applies the relaxed demote/add thresholds to the',
    'same rule findings. Every first look was recorded before anyone tuned the rules or the model on that',
    "batch; later rule changes were found by reading some recorded batches' misses and false alarms and",
    'judged on all untuned training cases (MODEL_CARD.md and the commit messages say which).',
    '',
    '## Methods',
    '',
    ...[...new Set(rows.map((r) => r.method))].map((m) => `- **${m}**: ${METHODS[m] ?? m}`),
    '',
    '## Training batches, first look',
    '',
    ...head,
    ...batchesRows.map(line),
    ...byMethod.map((m) =>
      pooledLine(
        `pooled, ${m}`,
        batchesRows.filter((r) => r.method === m),
      ),
    ),
    batchesRows.length ? pooledLine('pooled, all', batchesRows) : '',
    '',
    '## Fresh holdout (`tests/corpus/fresh-holdout/`): every look',
    '',
    'Never trained on and never used to choose anything. Look 1 is the first time anyone saw the figure.',
    '',
    '| file | look | recorded (UTC) | trained on | n | rules | model alone | combined | combined, relaxed thresholds |',
    '| --- | ---: | --- | ---: | ---: | --- | --- | --- | --- |',
    ...fresh.map(
      (r) =>
        `| ${r.name} | ${r.look ?? 1} | ${r.recorded.slice(0, 16).replace('T', ' ')} | ${r.trainedOn} | ${r.n} | ${cell(r.rules)} | ${cell(r.model)} | ${cell(r.combined)} | ${cell(r.relaxed)} |`,
    ),
    '',
  ].join('\n');
}
