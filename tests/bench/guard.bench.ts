/**
 * `npm run bench` (guard part): issue #4's cost figures, in Chromium with the built extension on
 * the site replicas (as tests/e2e does), no assertions:
 *  - content-script start-up on a guarded page WITHOUT a reply box (DevTools trace: the script's
 *    EvaluateScript, i.e. parse + compile + run, and its v8.compile part), median of several page
 *    loads, against a baseline: the same build with an empty content script;
 *  - loading the engine (rules, templates, overlay) once a page has a reply box, and the idle-time
 *    warm-up of the rules that follows (total, and its longest slice);
 *  - in-page analysis per pause while a 1,000-character reply is written sentence by sentence
 *    (first pause, median, max), as the guard measures it on the page's timeline.
 * Always builds the extension first, into $WXT_OUT_DIR (default .output-bench, shared with the log
 * bench), so the figures never come from a stale build.
 * GUARD_BENCH_COMPARE=<unpacked extension dir> adds the same rows for another build (e.g. older).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, REPLICA_ROUTES } from '../e2e/harness';
import { type ContentScriptCost, traceContentScript } from '../e2e/replicas/guard-helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = process.env.WXT_OUT_DIR || '.output-bench';
const extensionDir = path.resolve(repoRoot, outDir, 'chrome-mv3');
const LOADS = 7;
const PAUSES_TEXT = reply(1000);

function reply(chars: number): string {
  const sentences = [
    'Thank you so much for taking the time to write such a thoughtful review of our practice.',
    'We are so glad the whole visit went smoothly and that our team made you feel welcome.',
    'Our front desk team also wanted me to pass along how much they enjoyed chatting with you.',
    'Please remember that we are open early on Tuesdays and Thursdays if mornings work better.',
    'If you have any questions at all, you can reach our office manager, Dana, at (555) 010-2000.',
    'We offer same-day crowns, Invisalign, whitening and gentle sedation for anxious patients.',
    'Regular cleanings every six months help prevent gum disease and catch small problems early.',
    'Feedback like yours truly makes our day, and we will share it at our Monday huddle.',
    'Wishing you and your family a wonderful season, from all of us at Maple Grove Dental.',
  ];
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${sentences[i % sentences.length]} `;
  return out.slice(0, chars);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;

/** The content script's main-thread cost on one load of a page without a reply box. */
async function startUp(context: BrowserContext, extensionId: string): Promise<ContentScriptCost> {
  const page = await context.newPage();
  // Callbacks (settings answers, observers, timers) run after the evaluate, within the 400 ms.
  const cost = await traceContentScript(page, extensionId, REPLICA_ROUTES.yelpNoBox, () => page.waitForTimeout(400));
  await page.close();
  return cost;
}

/** Waits for a measure on the page's timeline (the guard's own), or null after `ms`. */
async function measure(page: Page, name: string, ms = 15_000, after = -1) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const m = await page.evaluate(
      ([n, t]) => {
        const e = performance.getEntriesByName(n).at(-1) as PerformanceMeasure | undefined;
        return e && e.startTime > t ? { start: e.startTime, duration: e.duration, detail: e.detail } : null;
      },
      [name, after] as const,
    );
    if (m) return m;
    await page.waitForTimeout(20);
  }
  return null;
}

/** Engine load, warm-up, and analysis per pause on the Yelp replica. */
async function withBox(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(REPLICA_ROUTES.yelp);
  const load = await measure(page, 'reply-guard:load-rules');
  const warm = await measure(page, 'reply-guard:warm-up', 10_000);
  const box = page.getByRole('textbox', { name: 'Public comment' });
  await box.click();
  const pauses: number[] = [];
  let last = -1;
  // One pause per sentence: the text so far lands at once, then the guard's quiet time passes.
  const ends = [...PAUSES_TEXT.matchAll(/\. |$/g)].map((m) => m.index + m[0].length).filter((n) => n > 0);
  for (const end of ends) {
    await box.fill(PAUSES_TEXT.slice(0, end));
    const m = await measure(page, 'reply-guard:analyze', 5000, last);
    if (!m) continue;
    last = m.start;
    pauses.push(m.duration);
  }
  await page.close();
  return {
    load: load?.duration ?? Number.NaN,
    warm: warm?.duration ?? Number.NaN,
    warmSlice: (warm?.detail as { longestSliceMs?: number } | null)?.longestSliceMs ?? Number.NaN,
    pauses,
  };
}

/** A copy of the build whose content script does nothing: the baseline start-up. */
function baselineOf(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-bench-baseline-'));
  fs.cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
  for (const cs of manifest.content_scripts)
    for (const js of cs.js) fs.writeFileSync(path.join(copy, js), '(()=>{})();');
  return copy;
}

async function run(label: string, dir: string, full: boolean): Promise<void> {
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    // One load first: the browser's own first-navigation costs are not the script's.
    await startUp(context, extensionId);
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await startUp(context, extensionId));
    const size = fs.statSync(path.join(dir, 'content-scripts/reply-guard.js')).size / 1024;
    console.log(
      `  ${label.padEnd(28)} start-up, page without a reply box: evaluate ${fmt(median(loads.map((l) => l.evaluate)))} (compile ${fmt(median(loads.map((l) => l.compile)))}) + later callbacks ${fmt(median(loads.map((l) => l.callbacks)))}, median of ${LOADS}; content script ${size.toFixed(0)} KB`,
    );
    if (!full) return;
    const b = await withBox(context);
    console.log(`  ${''.padEnd(28)} engine load once a reply box appears     ${fmt(b.load)}`);
    console.log(
      `  ${''.padEnd(28)} rules warm-up in idle time               ${fmt(b.warm)} (longest slice ${fmt(b.warmSlice)})`,
    );
    console.log(
      `  ${''.padEnd(28)} analysis per pause, 1,000-char reply     first ${fmt(b.pauses[0] ?? Number.NaN)}, median ${fmt(median(b.pauses))}, max ${fmt(Math.max(...b.pauses))} (${b.pauses.length} pauses)`,
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, WXT_OUT_DIR: outDir },
  });
  const baseline = baselineOf(extensionDir);
  console.log('guard bench (Chromium, Yelp replica, this machine)');
  try {
    await run('baseline (empty script)', baseline, false);
    await run(`this build (${outDir})`, extensionDir, true);
    const other = process.env.GUARD_BENCH_COMPARE;
    if (other) await run(`compare (${path.basename(other)})`, path.resolve(other), true);
  } finally {
    fs.rmSync(baseline, { recursive: true, force: true });
  }
}

void main();
