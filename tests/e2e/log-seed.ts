/**
 * Synthetic interaction logs for the log/dashboard e2e tests and the bench: a valid hash chain
 * built with the extension's own code, written straight into the extension's IndexedDB from one
 * of its pages (the dashboard), the way the background would have written it.
 */
import type { Page } from '@playwright/test';
import { buildRecordSync, type StoredRecord } from '../../lib/background/chain';
import type { InteractionInput, Outcome } from '../../lib/log-record';
import type { Category } from '../../rules/types';

const STAFF = ['Dana Ruiz', 'Luis Moreno', 'Priya Kaur', 'Front desk 2'];
const SITES = ['google', 'facebook', 'yelp'] as const;
const REASONS = [
  'Reviewer is a vendor, not a patient',
  'Approved by the practice manager',
  'Only thanks the reviewer',
  'Staff name flagged by mistake',
  'Reply already agreed with compliance',
];
const RISKY: Array<{ categories: Category[]; rules: string[]; text: string }> = [
  {
    categories: ['confirms-patient-status'],
    rules: ['visit-confirmation'],
    text: 'Thanks for coming in [redacted], we are glad you chose us!',
  },
  {
    categories: ['care-details', 'confirms-patient-status'],
    rules: ['procedure-mention', 'visit-confirmation'],
    text: 'So glad your [redacted] went well [redacted].',
  },
  { categories: ['identifiers'], rules: ['appointment-date'], text: 'We looked at your chart from [redacted].' },
  {
    categories: ['defensive-disclosure'],
    rules: ['defensive-records'],
    text: 'Our records show [redacted], which is not what you describe.',
  },
  { categories: ['staff-gossip'], rules: ['staff-blame'], text: '[redacted] has been spoken to about this.' },
  {
    categories: ['testimonial-without-authorization'],
    rules: ['testimonial-share'],
    text: 'We would love to share your [redacted] story on our page!',
  },
];
const CLEAN = [
  'Thank you for your kind words. We appreciate you taking the time to share your feedback.',
  'We are sorry to hear this. Please call our office manager so we can help.',
  'Thanks for the question! Our front desk can help you by phone.',
];

/** A deterministic pseudo-random generator, so seeded logs are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` interactions over the `days` before `end`, oldest first, with a realistic mix. */
export function syntheticInputs(n: number, { days = 200, end = Date.now(), seed = 7 } = {}) {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const span = days * 86_400_000;
  const out: Array<{ input: InteractionInput; time: number; staff: string }> = [];
  for (let i = 0; i < n; i++) {
    const time = Math.round(end - span + (span * (i + 1)) / (n + 1));
    const risky = rand() < 0.38;
    const site = pick(SITES);
    const base = {
      site,
      pageKind: site === 'yelp' ? 'public-comment' : 'review-reply',
      url: `https://${site}.example/reviews`,
    };
    let input: InteractionInput;
    if (risky) {
      const r = pick(RISKY);
      const x = rand();
      const outcome: Outcome =
        x < 0.45 ? 'edited' : x < 0.72 ? 'replaced' : x < 0.86 ? 'abandoned' : x < 0.97 ? 'overridden' : 'posted';
      input = {
        ...base,
        verdict: rand() < 0.6 ? 'block' : 'warn',
        categories: r.categories,
        rules: r.rules,
        outcome,
        reason: outcome === 'overridden' ? pick(REASONS) : undefined,
        text: r.text,
        durationMs: Math.round(2000 + rand() * 60_000),
      };
    } else {
      input = {
        ...base,
        verdict: 'ok',
        categories: [],
        rules: [],
        outcome: 'posted',
        text: pick(CLEAN),
        durationMs: Math.round(1000 + rand() * 20_000),
      };
    }
    out.push({ input, time, staff: pick(STAFF) });
  }
  return out;
}

/** A valid chain of `n` stored records (continuing after `after`, if given). */
export async function syntheticChain(
  n: number,
  opts: { days?: number; end?: number; seed?: number; after?: { hash: string; seq: number } } = {},
): Promise<StoredRecord[]> {
  const inputs = syntheticInputs(n, opts);
  const out: StoredRecord[] = [];
  let prev = opts.after ?? { hash: '', seq: 0 };
  // Synchronous hashing: each record needs the hash of the one before it.
  for (const { input, time, staff } of inputs) {
    const r = buildRecordSync(input, {
      id: crypto.randomUUID(),
      time,
      staff,
      // The synthetic texts are already redacted: keep them as they are.
      textMode: 'full',
      extensionVersion: '0.1.0',
      prevHash: prev.hash,
      seq: prev.seq + 1,
    });
    out.push(r);
    prev = r;
  }
  return out;
}

/** Writes records into the extension's log database from an extension page (already opened by the page). */
export async function writeRecords(
  page: Page,
  records: StoredRecord[],
  table = 'interactions',
  chunk = 10000,
): Promise<void> {
  for (let i = 0; i < records.length; i += chunk) {
    await withRetry(() => writeChunk(page, records.slice(i, i + chunk), table));
  }
}

/** A put refused because its key (the unique chain place, `seq`) is taken. */
const TAKEN = /ConstraintError|uniqueness requirements/;

/**
 * The page under test opens (and may upgrade) the same database while a chunk is written; a write
 * that loses that race is aborted with no error object. Puts are idempotent, so it is simply
 * retried, waiting longer each time (the page's upgrade can take a moment on a loaded machine).
 */
async function withRetry(write: () => Promise<void>, attempts = 6): Promise<void> {
  for (let k = 1; ; k++) {
    try {
      return await write();
    } catch (err) {
      // A taken key is not a race to wait out (seedLog rebuilds its chain for that).
      if (k >= attempts || TAKEN.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 250 * k));
    }
  }
}

function writeChunk(page: Page, chunk: StoredRecord[], table: string): Promise<void> {
  return page.evaluate(
    async ({ json, table }) => {
      // JSON text crosses the DevTools protocol much faster than a structured argument.
      const rows = JSON.parse(json) as unknown[];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('reply-guard-log');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      // Never hold up the page's own upgrade of the database: step aside (and be retried).
      db.onversionchange = () => db.close();
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          for (const r of rows) store.put(r);
          tx.oncomplete = () => resolve();
          // The failing put's own error (a taken key is a ConstraintError); the transaction's is set later.
          tx.onerror = (e) => reject((e.target as IDBRequest | null)?.error ?? tx.error ?? new Error('write failed'));
          tx.onabort = () => reject(tx.error ?? new Error('write aborted'));
        });
      } finally {
        db.close();
      }
    },
    { json: JSON.stringify(chunk), table },
  );
}

/** Reads one record from the extension's log database by id, from an extension page. */
export function readRecord(page: Page, id: string): Promise<StoredRecord | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<StoredRecord | undefined>((resolve, reject) => {
        const req = indexedDB.open('reply-guard-log');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('interactions').objectStore('interactions').get(id);
          get.onsuccess = () => {
            resolve(get.result as StoredRecord | undefined);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

/** The last record's {hash, seq} in the extension's log (or the start), read from an extension page. */
export function readTail(page: Page): Promise<{ hash: string; seq: number }> {
  return page.evaluate(
    () =>
      new Promise<{ hash: string; seq: number }>((resolve, reject) => {
        const req = indexedDB.open('reply-guard-log');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const cur = db.transaction('interactions').objectStore('interactions').index('seq').openCursor(null, 'prev');
          cur.onsuccess = () => {
            const v = cur.result?.value as { hash: string; seq: number } | undefined;
            db.close();
            resolve(v ? { hash: v.hash, seq: v.seq } : { hash: '', seq: 0 });
          };
          cur.onerror = () => reject(cur.error);
        };
      }),
  );
}

/** Appends `n` synthetic records to the extension's log, continuing its chain; returns them. */
export async function seedLog(
  page: Page,
  n: number,
  opts: { days?: number; end?: number; seed?: number } = {},
): Promise<StoredRecord[]> {
  for (let k = 1; ; k++) {
    const records = await syntheticChain(n, { ...opts, after: await readTail(page) });
    try {
      await writeRecords(page, records);
      return records;
    } catch (err) {
      // The extension appended a record of its own after the tail was read (a settings change is
      // recorded in the chain): its place is taken, so the chain is built again from the new tail.
      if (k >= 3 || !TAKEN.test(String(err))) throw err;
    }
  }
}
