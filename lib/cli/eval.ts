/**
 * `npm run eval [-- path.jsonl ...] [--quiet]`: measures the rules module against labelled
 * corpora (shared/spec/detection-policy.md format). For each corpus it prints, for the rules
 * alone, the learned model alone and the two combined as `analyze` returns them (issue #9):
 * recall on violations, false alarms on safe replies, borderline flagged, per-category recall
 * and figures per length band; then the rule findings the model demoted to hints, and a
 * robustness line (of the violations flagged, the share still flagged with punctuation stripped
 * and the text lower-cased; target >= 95%). Without --quiet it lists the combined misses and
 * false alarms. Default corpus: ../shared/corpus/dev.jsonl beside the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../../rules/engine/normalize';
import { resolveOptions } from '../../rules/engine/options';
import { analyze, analyzeRules } from '../../rules/index';
import { stripPunctuation } from '../../rules/model/features';
import { scoreReply, thresholdsFor } from '../../rules/model/index';
import type { AnalyzeOptions } from '../../rules/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Case {
  id: string;
  text: string;
  label: 'violation' | 'safe' | 'borderline';
  categories?: string[];
  context?: AnalyzeOptions['context'];
  profile?: AnalyzeOptions['profile'];
  settings?: AnalyzeOptions['settings'];
  reviewText?: string;
  reviewAuthor?: string;
}

/** Counts for one detector over one corpus. */
export interface Tally {
  violations: number;
  caught: number;
  safe: number;
  falseAlarms: number;
  borderline: number;
  borderlineFlagged: number;
  perCategory: Record<string, { total: number; caught: number }>;
  perBand: Record<string, { violations: number; caught: number; safe: number; falseAlarms: number }>;
}

/** Result of one corpus: the three detectors, hints and robustness. */
export interface EvalResult {
  file: string;
  rules: Tally;
  model: Tally;
  combined: Tally;
  /** Replies whose rule findings were demoted to hints: violations (recall lost) and safe (alarms saved). */
  demoted: { violations: number; safe: number; borderline: number };
  /** Violations flagged by analyze, and how many stay flagged with punctuation stripped and lower-cased. */
  robust: { flagged: number; kept: number };
  misses: Case[];
  alarms: Case[];
}

/** Reads a JSONL corpus, skipping malformed lines with a warning. */
export function readCorpus(file: string): Case[] {
  const out: Case[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const c = JSON.parse(line) as Case;
        if (typeof c?.text !== 'string') throw new Error('no text');
        out.push(c);
      } catch {
        console.error(`${file}:${i + 1}: malformed JSON, skipped`);
      }
    });
  return out;
}

function optionsOf(c: Case): AnalyzeOptions {
  const context =
    c.context ??
    (c.reviewText || c.reviewAuthor ? { reviewText: c.reviewText, reviewAuthor: c.reviewAuthor } : undefined);
  return { profile: c.profile, settings: c.settings, context };
}

/** Length bands of issue #9's coverage matrix (terse to long with a buried clause). */
export function band(text: string): string {
  const n = text.length;
  return n < 60 ? '<60' : n < 150 ? '60-149' : n < 400 ? '150-399' : '400+';
}
const BANDS = ['<60', '60-149', '150-399', '400+'];

function tally(): Tally {
  return {
    violations: 0,
    caught: 0,
    safe: 0,
    falseAlarms: 0,
    borderline: 0,
    borderlineFlagged: 0,
    perCategory: {},
    perBand: {},
  };
}

function count(t: Tally, c: Case, flagged: boolean): void {
  const key = band(c.text);
  t.perBand[key] ??= { violations: 0, caught: 0, safe: 0, falseAlarms: 0 };
  const b = t.perBand[key];
  if (c.label === 'violation') {
    t.violations++;
    b.violations++;
    if (flagged) {
      t.caught++;
      b.caught++;
    }
    for (const cat of c.categories ?? []) {
      t.perCategory[cat] ??= { total: 0, caught: 0 };
      t.perCategory[cat].total++;
      if (flagged) t.perCategory[cat].caught++;
    }
  } else if (c.label === 'safe') {
    t.safe++;
    b.safe++;
    if (flagged) {
      t.falseAlarms++;
      b.falseAlarms++;
    }
  } else {
    t.borderline++;
    if (flagged) t.borderlineFlagged++;
  }
}

/** The model alone: its score against the add threshold of the strictness in use. */
function modelFlags(c: Case, o: AnalyzeOptions): boolean {
  const r = resolveOptions(o);
  return scoreReply(normalize(c.text).text, r.staffWords).score >= thresholdsFor(r.strictness).add;
}

/** Evaluates one corpus file. */
export function evaluate(file: string): EvalResult {
  const r: EvalResult = {
    file,
    rules: tally(),
    model: tally(),
    combined: tally(),
    demoted: { violations: 0, safe: 0, borderline: 0 },
    robust: { flagged: 0, kept: 0 },
    misses: [],
    alarms: [],
  };
  for (const c of readCorpus(file)) {
    const o = optionsOf(c);
    const a = analyze(c.text, o);
    const flagged = a.verdict !== 'ok';
    count(r.rules, c, analyzeRules(c.text, o).verdict !== 'ok');
    count(r.model, c, modelFlags(c, o));
    count(r.combined, c, flagged);
    if (a.hints?.length) {
      if (c.label === 'violation') r.demoted.violations++;
      else if (c.label === 'safe') r.demoted.safe++;
      else r.demoted.borderline++;
    }
    if (c.label === 'violation') {
      if (flagged) {
        r.robust.flagged++;
        if (analyze(stripPunctuation(c.text), o).verdict !== 'ok') r.robust.kept++;
      } else r.misses.push(c);
    } else if (c.label === 'safe' && flagged) r.alarms.push(c);
  }
  return r;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const pair = (t: Tally) =>
  `${pct(t.caught, t.violations).padStart(6)} / ${pct(t.falseAlarms, t.safe).padStart(5)}`.padEnd(16);

function print(r: EvalResult, quiet: boolean): void {
  const { rules, model, combined } = r;
  console.log(`\n== ${path.relative(process.cwd(), r.file) || r.file}`);
  console.log(
    `cases: ${combined.violations} violations, ${combined.safe} safe, ${combined.borderline} borderline (not scored)`,
  );
  console.log('recall / false alarms       rules            model alone      combined (analyze)');
  console.log(`  all                       ${pair(rules)} ${pair(model)} ${pair(combined)}`);
  console.log(
    `  counts                    ${`${rules.caught}/${rules.violations}, ${rules.falseAlarms}/${rules.safe}`.padEnd(16)} ${`${model.caught}/${model.violations}, ${model.falseAlarms}/${model.safe}`.padEnd(16)} ${combined.caught}/${combined.violations}, ${combined.falseAlarms}/${combined.safe}`,
  );
  console.log(
    `  borderline flagged        ${pct(rules.borderlineFlagged, rules.borderline).padEnd(16)} ${pct(model.borderlineFlagged, model.borderline).padEnd(16)} ${pct(combined.borderlineFlagged, combined.borderline)}`,
  );
  console.log('per category recall');
  for (const cat of Object.keys(combined.perCategory).sort()) {
    const f = (t: Tally) => {
      const v = t.perCategory[cat] ?? { total: 0, caught: 0 };
      return `${pct(v.caught, v.total).padStart(6)} (${v.caught}/${v.total})`.padEnd(17);
    };
    console.log(`  ${cat.padEnd(34)}${f(rules)}${f(model)}${f(combined)}`);
  }
  console.log('per length band (recall / false alarms)');
  for (const b of BANDS) {
    const f = (t: Tally) => {
      const v = t.perBand[b];
      return v
        ? `${pct(v.caught, v.violations).padStart(6)} / ${pct(v.falseAlarms, v.safe).padStart(5)}`.padEnd(17)
        : '';
    };
    const n = combined.perBand[b];
    if (n) console.log(`  ${`${b} chars (${n.violations}+${n.safe})`.padEnd(26)}${f(rules)}${f(model)}${f(combined)}`);
  }
  console.log(
    `demoted to hints          : ${r.demoted.violations} violations (recall lost), ${r.demoted.safe} safe (false alarms saved), ${r.demoted.borderline} borderline`,
  );
  console.log(
    `robustness                : ${pct(r.robust.kept, r.robust.flagged)} of flagged violations stay flagged with punctuation stripped and lower-cased (${r.robust.kept}/${r.robust.flagged}; target >= 95%)`,
  );
  if (quiet) return;
  if (r.misses.length) console.log('\nMISSES (violations answered ok):');
  for (const c of r.misses) console.log(`  ${c.id} [${(c.categories ?? []).join(',')}] ${c.text}`);
  if (r.alarms.length) console.log('\nFALSE ALARMS (safe replies flagged):');
  for (const c of r.alarms) {
    const a = analyze(c.text, optionsOf(c));
    console.log(`  ${c.id} ${c.text}`);
    for (const f of a.findings) console.log(`      ↳ ${f.ruleId} ${f.severity} "${f.actual}"`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) files.push(path.resolve(repoRoot, '../shared/corpus/dev.jsonl'));
  for (const f of files) {
    const file = path.resolve(process.cwd(), f);
    if (!fs.existsSync(file)) {
      console.error(`eval: no such corpus ${file}`);
      process.exitCode = 1;
      continue;
    }
    print(evaluate(file), quiet);
  }
}

// A closed pipe (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
main();
