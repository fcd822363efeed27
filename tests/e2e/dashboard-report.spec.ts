import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { quarterOf } from '../../lib/dashboard/stats';
import { expect, launchWithExtension, test } from './harness';
import { seedLog, writeRecords } from './log-seed';

/** The extension API inside the page (the project has no @types/chrome; this is all the tests use). */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
};

// Issue #11: the printed quarterly report (summary page first, page numbers, practice and quarter
// on every page), the time-bomb import, and truncation found against a checkpoint.

/**
 * The text of each page of a PDF Chromium printed (Skia: Flate streams, Type0 fonts with
 * ToUnicode maps). Small on purpose: enough to read what the report printed, no new dependency.
 */
function pdfPages(pdf: Buffer): string[] {
  const bin = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(bin); m; m = head.exec(bin)) {
    const start = m.index + m[0].length;
    const end = bin.indexOf('endobj', start);
    const s = bin.indexOf('stream', start);
    if (s !== -1 && s < end && bin.slice(start, s).includes('<<')) {
      const dataStart = s + (bin[s + 6] === '\r' ? 8 : 7);
      const dataEnd = bin.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      const dict = bin.slice(start, s);
      let stream: Buffer = raw;
      if (dict.includes('/FlateDecode')) {
        try {
          stream = zlib.inflateSync(raw);
        } catch {
          stream = Buffer.alloc(0);
        }
      }
      objects.set(Number(m[1]), { dict, stream });
    } else {
      objects.set(Number(m[1]), { dict: bin.slice(start, end) });
    }
    head.lastIndex = end;
  }
  const ref = (dict: string, key: string) => {
    const r = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return r ? Number(r[1]) : undefined;
  };
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontObj: number) => {
    if (cmaps.has(fontObj)) return cmaps.get(fontObj)!;
    const map = new Map<number, string>();
    const tu = ref(objects.get(fontObj)?.dict ?? '', 'ToUnicode');
    const text = tu === undefined ? '' : (objects.get(tu)?.stream?.toString('latin1') ?? '');
    const hex = (h: string) => parseInt(h, 16);
    const uni = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(p[1]!), uni(p[2]!));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
        const lo = hex(p[1]!);
        const hi = hex(p[2]!);
        if (p[3]!.startsWith('[')) {
          const items = [...p[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => uni(x[1]!));
          for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? '');
        } else {
          const base = hex(p[3]!.slice(1, -1));
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
        }
      }
    }
    cmaps.set(fontObj, map);
    return map;
  };
  const pageText = (pageObj: number) => {
    const dict = objects.get(pageObj)!.dict;
    let resources = dict;
    const resRef = ref(dict, 'Resources');
    if (resRef !== undefined) resources = objects.get(resRef)!.dict;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fonts.set(f[1]!, Number(f[2]));
    const contents = /\/Contents\s+(\d+) 0 R/.exec(dict);
    const content = contents ? (objects.get(Number(contents[1]))?.stream?.toString('latin1') ?? '') : '';
    let font: Map<number, string> = new Map();
    let out = '';
    const decode = (h: string) => (h.match(/.{1,4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join('');
    const tokens = /\/(\w+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|(-?[\d.]+)|\b(BT|ET|Td|TD|T\*|Tm)\b|(\])/g;
    for (const t of content.matchAll(tokens)) {
      if (t[1]) font = cmapOf(fonts.get(t[1]) ?? -1);
      else if (t[2] !== undefined) out += decode(t[2]);
      else if (t[3] !== undefined && Number(t[3]) < -200 && !out.endsWith(' ')) out += '';
      else if (t[4] === 'BT' || t[4] === 'Td' || t[4] === 'TD' || t[4] === 'T*' || t[4] === 'Tm') out += '\n';
    }
    return out.replace(/\n{2,}/g, '\n');
  };
  // The page tree, in order, from the catalog's /Pages.
  const pages: number[] = [];
  const walk = (n: number) => {
    const d = objects.get(n)?.dict ?? '';
    if (/\/Type\s*\/Pages\b/.test(d)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(d)) pages.push(n);
  };
  const root = [...objects.entries()].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict));
  walk(ref(root?.[1].dict ?? '', 'Pages') ?? -1);
  return pages.map(pageText);
}

test('the quarterly report prints a summary page first, then the appendix, with page numbers, practice and quarter on every page', async ({
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() =>
    chrome.storage.local.set({ settings: { profile: { name: 'Bright Smile Dental', staff: [] } } }),
  );
  // Records in the last full quarter, and a few in the quarter under way (which the report leaves out).
  const now = Date.now();
  const cur = quarterOf(now);
  const last = quarterOf(cur.start - 1);
  await seedLog(page, 500, { days: 85, end: last.end - 86_400_000, seed: 5 });
  await seedLog(page, 40, { days: Math.max(1, Math.floor((now - cur.start) / 86_400_000)), seed: 6 });
  await page.reload();
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  const report = page.getByRole('article', { name: /Quarterly audit report/ });
  // The log loads and the report's code arrives lazily: on a busy 2-core machine this takes a while.
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Quarter' })).toHaveValue(last.key);
  await expect(report.getByTestId('report-practice')).toHaveText('Bright Smile Dental');
  await expect(report.getByTestId('report-checkpoint').first()).toContainText('Reply Guard checkpoint ws-');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/dashboard-report.pdf', pdf);
  if (process.env.RG_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.RG_SCREENSHOTS}/report-print.png`, fullPage: true });
  const pages = pdfPages(pdf);
  // Chromium places some runs glyph by glyph and uses ligatures (ﬁ): compare without spaces, NFKC.
  const squash = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
  const flat = pages.map(squash);
  const has = (i: number, text: string) => expect(flat[i], `page ${i + 1}`).toContain(squash(text));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  // Short: the summary on one page, a compact appendix (500 or more replies in the quarter).
  expect(pages.length).toBeLessThanOrEqual(20);
  has(0, `Quarterly audit report: ${last.short}`);
  // Other tests in this worker's browser may have logged too: the page's own figure, as printed.
  const checked = (await report.locator('.rg-report-figures li').first().textContent())!;
  expect(Number(checked.replace(/\D/g, ''))).toBeGreaterThanOrEqual(500);
  has(0, checked);
  has(0, 'Posted anyway, by reason');
  has(0, 'Guard switched off');
  has(0, 'By staff member');
  has(0, 'Reply Guard checkpoint ws-');
  // The whole summary (down to the sign-off) on page 1; the appendix starts on page 2.
  has(0, 'Reviewed by');
  expect(flat[0]).not.toContain('Appendix');
  expect(flat[1]).not.toContain('Reviewedby');
  has(1, 'Appendix: each flagged or overridden reply');
  for (let i = 0; i < pages.length; i++) {
    has(i, `Page ${i + 1} of ${pages.length}`);
    has(i, `Bright Smile Dental · ${last.short} audit report`);
  }
});

/**
 * A browser of its own for a test that damages the log on purpose (a wiped or truncated chain, a
 * time-bomb record), so the other specs sharing the worker's browser never see the damage.
 */
async function ownBrowser() {
  const ext = await launchWithExtension();
  const page = await ext.context.newPage();
  return { page, extensionId: ext.extensionId, close: () => ext.context.close() };
}

test('a time-bomb import is refused, and a record that slipped in anyway does not blank the dashboard', async () => {
  const { page, extensionId, close } = await ownBrowser();
  try {
    await timeBomb(page, extensionId);
  } finally {
    await close();
  }
});

async function timeBomb(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const [good] = await seedLog(page, 1, { days: 1, seed: 3 });
  const bomb = { ...good!, id: 'bomb-1', seq: 1, time: 9007199254740991, workstation: 'ws-bomb' };
  await page.getByTestId('import-input').setInputFiles({
    name: 'bomb.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${JSON.stringify(bomb)}\n`),
  });
  const refused = page.getByRole('alert').filter({ hasText: 'Nothing was imported from bomb.jsonl' });
  await expect(refused).toContainText('not a plausible date');

  // The second line: a record written past every check (DevTools, an old version) still cannot blank the page.
  await writeRecords(page, [bomb], 'imported');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.rg-count')).toHaveText(/records$/);
  await page.getByRole('button', { name: 'Quarterly audit report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Integrity and workstations' }).click();
  const row = page.getByRole('row', { name: /ws-bomb/ });
  await row.getByRole('button', { name: "Remove this workstation's records" }).click();
  await row.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText(/Removed 1 record imported from ws-bomb/)).toBeVisible();
}

test('truncation and a wipe are found against an earlier checkpoint', async () => {
  const { page, extensionId, close } = await ownBrowser();
  try {
    await truncationAndWipe(page, extensionId);
  } finally {
    await close();
  }
});

async function truncationAndWipe(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seedLog(page, 30, { days: 5, seed: 9 });
  await page.reload();
  await page.getByRole('button', { name: 'Integrity and workstations' }).click();
  await expect(page.getByTestId('checkpoint-hash')).toHaveText(/^[0-9a-f]{64}$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save checkpoint file' }).click(),
  ]);
  const checkpointJson = fs.readFileSync((await download.path())!, 'utf8');
  const cp = JSON.parse(checkpointJson) as { seq: number; workstation: string };
  expect(cp.seq).toBeGreaterThanOrEqual(30);

  // Nothing changed yet: consistent.
  await page.getByTestId('checkpoint-input').setInputFiles({
    name: 'checkpoint.json',
    mimeType: 'application/json',
    buffer: Buffer.from(checkpointJson),
  });
  const result = page.getByRole('status', { name: 'Checkpoint result' });
  await expect(result).toContainText('Nothing missing or changed since');

  // Someone deletes the newest three records from the extension's database.
  await page.evaluate(async (fromSeq) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('reply-guard-log');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('interactions', 'readwrite');
      tx.objectStore('interactions').index('seq').openCursor(IDBKeyRange.lowerBound(fromSeq)).onsuccess = (e) => {
        const cur = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (cur) {
          cur.delete();
          cur.continue();
        }
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, cp.seq - 2);
  await page.getByTestId('checkpoint-input').setInputFiles({
    name: 'checkpoint.json',
    mimeType: 'application/json',
    buffer: Buffer.from(checkpointJson),
  });
  await expect(result).toContainText('Records are missing or changed since');
  await expect(result).toContainText('The newest records were deleted');
  await expect(result).toContainText(`#${cp.seq - 2}`);

  // The whole log wiped: the printed checkpoint line, pasted, finds it.
  const line = (await page
    .getByText(/^Reply Guard checkpoint ws-/)
    .first()
    .textContent())!;
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('reply-guard-log');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('interactions', 'readwrite');
      tx.objectStore('interactions').clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.getByLabel('Or paste a checkpoint').fill(checkpointLine(checkpointJson, line));
  await page.getByRole('button', { name: 'Check pasted checkpoint' }).click();
  await expect(result).toContainText('The log was wiped since this checkpoint');
}

/** The text form of the saved checkpoint (the same line a report prints), from the page's own line's format. */
function checkpointLine(json: string, example: string): string {
  const cp = JSON.parse(json) as { workstation: string; seq: number; hash: string; createdAt: number };
  expect(example).toMatch(/^Reply Guard checkpoint ws-/);
  return `Reply Guard checkpoint ${cp.workstation} #${cp.seq} sha256:${cp.hash} ${new Date(cp.createdAt).toISOString()}`;
}
