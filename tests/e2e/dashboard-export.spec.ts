import fs from 'node:fs';
import { expect, test } from './harness';
import { seedLog } from './log-seed';

/** The extension API inside the page (the project has no @types/chrome; this is all the tests use). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

// Issue #6 contract: "Export CSV" and "Export JSON" download the filtered log; imports merge;
// the chain status points at tampering.

test('Export CSV and Export JSON download the filtered log; a JSON export imports elsewhere', async ({
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/dashboard/i);
  const seeded = await seedLog(page, 300, { days: 60, seed: 11 });
  await page.reload();
  await expect(page.getByText(/Log verified: [\d,]+ records/)).toBeVisible();

  // Filter to one site: the exports hold exactly what is shown.
  await page.getByRole('combobox', { name: /^Site/ }).selectOption('yelp');
  const yelp = seeded.filter((r) => r.site === 'yelp').length;
  // Other tests in this worker's browser may have logged records too: read the count shown.
  const count = page.locator('.rg-count');
  await expect(count).toHaveText(/^[\d,]+ of [\d,]+ records$/);
  const shown = Number((await count.textContent())!.split(' of ')[0]!.replace(/,/g, ''));
  expect(shown).toBeGreaterThanOrEqual(yelp);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^reply-guard-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  const lines = text.trimEnd().split('\r\n');
  // Every cell quoted (issue #11); the contract's first seven columns first.
  expect(lines[0]).toMatch(
    /^"time","site","verdict","categories","rules","outcome","reason","reviewer","text","link","staff","draftId",/,
  );
  // Exactly the records shown: all Yelp, as many as the count says.
  expect(lines.slice(1).every((l) => l.split(',')[1] === '"yelp"')).toBe(true);
  expect(lines.length - 1).toBe(shown);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/\.jsonl$/);
  const jsonl = fs.readFileSync((await json.path())!, 'utf8');
  const [header, ...records] = jsonl
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  // The first line is the signed header with this workstation's checkpoint (issue #11).
  expect(header).toMatchObject({ format: 'reply-guard-log', version: 2, filtered: true, count: records.length });
  expect(header.checkpoint).toMatchObject({ format: 'reply-guard-checkpoint', workstation: header.workstation });
  expect(header.checkpoint.seq).toBeGreaterThanOrEqual(Math.max(...records.map((r) => r.seq)));
  expect(header.signature.length).toBeGreaterThan(40);
  expect(records.length).toBe(lines.length - 1);
  expect(Object.keys(records[0]).sort()).toEqual(
    [
      'v',
      'id',
      'seq',
      'workstation',
      'kind',
      'time',
      'site',
      'pageKind',
      'url',
      'link',
      'reviewer',
      'verdict',
      'categories',
      'rules',
      'outcome',
      'reason',
      'staff',
      'textMode',
      'text',
      'fingerprint',
      'draftId',
      'durationMs',
      'extensionVersion',
      'prevHash',
      'hash',
    ].sort(),
  );
  // No fingerprint is a plain SHA-256 of the text it stands for.
  for (const r of records.slice(0, 20)) {
    if (!r.fingerprint) continue;
    const sha = await page.evaluate(async (t) => {
      const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t));
      return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, r.text as string);
    expect(r.fingerprint).not.toBe(sha);
  }

  // Importing this browser's own export adds nothing (same ids).
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'own.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
  await expect(page.getByRole('status').filter({ hasText: /Imported 0 records/ })).toBeVisible();

  // A file from another workstation merges into the view and is checked as its own chain. These
  // records had their ids changed after hashing, so that chain must show as altered.
  const other = records.map((r) => ({ ...r, id: `other-${r.id}`, workstation: 'ws-reception' }));
  await page.getByTestId('import-input').setInputFiles({
    name: 'reception.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(other.map((r) => JSON.stringify(r)).join('\n')),
  });
  await expect(page.getByText(`Imported ${other.length} records from ws-reception`)).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: /Imported from ws-reception: Log altered: first broken record #/ }),
  ).toBeVisible();

  // The time bomb (a record dated 9007199254740991) is refused with a message, and the page still works.
  await page.getByTestId('import-input').setInputFiles({
    name: 'bomb.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(JSON.stringify({ ...other[0], id: 'bomb', seq: 999_999, time: 9_007_199_254_740_991 })),
  });
  await expect(
    page.getByRole('alert').filter({
      hasText: /Nothing was imported from bomb.jsonl\. Line 1: the time 9007199254740991 is not a plausible date/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Interaction log' })).toBeVisible();

  // A corrupt file changes nothing and says which line is wrong.
  await page.getByTestId('import-input').setInputFiles({
    name: 'broken.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${JSON.stringify({ ...records[0], workstation: 'ws-other' })}\n{oops\n`),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Nothing was imported from broken.jsonl. Line 2 is not valid JSON' }),
  ).toBeVisible();
});

test('the chain status points to the first altered record', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  // A few records through the real path, so this test stands on its own.
  for (let i = 0; i < 6; i++) {
    await page.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'log-interaction',
      input: {
        site: 'yelp',
        pageKind: 'public-comment',
        url: 'https://biz.yelp.com/r',
        verdict: 'ok',
        categories: [],
        rules: [],
        outcome: 'posted',
        text: `Thanks ${i}`,
      },
    });
  }
  await page.reload();
  await expect(page.getByText(/Log verified/).first()).toBeVisible();
  // Someone edits a stored record behind the extension's back (and puts it back afterwards: the
  // browser profile is shared by the tests of this worker).
  const tamper = (restore: unknown) =>
    page.evaluate(
      (restore) =>
        new Promise<{ seq: number; original: unknown }>((resolve, reject) => {
          const req = indexedDB.open('reply-guard-log');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('interactions', 'readwrite');
            const store = tx.objectStore('interactions');
            if (restore) {
              store.put(restore);
              tx.oncomplete = () => resolve({ seq: 0, original: null });
              return;
            }
            const cur = store.index('seq').openCursor(null, 'prev');
            let n = 0;
            cur.onsuccess = () => {
              const c = cur.result!;
              if (++n < 3) return c.continue();
              c.update({ ...c.value, reason: 'changed afterwards' });
              tx.oncomplete = () => resolve({ seq: c.value.seq, original: c.value });
            };
          };
        }),
      restore,
    );
  const { seq, original } = await tamper(null);
  await page.reload();
  await expect(page.getByRole('alert').first()).toHaveText(
    new RegExp(`^⚠ Log altered: first broken record #${seq} \\(`),
  );
  await tamper(original);
  await page.reload();
  await expect(page.getByText(/^✓ Log verified/).first()).toBeVisible();
});
