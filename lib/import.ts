/**
 * Merges JSON Lines exports from other workstations into this dashboard (issues #6, #11), so one
 * manager can audit every front-desk browser. Nothing in a file is trusted: all or nothing (one
 * bad line and nothing changes), the size is checked before reading, times must be plausible,
 * record numbers must rise, and the file's signature decides how it is shown: "verified" only when
 * a workstation key the manager registered signed it; unsigned or unknown-signer files are
 * imported and labelled as such. Imported records live in their own table, so this browser's
 * chain still verifies on its own and each other workstation's records verify as their own chain.
 */
import { CATEGORIES } from '@/rules/types';
import { type Checkpoint, canonicalJson, checkpointSignature, validateCheckpoint } from './audit/checkpoint';
import { keyIdOf, verifyText } from './audit/keys';
import { workstationId } from './audit/local-chain';
import { plausibleTime, type StoredRecord } from './background/chain';
import { getDb, type ImportedRecord, type ImportRow, type LogDb } from './db';
import { type ExportHeader, LOG_FILE_FORMAT, LOG_FILE_VERSION, linesDigest } from './export';
import { type AuditEventInput, OUTCOMES, RECORD_VERDICTS } from './log-record';
import { sendAuditEvent } from './messaging';
import { SITES } from './settings';

/** The largest file an import reads (checked before reading it): ~200,000 records. */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/** How a file's origin checked. */
export type Trust = ImportRow['trust'];

/** What an import did. */
export interface ImportSummary {
  added: number;
  /** Records already in the dashboard (same id and contents), skipped. */
  duplicates: number;
  /** The workstations the added records came from. */
  workstations: string[];
  /** How the file's origin checked: verified (registered key), unknown-signer, unsigned. */
  trust: Trust;
  /** The signer's key id, when the file was signed. */
  keyId: string;
  /** The checkpoint the file carried (signed export), for "verify against a checkpoint". */
  checkpoint?: Checkpoint;
  /** One sentence for the dashboard. */
  message: string;
}

/** An import failure that names the line at fault. */
export class ImportError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isOptStr = (v: unknown) => v === undefined || isStr(v);
const isDetail = (v: unknown) =>
  v === undefined ||
  (typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => ['string', 'number', 'boolean'].includes(typeof x)));

/** Each field's check; a record must pass them all. `time` is checked on its own (plausible dates). */
const FIELD_CHECKS: Record<keyof StoredRecord, (v: unknown) => boolean> = {
  v: (v) => v === undefined || v === 2,
  id: (v) => isStr(v) && v.length > 0 && v.length <= 100,
  seq: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  kind: (v) => v === undefined || v === 'interaction' || v === 'event',
  time: (v) => Number.isSafeInteger(v),
  site: (v) => (SITES as readonly unknown[]).includes(v) || v === 'all',
  pageKind: isStr,
  url: isStr,
  link: isOptStr,
  reviewer: isOptStr,
  verdict: (v) => (RECORD_VERDICTS as readonly unknown[]).includes(v),
  categories: (v) => isStrArray(v) && v.every((c) => (CATEGORIES as readonly string[]).includes(c)),
  rules: isStrArray,
  outcome: (v) => (OUTCOMES as readonly unknown[]).includes(v),
  reason: isStr,
  staff: isStr,
  text: isStr,
  textHash: (v) => v === undefined || (isStr(v) && HEX64.test(v)),
  fingerprint: (v) => v === undefined || v === '' || (isStr(v) && HEX64.test(v)),
  draftId: isOptStr,
  detail: isDetail,
  textMode: (v) => v === undefined || v === 'full' || v === 'redacted' || v === 'none',
  durationMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  extensionVersion: isStr,
  prevHash: (v) => v === '' || (isStr(v) && HEX64.test(v)),
  hash: (v) => isStr(v) && HEX64.test(v),
};

/** Workstation names a file may not use: this browser's own label. */
const RESERVED_NAMES = /^(this browser|this workstation|local)$/i;
const WORKSTATION_NAME = /^[\w.-]{1,64}$/;

/** A parsed export: its header (if any), the records and the lines they came from. */
export interface ParsedExport {
  header?: ExportHeader;
  records: ImportedRecord[];
  /** The 1-based line of each record, for messages. */
  lineOf: number[];
}

/**
 * Parses and checks a JSON Lines export (with or without the signed header of version 2). Throws
 * ImportError naming the first bad line. `fallbackWorkstation` names records from files that
 * carry no `workstation` field. `now` bounds plausible times.
 */
export function parseJsonLines(text: string, fallbackWorkstation: string, now = Date.now()): ParsedExport {
  const records: ImportedRecord[] = [];
  const lineOf: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: ExportHeader | undefined;
  const lastSeq = new Map<string, { seq: number; line: number }>();
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
    if (o.format === LOG_FILE_FORMAT) {
      if (header || records.length)
        throw new ImportError(`${where}: a second file header; was a file pasted into another?`);
      if (typeof o.version !== 'number' || o.version > LOG_FILE_VERSION) {
        throw new ImportError(`This log file has version ${String(o.version)}, which this Reply Guard cannot read.`);
      }
      header = o as unknown as ExportHeader;
      continue;
    }
    for (const [field, check] of Object.entries(FIELD_CHECKS)) {
      if (!check(o[field])) throw new ImportError(`${where}: the field "${field}" is missing or invalid.`);
    }
    if (!plausibleTime(o.time, now)) {
      throw new ImportError(
        `${where}: the time ${String(o.time)} is not a plausible date (it must fall between 2000 and today). The file was damaged or made up; nothing was imported.`,
      );
    }
    const workstation = o.workstation === undefined ? fallbackWorkstation : o.workstation;
    if (!isStr(workstation) || !WORKSTATION_NAME.test(workstation) || RESERVED_NAMES.test(workstation)) {
      throw new ImportError(`${where}: the field "workstation" is invalid.`);
    }
    // Record numbers only rise within a workstation: a repeat or a step back is an error, not a gap.
    const seq = o.seq as number;
    const prev = lastSeq.get(workstation);
    if (prev && seq <= prev.seq) {
      throw new ImportError(
        seq === prev.seq
          ? `${where}: record #${seq} of ${workstation} appears twice (also on line ${prev.line}). The file was altered; nothing was imported.`
          : `${where}: record #${seq} of ${workstation} comes after #${prev.seq}: record numbers go back. The file was altered; nothing was imported.`,
      );
    }
    lastSeq.set(workstation, { seq, line: i + 1 });
    const r: ImportedRecord = { workstation } as ImportedRecord;
    // Copy only the known fields: nothing unexpected reaches the database.
    for (const field of Object.keys(FIELD_CHECKS) as Array<keyof StoredRecord>) {
      if (o[field] !== undefined) (r as unknown as Record<string, unknown>)[field] = o[field];
    }
    records.push(r);
    lineOf.push(i + 1);
  }
  if (!records.length) throw new ImportError('The file holds no log records.');
  return { header, records, lineOf };
}

/** The signature and checkpoint of a parsed export, checked against the registered keys. */
async function checkOrigin(
  text: string,
  parsed: ParsedExport,
  db: LogDb,
): Promise<{ trust: Trust; keyId: string; checkpoint?: Checkpoint }> {
  const h = parsed.header;
  if (!h) return { trust: 'unsigned', keyId: '' };
  if (!isStr(h.workstation) || !WORKSTATION_NAME.test(h.workstation) || RESERVED_NAMES.test(h.workstation)) {
    throw new ImportError('The file header names an invalid workstation.');
  }
  // The digest covers exactly the record lines, whatever line ends the file has now.
  const recordLines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(1);
  if (recordLines.length !== h.count || (await linesDigest(recordLines)) !== h.digest) {
    throw new ImportError(
      'The records in this file are not the ones it was exported with (lines were added, removed or edited). Nothing was imported.',
    );
  }
  let checkpoint: Checkpoint | undefined;
  if (h.checkpoint !== undefined) {
    try {
      checkpoint = validateCheckpoint(h.checkpoint);
    } catch (e) {
      throw new ImportError(`${(e as Error).message} Nothing was imported.`);
    }
    if (checkpoint.workstation !== h.workstation)
      throw new ImportError("The file's checkpoint is of another workstation. Nothing was imported.");
    if ((await checkpointSignature(checkpoint)) === 'invalid') {
      throw new ImportError('The checkpoint in this file does not match its signature. Nothing was imported.');
    }
  }
  if (!h.signature || !h.publicKey) return { trust: 'unsigned', keyId: '', checkpoint };
  const { signature, keyId: _k, publicKey, ...rest } = h;
  if (!(await verifyText(canonicalJson(rest), signature, publicKey))) {
    throw new ImportError(
      'The file does not match its signature: it was changed after it was exported. Nothing was imported.',
    );
  }
  const keyId = await keyIdOf(publicKey);
  if (checkpoint?.publicKey && (await keyIdOf(checkpoint.publicKey)) !== keyId) {
    throw new ImportError('The file and its checkpoint were signed by different keys. Nothing was imported.');
  }
  const registered = await db.keys.get(keyId);
  const trust: Trust = registered && registered.workstation === h.workstation ? 'verified' : 'unknown-signer';
  return { trust, keyId, checkpoint };
}

/** The words for a file's trust, for the dashboard. */
export function trustWords(trust: Trust, keyId = ''): string {
  if (trust === 'verified') return 'signed by a registered workstation key';
  if (trust === 'unknown-signer') return `signed by a key that is not registered (${keyId}): not verified`;
  return 'unsigned: where it came from cannot be verified';
}

/**
 * Imports a JSON Lines file: parses and checks it all first, then adds the new records in one
 * transaction and records `log-imported` in this workstation's chain (through `record`).
 */
export async function importJsonLines(
  text: string,
  fileName: string,
  db: LogDb = getDb(),
  opts: { now?: number; record?: (e: AuditEventInput) => Promise<unknown> } = {},
): Promise<ImportSummary> {
  const now = opts.now ?? Date.now();
  const parsed = parseJsonLines(
    text,
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]/g, '-')
      .slice(0, 64) || 'imported',
    now,
  );
  const origin = await checkOrigin(text, parsed, db);
  const local = await workstationId(db);
  const { records, lineOf } = parsed;
  const summary = await db.transaction('rw', [db.interactions, db.imported, db.imports], async () => {
    const ids = records.map((r) => r.id);
    const [own, imported] = await Promise.all([db.interactions.bulkGet(ids), db.imported.bulkGet(ids)]);
    const seen = new Set<string>();
    const fresh: ImportedRecord[] = [];
    for (const [i, r] of records.entries()) {
      const where = `Line ${lineOf[i]}`;
      const mine = own[i];
      // A file cannot pass itself off as this browser: this browser's records are in its own log.
      if (r.workstation === local || mine) {
        if (mine && mine.hash === r.hash) continue;
        throw new ImportError(
          mine
            ? `${where}: record ${r.id} has this browser's id but different contents. Nothing was imported.`
            : `${where}: the file says its records come from this browser (${local}), but they are not in this browser's log. Nothing was imported.`,
        );
      }
      const already = imported[i];
      if (already) {
        if (already.hash !== r.hash || already.workstation !== r.workstation) {
          throw new ImportError(
            `${where}: record ${r.id} was imported before with different contents; one of the two files was altered. Nothing was imported.`,
          );
        }
        continue;
      }
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      fresh.push(r);
    }
    // The same record number of a workstation with other contents: two versions of one log.
    const bySeq = await Promise.all(fresh.map((r) => db.imported.get({ workstation: r.workstation, seq: r.seq })));
    for (const [i, other] of bySeq.entries()) {
      if (other && other.id !== fresh[i]!.id) {
        throw new ImportError(
          `Record #${fresh[i]!.seq} of ${fresh[i]!.workstation} differs from the one imported before: one of the two files was altered. Nothing was imported.`,
        );
      }
    }
    await db.imported.bulkAdd(fresh);
    const workstations = [...new Set(fresh.map((r) => r.workstation))].sort();
    for (const ws of workstations) {
      // The signature speaks for the signing workstation's records only; others in the file are relayed.
      const trust: Trust = parsed.header && ws === parsed.header.workstation ? origin.trust : 'unsigned';
      await db.imports.add({
        id: crypto.randomUUID(),
        fileName: fileName.slice(0, 200),
        workstation: ws,
        importedAt: now,
        added: fresh.filter((r) => r.workstation === ws).length,
        trust,
        keyId: trust === 'unsigned' ? '' : origin.keyId,
        checkpoint: ws === parsed.header?.workstation ? origin.checkpoint : undefined,
      });
    }
    return { added: fresh.length, duplicates: records.length - fresh.length, workstations };
  });
  const from = parsed.header?.workstation ?? summary.workstations.join(', ');
  const message = `${fileName} (${from || 'no new records'}): ${trustWords(origin.trust, origin.keyId)}.`;
  if (summary.added) {
    await (opts.record ?? sendAuditEvent)({
      outcome: 'log-imported',
      detail: {
        file: fileName.slice(0, 200),
        workstations: summary.workstations.join(', '),
        added: summary.added,
        duplicates: summary.duplicates,
        trust: origin.trust,
        keyId: origin.keyId,
      },
    }).catch((e: unknown) => console.warn('Reply Guard: could not record the import in the log', e));
  }
  return { ...summary, trust: origin.trust, keyId: origin.keyId, checkpoint: origin.checkpoint, message };
}

/** Reads a chosen file and imports it; refuses files over MAX_IMPORT_BYTES before reading them. */
export async function importFile(
  file: File,
  db: LogDb = getDb(),
  opts: { record?: (e: AuditEventInput) => Promise<unknown> } = {},
): Promise<ImportSummary> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `This file is ${(file.size / 1024 / 1024).toFixed(0)} MB; the largest log file this dashboard reads is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Export a shorter period on that workstation.`,
    );
  }
  return importJsonLines(await file.text(), file.name, db, opts);
}

/** How each imported workstation's records checked: the weakest trust of the files that brought them. */
export async function importedTrust(db: LogDb = getDb()): Promise<Map<string, { trust: Trust; keyId: string }>> {
  const rank: Record<Trust, number> = { unsigned: 0, 'unknown-signer': 1, verified: 2 };
  const out = new Map<string, { trust: Trust; keyId: string }>();
  for (const row of await db.imports.toArray()) {
    const was = out.get(row.workstation);
    if (!was || rank[row.trust] < rank[was.trust]) out.set(row.workstation, { trust: row.trust, keyId: row.keyId });
  }
  return out;
}

/**
 * "Remove this workstation's records": deletes every record imported from `workstation` (and the
 * rows of the files that brought them), and records `import-removed` in this workstation's chain.
 * Returns how many records went. Never touches this browser's own log.
 */
export async function removeWorkstationRecords(
  workstation: string,
  db: LogDb = getDb(),
  opts: { record?: (e: AuditEventInput) => Promise<unknown> } = {},
): Promise<number> {
  const removed = await db.transaction('rw', db.imported, db.imports, async () => {
    const n = await db.imported.where('workstation').equals(workstation).delete();
    await db.imports.where('workstation').equals(workstation).delete();
    return n;
  });
  if (removed) {
    await (opts.record ?? sendAuditEvent)({
      outcome: 'import-removed',
      detail: { workstation, records: removed },
    }).catch((e: unknown) => console.warn('Reply Guard: could not record the removal in the log', e));
  }
  return removed;
}
