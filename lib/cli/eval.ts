/**
 * `npm run eval [-- path.jsonl ...] [--quiet]`: measures the rules module against labelled
 * corpora (shared/spec/detection-policy.md format). Prints recall on violations, false-alarm
 * rate on safe replies, borderline flagged, per-category recall, and lists misses and false
 * alarms for tuning. Default corpus: ../shared/corpus/dev.jsonl beside the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../rules/index';
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

/** Result of one corpus. */
export interface EvalResult {
  file: string;
  violations: number;
  caught: number;
  safe: number;
  falseAlarms: number;
  borderline: number;
  borderlineFlagged: number;
  perCategory: Record<string, { total: number; caught: number }>;
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
        out.push(JSON.parse(line) as Case);
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

/** Evaluates one corpus file. */
export function evaluate(file: string): EvalResult {
  const r: EvalResult = {
    file,
    violations: 0,
    caught: 0,
    safe: 0,
    falseAlarms: 0,
    borderline: 0,
    borderlineFlagged: 0,
    perCategory: {},
    misses: [],
    alarms: [],
  };
  for (const c of readCorpus(file)) {
    const flagged = analyze(c.text, optionsOf(c)).verdict !== 'ok';
    if (c.label === 'violation') {
      r.violations++;
      if (flagged) r.caught++;
      else r.misses.push(c);
      for (const cat of c.categories ?? []) {
        r.perCategory[cat] ??= { total: 0, caught: 0 };
        r.perCategory[cat].total++;
        if (flagged) r.perCategory[cat].caught++;
      }
    } else if (c.label === 'safe') {
      r.safe++;
      if (flagged) {
        r.falseAlarms++;
        r.alarms.push(c);
      }
    } else {
      r.borderline++;
      if (flagged) r.borderlineFlagged++;
    }
  }
  return r;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

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
    const r = evaluate(file);
    console.log(`\n== ${path.relative(process.cwd(), file) || file}`);
    console.log(`recall on violations : ${pct(r.caught, r.violations)} (${r.caught}/${r.violations})`);
    console.log(`false alarms on safe : ${pct(r.falseAlarms, r.safe)} (${r.falseAlarms}/${r.safe})`);
    console.log(
      `borderline flagged   : ${pct(r.borderlineFlagged, r.borderline)} (${r.borderlineFlagged}/${r.borderline}, not scored)`,
    );
    console.log('per category recall  :');
    for (const [cat, v] of Object.entries(r.perCategory).sort()) {
      console.log(`  ${cat.padEnd(36)} ${pct(v.caught, v.total).padStart(6)} (${v.caught}/${v.total})`);
    }
    if (!quiet) {
      if (r.misses.length) console.log('\nMISSES (violations answered ok):');
      for (const c of r.misses) console.log(`  ${c.id} [${(c.categories ?? []).join(',')}] ${c.text}`);
      if (r.alarms.length) console.log('\nFALSE ALARMS (safe replies flagged):');
      for (const c of r.alarms) {
        const a = analyze(c.text, optionsOf(c));
        console.log(`  ${c.id} ${c.text}`);
        for (const f of a.findings) console.log(`      ↳ ${f.ruleId} ${f.severity} "${f.actual}"`);
      }
    }
  }
}

// A closed pipe (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
main();
