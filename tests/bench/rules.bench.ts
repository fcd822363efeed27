/**
 * `npm run bench` (rules part): prints figures for issues #3 and #9, no assertions. Every time is
 * also given as a ratio to ONE compromise parse of a 1,000-character reply measured in the same
 * run, so the figures mean the same on a busy or a quiet machine. The ratios are paired: each
 * run of a measured operation is timed between baseline parses (the median of five right around
 * it is its unit) and a figure is the median of the per-run ratios, so load that comes and goes
 * during the bench hits the measured work and its baseline alike instead of skewing one of them.
 * Each cold run starts after a full garbage collection (untimed).
 *  - full analyze of a 1,000-character reply (median, cold cache), rules + learned model, and the
 *    rules alone (target: <= 1.5 parses with the model);
 *  - per keystroke while typing that reply character by character (median and p95; target p95
 *    <= 0.3 parse): typed three times, each keystroke's ratio to the parse timed next to it, the
 *    median over the three typings per keystroke, then the p95 over keystrokes (a keystroke that
 *    is slow every time counts; a scheduler hiccup in one typing does not). The p95 of a single
 *    typing is printed too;
 *  - 10 KB and 100 KB inputs (cold cache; target 100 KB <= 60 parses) and their per-KB ratio
 *    (linear growth: close to 1), a harder 100 KB (the rules' own examples, one per line, every
 *    line new; target <= 60 parses, and how many of its sentences compromise had to parse),
 *    plus the dense pastes of issue #9: one risky sentence repeated to 100 KB, with
 *    and without punctuation (target < 1 s and linear);
 *  - module start-up (import + first analyze) in a fresh child process, on an esbuild bundle of
 *    rules/index.ts as the content script would ship it, and the same bundle without the model
 *    (what the model adds: target <= +50 ms), plus bundle sizes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import nlp from 'compromise';
import { build, type Plugin } from 'esbuild';
import { normalize } from '../../rules/engine/normalize';
import { parsesSoFar } from '../../rules/engine/parse';
import { segment } from '../../rules/engine/segment';
import { readsAsOnePost } from '../../rules/engine/whole-post';
import { analyze, analyzeRules, resetCache, rules } from '../../rules/index';
import { MODEL_MAX_CHARS } from '../../rules/model/combine';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SENTENCES = [
  'Thanks a million for such a thoughtful note about our practice and our people.',
  'We are so glad your crown feels comfortable and that the whole visit went smoothly for you.',
  'Dr. Patel says hi and hopes the new night guard is helping with the jaw soreness you mentioned.',
  'Our front desk team also wanted me to pass along how much they enjoyed chatting with you.',
  'Please remember that we are open early on Tuesdays and Thursdays if mornings work better.',
  'If you have any questions at all, you can reach our office manager, Dana, at (555) 010-2000.',
  'We offer same-day crowns, Invisalign, whitening and gentle sedation for anxious patients.',
  'Regular cleanings every six months help prevent gum disease and catch small problems early.',
  'We will see you at your next cleaning in the spring, and thank you again for trusting us.',
  'Feedback like yours truly makes our day, and we will share it at our Monday huddle.',
  'Our records show the insurance claim was resubmitted last week, so the balance should clear.',
  'Wishing you and your family a wonderful season, from all of us at Maple Grove Dental.',
];

function reply(chars: number, salt = 0): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) {
    const s = SENTENCES[(i + salt) % SENTENCES.length]!;
    // Vary each sentence so a long input has no repeats for the cache to exploit.
    out += `${s.replace(/\.$/, '')} (${i + salt * 7}). `;
  }
  return out.slice(0, chars);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
};
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

// A full garbage collection before each cold run (untimed), so a run does not pay for the
// garbage of the one before it: on a long input that was most of the spread between runs.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Empties the rules' caches and collects garbage, before a cold run. */
function cold(): void {
  resetCache();
  collect();
}

/** The 1,000-character reply whose parse is the unit of every ratio. */
const BASE_TEXT = reply(1000);
/** Every baseline parse timed in the run (for the printed "one compromise parse" figure). */
const parses: number[] = [];

/** Times one compromise parse of the 1,000-character reply. */
function timeParse(): number {
  const ms = time(() => nlp(BASE_TEXT));
  parses.push(ms);
  return ms;
}

/** A measured operation: its median time and the median of its paired ratios to one parse. */
interface Paired {
  ms: number;
  ratio: number;
}

/** The local unit: the median of `k` baseline parses timed back to back. */
function localParses(k: number): number[] {
  return Array.from({ length: k }, () => timeParse());
}

/**
 * Runs `op` n times, `setup` untimed before each run (e.g. emptying the cache). Each run is
 * paired with five baseline parses right around it (two before and three after, or the other
 * way round, alternating), and its ratio is to their median: one parse is short enough to land
 * in a lull or a burst of load that the longer run around it averages out. The figure is the
 * median of the per-run ratios.
 */
function paired(n: number, op: (i: number) => void, setup?: (i: number) => void): Paired {
  const ms: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = localParses(i % 2 === 0 ? 2 : 3);
    setup?.(i);
    const t = time(() => op(i));
    const after = localParses(i % 2 === 0 ? 3 : 2);
    ms.push(t);
    ratios.push(t / median([...before, ...after]));
  }
  return { ms: median(ms), ratio: median(ratios) };
}

/** Keystroke figures: median and p95, in ms and in parses. */
interface Keystrokes {
  median: number;
  p95: number;
  medianRatio: number;
  p95Ratio: number;
  /** p95 of the first typing alone, in parses (no median over typings). */
  singleP95Ratio: number;
}

/**
 * Types `text` character by character `passes` times (cold cache each time), timing `fn` per
 * keystroke. Three parses are timed every BLOCK keystrokes; each keystroke's ratio is to the
 * median of the six parses before and after its block. Per keystroke the median over the
 * passes is kept.
 */
function typing(text: string, fn: (prefix: string) => void, passes = 3): Keystrokes {
  const BLOCK = 50;
  const ms: number[][] = [];
  const ratios: number[][] = [];
  for (let pass = 0; pass < passes; pass++) {
    resetCache();
    const passMs: number[] = [];
    const passRatios: number[] = [];
    let before = localParses(3);
    for (let b = 1; b <= text.length; b += BLOCK) {
      const block: number[] = [];
      for (let i = b; i < Math.min(b + BLOCK, text.length + 1); i++) {
        const prefix = text.slice(0, i);
        block.push(time(() => fn(prefix)));
      }
      const after = localParses(3);
      const unit = median([...before, ...after]);
      for (const t of block) {
        passMs.push(t);
        passRatios.push(t / unit);
      }
      before = after;
    }
    ms.push(passMs);
    ratios.push(passRatios);
  }
  const perKey = (runs: number[][]) => runs[0]!.map((_, i) => median(runs.map((r) => r[i]!)));
  const keyMs = perKey(ms);
  const keyRatios = perKey(ratios);
  return {
    median: median(keyMs),
    p95: p95(keyMs),
    medianRatio: median(keyRatios),
    p95Ratio: p95(keyRatios),
    singleP95Ratio: p95(ratios[0]!),
  };
}

async function main(): Promise<void> {
  const text = BASE_TEXT;
  // Warm up the JIT, lazy tables and compromise.
  for (let i = 0; i < 5; i++) {
    resetCache();
    analyze(reply(1000, i + 1));
    nlp(reply(1000, i + 1)).json();
  }

  const full = paired(
    25,
    () => analyze(text),
    () => cold(),
  );
  const rulesOnly = paired(
    25,
    () => analyzeRules(text),
    () => cold(),
  );

  const ks = typing(text, (prefix) => analyze(prefix));
  const rks = typing(text, (prefix) => analyzeRules(prefix));

  // Each repetition reads a different text of the same size (a new salt), so nothing is cached.
  const sizes = [1_000, 10_000, 100_000].map((n) => {
    const reps = n >= 100_000 ? 7 : 9;
    const texts = Array.from({ length: reps }, (_, i) => reply(n, 3 + i));
    return [
      n,
      paired(
        reps,
        (i) => analyze(texts[i]!),
        () => cold(),
      ),
    ] as const;
  });
  // A harder 100 KB: the rules' own flag and pass examples, one per line, each made new by a
  // number (names, dates, risky clauses: far more sentences need compromise than in a reply).
  // (Not the examples read as a whole post, a stated authorization or a week in review: one of them
  // would change how the whole 100 KB is read.)
  const examples = rules
    .flatMap((r) => [...r.examples.flag, ...r.examples.pass])
    .filter((t) => !readsAsOnePost(normalize(t).text));
  const exampleText = (salt: number) => {
    const lines: string[] = [];
    let length = 0;
    for (let k = 0; length < 100_000; k++) {
      const line = examples[(k + salt) % examples.length]!.replace(/([.!?]*)$/, ` (${k + salt * 10_000})$1`);
      lines.push(line);
      length += line.length + 1;
    }
    return lines.join('\n').slice(0, 100_000);
  };
  const exampleTexts = Array.from({ length: 5 }, (_, i) => exampleText(i));
  let exampleFindings = 0;
  // How many of its sentences need compromise at all (cold, untimed): the cost the gates save.
  resetCache();
  const parsedBefore = parsesSoFar();
  analyze(exampleTexts[0]!);
  const hardParsed = parsesSoFar() - parsedBefore;
  const hardSentences = segment(normalize(exampleTexts[0]!).text).length;
  const hard = paired(
    5,
    (i) => {
      exampleFindings = analyze(exampleTexts[i]!).findings.length;
    },
    () => cold(),
  );
  // Issue #9: a paste of one risky sentence repeated (thousands of findings), and the same with no
  // sentence ends at all (one endless "sentence").
  const risky = 'So sorry your crown came loose, Maria, we saw you last Tuesday! ';
  const dense = (kb: number, s: string) => s.repeat(Math.ceil((kb * 1000) / s.length)).slice(0, kb * 1000);
  const denseRuns = [
    ['one risky sentence repeated', risky],
    ['the same, no punctuation', risky.replace(/[,!]/g, '')],
  ].map(([label, s]) => {
    const r = [10, 100].map((kb) => {
      const input = dense(kb, s!);
      let findings = 0;
      const m = paired(
        5,
        () => {
          findings = analyze(input).findings.length;
        },
        () => cold(),
      );
      return { kb, ms: m.ms, ratio: m.ratio, findings };
    });
    return { label: label!, r };
  });

  // Start-up: bundle the module as the content script would ship it, then import it fresh.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-bench-'));
  const bundle = path.join(dir, 'rules.mjs');
  const modelBundle = path.join(dir, 'model.mjs');
  const opts = { bundle: true, format: 'esm', platform: 'neutral', minify: true, logLevel: 'silent' } as const;
  await build({ ...opts, entryPoints: [path.join(repoRoot, 'rules/index.ts')], outfile: bundle });
  // The rules without the model: the same module with only analyzeRules kept (esbuild drops the
  // rest), and the weights emptied: top-level reads of MODEL keep its module in any bundle.
  const noWeights: Plugin = {
    name: 'no-weights',
    setup(b) {
      b.onLoad({ filter: /weights\.generated\.ts$/ }, (a) => ({
        contents: fs.readFileSync(a.path, 'utf8').replace(/'[A-Za-z0-9+/=]{64,}'/g, "''"),
        loader: 'ts',
      }));
    },
  };
  await build({
    ...opts,
    plugins: [noWeights],
    stdin: {
      contents: `export { analyzeRules as analyze } from ${JSON.stringify(path.join(repoRoot, 'rules/index.ts'))};`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    outfile: modelBundle,
  });
  const probe = path.join(dir, 'probe.mjs');
  fs.writeFileSync(
    probe,
    // With the model, the rules run first on their own, so the model's first scoring (decoding the
    // weights, one reply scored) is timed inside the process, apart from compromise's warm-up.
    `const text = 'Thank you for coming in! Sorry your crown came loose.';
const t0 = performance.now();
const m = await import(${JSON.stringify(bundle)});
const t1 = performance.now();
if (m.analyzeRules) m.analyzeRules(text);
const t2 = performance.now();
m.analyze(text);
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstAnalyzeMs: t3 - t1, modelMs: m.analyzeRules ? t3 - t2 : 0 }));`,
  );
  const modelProbe = path.join(dir, 'model-probe.mjs');
  fs.writeFileSync(
    modelProbe,
    fs.readFileSync(probe, 'utf8').replace(JSON.stringify(bundle), JSON.stringify(modelBundle)),
  );
  // Interleaved, so a change in machine load hits both bundles alike.
  type StartUp = { importMs: number; firstAnalyzeMs: number; modelMs: number };
  const runs: StartUp[] = [];
  const modelRuns: StartUp[] = [];
  // Which bundle goes first alternates, so a pair's difference is not biased by the order.
  for (let i = 0; i < 15; i++) {
    const run = (file: string) => JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));
    if (i % 2 === 0) {
      runs.push(run(probe));
      modelRuns.push(run(modelProbe));
    } else {
      modelRuns.push(run(modelProbe));
      runs.push(run(probe));
    }
  }
  const importMs = median(runs.map((r) => r.importMs));
  const firstMs = median(runs.map((r) => r.firstAnalyzeMs));
  const rulesStart = {
    importMs: median(modelRuns.map((r) => r.importMs)),
    firstMs: median(modelRuns.map((r) => r.firstAnalyzeMs)),
  };
  const bundleKb = fs.statSync(bundle).size / 1024;
  const rulesKb = fs.statSync(modelBundle).size / 1024;
  const weightsKb = fs.statSync(path.join(repoRoot, 'rules/model/weights.generated.ts')).size / 1024;
  const listKb = fs.statSync(path.join(repoRoot, 'rules/data/medical-terms.generated.ts')).size / 1024;
  fs.rmSync(dir, { recursive: true, force: true });

  const parse = median(parses);
  const ratio = (r: number) => `${r.toFixed(2)} parses`;
  console.log('rules bench (this machine, same run; ratios are to one compromise parse of 1,000 chars)');
  console.log(
    `  one compromise parse, 1,000 chars     ${fmt(parse)} (median of ${parses.length}, each timed next to the work it is the unit for)`,
  );
  console.log(
    `  full analyze, 1,000 chars (cold)      ${fmt(full.ms)}  = ${ratio(full.ratio)} (target <= 1.5, rules + model)`,
  );
  console.log(`  rules alone, 1,000 chars (cold)       ${fmt(rulesOnly.ms)}  = ${ratio(rulesOnly.ratio)}`);
  console.log(
    `  per keystroke, typing 1,000 chars     median ${fmt(ks.median)} (${ks.medianRatio.toFixed(3)} parse), p95 ${fmt(ks.p95)} (${ks.p95Ratio.toFixed(3)} parse) (target p95 <= 0.3 parse)`,
  );
  console.log(
    `  per keystroke, rules alone            median ${fmt(rks.median)} (${rks.medianRatio.toFixed(3)} parse), p95 ${fmt(rks.p95)} (${rks.p95Ratio.toFixed(3)} parse)`,
  );
  console.log(
    `  per keystroke, one typing only        p95 ${ks.singleP95Ratio.toFixed(3)} parse with the model, ${rks.singleP95Ratio.toFixed(3)} parse rules alone (no median over typings: load spikes included)`,
  );
  for (const [n, m] of sizes) {
    console.log(
      `  ${String(n / 1000).padStart(4)} KB input (cold)               ${fmt(m.ms)}  = ${ratio(m.ratio).padEnd(13)} (${(m.ms / (n / 1000)).toFixed(2)} ms per KB)${n === 100_000 ? ` (target <= 60 parses; above ${MODEL_MAX_CHARS.toLocaleString('en-US')} chars the model steps aside)` : ''}`,
    );
  }
  console.log(
    `  100 KB of the rules' examples (cold)  ${fmt(hard.ms)}  = ${ratio(hard.ratio).padEnd(13)} (${exampleFindings} findings; every line new, many need compromise; ${hardParsed} of ${hardSentences} sentences parsed by compromise)`,
  );
  // Per-KB cost in parses (load-robust), 100 KB against 10 KB.
  const perKb = (n: number) => sizes.find(([k]) => k === n)![1].ratio / (n / 1000);
  console.log(
    `  linearity: 100 KB vs 10 KB per-KB cost  ${(perKb(100_000) / perKb(10_000)).toFixed(2)} (1.00 = linear)`,
  );
  for (const d of denseRuns) {
    const [a, b] = d.r;
    console.log(
      `  dense, ${d.label.padEnd(28)} 10 KB ${fmt(a!.ms)}, 100 KB ${fmt(b!.ms)} = ${ratio(b!.ratio)} (${b!.findings} findings); per-KB ratio ${(b!.ratio / 100 / (a!.ratio / 10)).toFixed(2)} (target < 1 s, linear)`,
    );
  }
  console.log(
    `  start-up (fresh process, bundle)      import ${fmt(importMs)} + first analyze ${fmt(firstMs)} = ${fmt(importMs + firstMs)}`,
  );
  const without = rulesStart.importMs + rulesStart.firstMs;
  // What the model adds, in two steadier parts than the difference of two whole start-ups (which
  // carries compromise's warm-up twice): loading its weights with the module (the median of the
  // per-pair import differences; each pair ran back to back) and its first scoring, timed in process.
  const importAdded = median(runs.map((r, i) => r.importMs - modelRuns[i]!.importMs));
  const scoringMs = median(runs.map((r) => r.modelMs));
  const endToEnd = median(
    runs.map((r, i) => r.importMs + r.firstAnalyzeMs - modelRuns[i]!.importMs - modelRuns[i]!.firstAnalyzeMs),
  );
  console.log(
    `  start-up, rules alone (same bundle without the model) import ${fmt(rulesStart.importMs)} + first analyze ${fmt(rulesStart.firstMs)} = ${fmt(without)}`,
  );
  console.log(
    `  start-up, what the model adds         ${fmt(importAdded + scoringMs)} = import ${fmt(importAdded)} + first scoring ${fmt(scoringMs)} (target <= +50 ms); whole start-ups differ by ${fmt(endToEnd)} (noisier)`,
  );
  console.log(
    `  bundle (rules + model + compromise)   ${bundleKb.toFixed(0)} KB; without the model ${rulesKb.toFixed(0)} KB; weights source ${weightsKb.toFixed(0)} KB; generated medical list source ${listKb.toFixed(0)} KB`,
  );
}

void main();
