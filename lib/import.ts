/**
 * Merges JSON Lines exports from other workstations into this dashboard (issue #6), so one
 * manager can audit every front-desk browser. All or nothing: one bad line and nothing changes.
 * Imported records live in their own table, so this browser's chain still verifies on its own and
 * each other workstation's records are verified as their own chain.
 */

import { CATEGORIES } from '@/rules/types';
import type { StoredRecord } from './background/chain';
import { OUTCOMES, VERDICTS } from './background/validate';
import { getDb, type ImportedRecord, type LogDb } from './db';
import { SITES } from './settings';

/** What an import did. */
export interface ImportSummary {
  added: number;
  /** Records already in the dashboard (same id), skipped. */
  duplicates: number;
  /** The workstations the added records came from. */
  workstations: string[];
}

/** An import failure that names the line at fault. */
export class ImportError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** Each field's check; a record must pass them all. */
const FIELD_CHECKS: Record<keyof StoredRecord, (v: unknown) => boolean> = {
  id: (v) => isStr(v) && v.length > 0 && v.length <= 100,
  seq: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  time: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  site: (v) => (SITES as readonly unknown[]).includes(v),
  pageKind: isStr,
  url: isStr,
  verdict: (v) => (VERDICTS as readonly unknown[]).includes(v),
  categories: (v) => isStrArray(v) && v.every((c) => (CATEGORIES as readonly string[]).includes(c)),
  rules: isStrArray,
  outcome: (v) => (OUTCOMES as readonly unknown[]).includes(v),
  reason: isStr,
  staff: isStr,
  text: isStr,
  textHash: (v) => isStr(v) && HEX64.test(v),
  durationMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  extensionVersion: isStr,
  prevHash: (v) => v === '' || (isStr(v) && HEX64.test(v)),
  hash: (v) => isStr(v) && HEX64.test(v),
};

/**
 * Parses and checks a JSON Lines export. Throws ImportError naming the first bad line.
 * `fallbackWorkstation` names records from files that carry no `workstation` field.
 */
export function parseJsonLines(text: string, fallbackWorkstation: string): ImportedRecord[] {
  const records: ImportedRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `Line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new ImportError(`${where} is not valid JSON. Is this a Reply Guard "Export JSON" file?`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ImportError(`${where} is not a log record.`);
    }
    const o = raw as Record<string, unknown>;
    for (const [field, check] of Object.entries(FIELD_CHECKS)) {
      if (!check(o[field])) throw new ImportError(`${where}: the field "${field}" is missing or invalid.`);
    }
    const workstation = o.workstation === undefined ? fallbackWorkstation : o.workstation;
    if (!isStr(workstation) || !workstation) throw new ImportError(`${where}: the field "workstation" is invalid.`);
    const r: ImportedRecord = { workstation } as ImportedRecord;
    // Copy only the known fields: nothing unexpected reaches the database.
    for (const field of Object.keys(FIELD_CHECKS) as Array<keyof StoredRecord>) {
      (r as unknown as Record<string, unknown>)[field] = o[field];
    }
    records.push(r);
  }
  if (!records.length) throw new ImportError('The file holds no log records.');
  return records;
}

/** Imports a JSON Lines file: parses it all first, then adds the new records in one transaction. */
export async function importJsonLines(text: string, fileName: string, db: LogDb = getDb()): Promise<ImportSummary> {
  const records = parseJsonLines(text, fileName.replace(/\.[^.]*$/, '') || 'imported');
  return db.transaction('rw', db.interactions, db.imported, async () => {
    const ids = records.map((r) => r.id);
    const [local, imported] = await Promise.all([db.interactions.bulkGet(ids), db.imported.bulkGet(ids)]);
    const seen = new Set<string>();
    const fresh: ImportedRecord[] = [];
    records.forEach((r, i) => {
      if (local[i] || imported[i] || seen.has(r.id)) return;
      seen.add(r.id);
      fresh.push(r);
    });
    await db.imported.bulkAdd(fresh);
    return {
      added: fresh.length,
      duplicates: records.length - fresh.length,
      workstations: [...new Set(fresh.map((r) => r.workstation))].sort(),
    };
  });
}

/** Reads a chosen file and imports it; the error message is ready to show. */
export async function importFile(file: File, db: LogDb = getDb()): Promise<ImportSummary> {
  return importJsonLines(await file.text(), file.name, db);
}
