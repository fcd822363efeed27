/**
 * Interaction log and dashboard figures (issue #6). Printed, not asserted.
 *
 *   npx tsx tests/bench/log.bench.ts        (also the second half of `npm run bench`)
 *
 * Node part: appends with fake-indexeddb (an in-memory IndexedDB in plain JS: it measures our
 * code's overhead, not a browser's storage), filters and exports over 100,000 records.
 * Chromium part (the real thing): builds the extension into $WXT_OUT_DIR (default .output-bench),
 * loads it in Debian's Chromium, appends through the real background service worker, seeds
 * 100,000 records into the extension's IndexedDB, then times the dashboard's first rows, scrolling,
 * a filter and "Export CSV". Targets: first render < 500 ms, export < 3 s.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViewRecord } from '../../lib/dashboard/filter';
import { filterRecords, NO_FILTERS } from '../../lib/dashboard/filter';
import { auditReport, flagsPerWeek, quarterOf } from '../../lib/dashboard/stats';
import { LogDb } from '../../lib/db';
import { toCsv, toJsonLines } from '../../lib/export';
import { parseJsonLines } from '../../lib/import';
import { appendInteraction } from '../../lib/log';
import { launchWithExtension } from '../e2e/harness';
import { seedLog, syntheticChain, syntheticInputs } from '../e2e/log-seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = 100_000;
const rows: Array<[string, string, string]> = [];
const report = (what: string, value: string, note = '') => {
  rows.push([what, value, note]);
  console.log(`  ${what.padEnd(58)} ${value.padStart(14)}  ${note}`);
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

async function nodePart() {
  console.log('\nInteraction log — Node (fake-indexeddb, in-memory; our code path, not a browser disk)');
  const settings = { log: { retentionDays: 400, textMode: 'redacted' as const }, staffMember: 'Bench' };
  const inputs = syntheticInputs(2000).map((x) => x.input);
  {
    const db = new LogDb(`bench-seq-${Date.now()}`);
    const [, t] = await time(async () => {
      for (const i of inputs.slice(0, 1000)) await appendInteraction(i, settings, db);
    });
    report('append, one after another (fake-indexeddb)', `${Math.round(1000 / (t / 1000))} rec/s`, '1,000 appends');
    db.close();
  }
  {
    const db = new LogDb(`bench-par-${Date.now()}`);
    const [, t] = await time(() => Promise.all(inputs.map((i) => appendInteraction(i, settings, db))));
    report(
      'append, 2,000 at once from "many tabs" (fake-indexeddb)',
      `${Math.round(2000 / (t / 1000))} rec/s`,
      'serialized chain',
    );
    db.close();
  }
  const [chain, tChain] = await time(() => syntheticChain(N, { days: 400 }));
  report('build + hash a 100,000-record chain (synchronous SHA-256)', ms(tChain));
  const view: ViewRecord[] = chain.map((r) => ({ ...r, workstation: 'ws-bench', imported: false })).reverse();
  const [, tFilter] = await time(() => filterRecords(view, { ...NO_FILTERS, site: 'yelp', category: 'care-details' }));
  report('filter 100,000 records (site + category)', ms(tFilter));
  const [, tWeeks] = await time(() => flagsPerWeek(view));
  report('chart data: flags per week by category, 100,000', ms(tWeeks));
  const [, tAudit] = await time(() => auditReport(view, quarterOf(Date.now())));
  report('quarterly audit report figures, 100,000', ms(tAudit));
  const [csv, tCsv] = await time(() => toCsv(view));
  report('CSV of 100,000 records (papaparse unparse)', ms(tCsv), `${(csv.length / 1e6).toFixed(1)} MB`);
  const [jsonl, tJson] = await time(() => toJsonLines(view));
  report('JSON Lines of 100,000 records', ms(tJson), `${(jsonl.length / 1e6).toFixed(1)} MB`);
  const [, tParse] = await time(() => parseJsonLines(jsonl, 'bench'));
  report('parse + check a 100,000-line import', ms(tParse));
}

async function chromiumPart() {
  const outDir = process.env.WXT_OUT_DIR || '.output-bench';
  console.log(
    `\nInteraction log — real Chromium (${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}, build in ${outDir})`,
  );
  if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
    console.log('  Chromium not found: skipped (apt-get install -y chromium, or set CHROMIUM_PATH).');
    return;
  }
  execFileSync('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, WXT_OUT_DIR: outDir }, stdio: 'ignore' });
  const { context, extensionId } = await launchWithExtension(path.join(root, outDir, 'chrome-mv3'));
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    const dashboard = `chrome-extension://${extensionId}/dashboard.html`;
    await page.goto(dashboard);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Through the real background: message → validation → hash chain → IndexedDB (strict durability).
    const inputs = syntheticInputs(600, { seed: 3 }).map((x) => x.input);
    const send = (batch: unknown[], parallel: boolean) =>
      page.evaluate(
        async ({ batch, parallel }) => {
          const rt = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
          ).chrome.runtime;
          const t = performance.now();
          const res = parallel
            ? await Promise.all(batch.map((input) => rt.sendMessage({ type: 'log-interaction', input })))
            : [];
          if (!parallel) for (const input of batch) res.push(await rt.sendMessage({ type: 'log-interaction', input }));
          if (!res.every((r) => r.ok)) throw new Error('an append failed');
          return performance.now() - t;
        },
        { batch, parallel },
      );
    await send(inputs.slice(0, 20), false); // warm up the worker (first storage.managed read is slow)
    const tSeq = await send(inputs.slice(20, 220), false);
    report(
      'append via background, one after another',
      `${Math.round(200 / (tSeq / 1000))} rec/s`,
      '200 messages, ack = committed',
    );
    const tPar = await send(inputs.slice(220, 600), true);
    report(
      'append via background, 380 at once (many tabs)',
      `${Math.round(380 / (tPar / 1000))} rec/s`,
      'one linear chain',
    );

    const [, tSeed] = await time(() => seedLog(page, N - 600, { days: 400, seed: 5 }));
    report('seed the rest of 100,000 records into IndexedDB (bench setup)', ms(tSeed));

    // First render: navigation start → first table rows in the DOM (performance.mark in LogTable).
    const first: number[] = [];
    const all: number[] = [];
    const verified: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(dashboard);
      await page.locator('tbody tr[data-index="0"]').waitFor();
      await page.getByText(/Log verified: 100,000 records/).waitFor({ timeout: 120_000 });
      const marks = await page.evaluate(() => ({
        first: performance.getEntriesByName('rg-first-rows')[0]?.startTime ?? Number.NaN,
        all: performance.getEntriesByName('rg-all-loaded')[0]?.startTime ?? Number.NaN,
        now: performance.now(),
      }));
      first.push(marks.first);
      all.push(marks.all);
      verified.push(marks.now);
    }
    report(
      'dashboard first rows visible, 100,000 records (median of 3)',
      ms(median(first)),
      `target < 500 ms; runs ${first.map((x) => Math.round(x)).join(', ')}`,
    );
    report('dashboard all 100,000 loaded (filters and charts ready)', ms(median(all)));
    report(
      'dashboard chain verified, 100,000 records (≤)',
      ms(median(verified)),
      'synchronous SHA-256 in 5,000-record slices',
    );

    // Scrolling: a fast, steady scroll (400 px, ten rows, per frame); frame times from rAF.
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('.rg-scroller')!;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        scroller.scrollTop += 400;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      scroller.scrollTop = 0;
      return times.sort((a, b) => a - b);
    });
    report(
      'scroll the table, 100,000 records: frame time p50 / p95',
      `${frames[60]!.toFixed(1)} / ${frames[114]!.toFixed(1)} ms`,
      '120 frames at 400 px a frame; 16.7 ms = 60 fps',
    );

    // Filter: from the change to the new count on screen (includes one CDP round trip).
    const count = page.locator('.rg-count');
    const filterTimes: number[] = [];
    for (const [label, value] of [
      ['Site', 'yelp'],
      ['Category', 'care-details'],
      ['Outcome', 'overridden'],
    ] as const) {
      const before = await count.textContent();
      const t = performance.now();
      await page.getByLabel(label).selectOption(value);
      await page.waitForFunction((b) => document.querySelector('.rg-count')?.textContent !== b, before);
      filterTimes.push(performance.now() - t);
    }
    report(
      'filter on the dashboard, 100,000 records (median of 3)',
      ms(median(filterTimes)),
      'change → new count shown',
    );
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Export: click → download ready, all 100,000 rows.
    const t = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const file = await download.path();
    const tExport = performance.now() - t;
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n').length - 1;
    report(
      'Export CSV of 100,000 records (click → file)',
      ms(tExport),
      `target < 3 s; ${lines.toLocaleString('en-US')} rows`,
    );
  } finally {
    await context.close();
  }
}

await nodePart();
await chromiumPart();
