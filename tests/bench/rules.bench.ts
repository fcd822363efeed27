/**
 * `npm run bench` (rules part): prints figures for issue #3, no assertions.
 *  - full analyze of a 1,000-character reply (median, cold cache) and its ratio to ONE compromise
 *    parse of the same text measured in the same run;
 *  - per keystroke while typing that reply character by character (median and p95 of the
 *    re-analysis after each added character), also as a ratio to one parse;
 *  - module start-up (import + first analyze) in a fresh child process, on an esbuild bundle of
 *    rules/index.ts as the content script would ship it, plus the bundle size;
 *  - 10 KB and 100 KB inputs (cold cache), to show linear growth.
 * Targets: keystroke p95 <= 2 ms and <= 0.3 parse; full analysis <= 1.5 parses; 100 KB < 1 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { build } from 'esbuild';
import { analyze, resetCache } from '../../rules/index';

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

async function main(): Promise<void> {
  const text = reply(1000);
  // Warm up the JIT, lazy tables and compromise.
  for (let i = 0; i < 5; i++) {
    resetCache();
    analyze(reply(1000, i + 1));
    nlp(reply(1000, i + 1)).json();
  }

  const parse = median(Array.from({ length: 25 }, () => time(() => nlp(text))));
  const full = median(
    Array.from({ length: 25 }, () => {
      resetCache();
      return time(() => analyze(text));
    }),
  );

  resetCache();
  const keystrokes: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    const prefix = text.slice(0, i);
    keystrokes.push(time(() => analyze(prefix)));
  }

  const sizes = [1_000, 10_000, 100_000].map((n) => {
    const t = reply(n, 3);
    resetCache();
    return [n, time(() => analyze(t))] as const;
  });

  // Start-up: bundle the module as the content script would ship it, then import it fresh.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-bench-'));
  const bundle = path.join(dir, 'rules.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'rules/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    outfile: bundle,
    logLevel: 'silent',
  });
  const probe = path.join(dir, 'probe.mjs');
  fs.writeFileSync(
    probe,
    `const t0 = performance.now();
const m = await import(${JSON.stringify(bundle)});
const t1 = performance.now();
m.analyze('Thank you for coming in! Sorry your crown came loose.');
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstAnalyzeMs: t2 - t1 }));`,
  );
  const runs = Array.from({ length: 5 }, () =>
    JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })),
  );
  const importMs = median(runs.map((r) => r.importMs));
  const firstMs = median(runs.map((r) => r.firstAnalyzeMs));
  const bundleKb = fs.statSync(bundle).size / 1024;
  const listKb = fs.statSync(path.join(repoRoot, 'rules/data/medical-terms.generated.ts')).size / 1024;
  fs.rmSync(dir, { recursive: true, force: true });

  const ks = { median: median(keystrokes), p95: p95(keystrokes) };
  console.log('rules bench (this machine, same run)');
  console.log(`  one compromise parse, 1,000 chars     ${fmt(parse)}`);
  console.log(
    `  full analyze, 1,000 chars (cold)      ${fmt(full)}  = ${(full / parse).toFixed(2)} parses (target <= 1.5)`,
  );
  console.log(
    `  per keystroke, typing 1,000 chars     median ${fmt(ks.median)} (${(ks.median / parse).toFixed(3)} parse), p95 ${fmt(ks.p95)} (${(ks.p95 / parse).toFixed(3)} parse) (target p95 <= 2 ms and <= 0.3 parse)`,
  );
  console.log(
    `  start-up (fresh process, bundle)      import ${fmt(importMs)} + first analyze ${fmt(firstMs)} = ${fmt(importMs + firstMs)}`,
  );
  console.log(
    `  bundle (rules + compromise, minified) ${bundleKb.toFixed(0)} KB; generated medical list source ${listKb.toFixed(0)} KB`,
  );
  for (const [n, ms] of sizes) {
    console.log(
      `  ${String(n / 1000).padStart(4)} KB input (cold)               ${fmt(ms)}  (${(ms / (n / 1000)).toFixed(2)} ms per KB)`,
    );
  }
}

void main();
