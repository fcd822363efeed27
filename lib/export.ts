/**
 * Audit exports of the (filtered) log (issues #6, #11): CSV for spreadsheets, JSON Lines for
 * merging into another dashboard. The JSON export starts with a signed header that carries this
 * workstation's checkpoint (lib/audit/checkpoint.ts) and a digest of the records, so an import can
 * tell a file this workstation signed from one edited or made up elsewhere. Format: see
 * docs/audit-trail.md.
 */
import { type Checkpoint, canonicalJson } from './audit/checkpoint';
import { signText } from './audit/keys';
import { type StoredRecord, sha256Hex } from './background/chain';
import type { LogDb } from './db';

/** A record as exported: `workstation` names the browser that wrote it. */
export type ExportRecord = StoredRecord & { workstation: string };

/**
 * CSV columns in order. The first seven are the contract of issue #6; the next ones are what an
 * auditor needs to follow a record up (issue #11): who was answered, the reply as the text mode
 * kept it, the link to the review, who replied, and the draft the record belongs to.
 */
export const CSV_COLUMNS = [
  'time',
  'site',
  'verdict',
  'categories',
  'rules',
  'outcome',
  'reason',
  'reviewer',
  'text',
  'link',
  'staff',
  'draftId',
  'detail',
  'pageKind',
  'url',
  'textMode',
  'fingerprint',
  'durationMs',
  'extensionVersion',
  'workstation',
  'kind',
  'id',
  'seq',
  'prevHash',
  'hash',
] as const;

/** Every field of an exported record, in the order JSON Lines writes them (absent ones are left out). */
export const JSON_FIELDS = [
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
  'textHash',
  'fingerprint',
  'draftId',
  'detail',
  'durationMs',
  'extensionVersion',
  'prevHash',
  'hash',
] as const satisfies ReadonlyArray<keyof ExportRecord>;

// A spreadsheet treats a cell starting with these as a formula (CSV injection, OWASP):
// = + - @, and tab or carriage return, which some spreadsheets strip before that check.
// Leading spaces do not protect: some spreadsheets trim them first.
const FORMULA_START = /^\s*[=+\-@\t\r]/;

/**
 * Makes a cell inert in spreadsheets: a leading apostrophe before a formula character, at the
 * start of the cell and at the start of every segment after a ';' or a line break. In locales
 * whose list separator is ';' (most of Europe) a spreadsheet opening the file with the wrong
 * separator splits `Thanks;=cmd|' /C calc'!A0` into two cells, the second a formula (issue #11).
 */
export function escapeCell(value: string): string {
  // Most cells have no separator inside: one test (100,000-record exports stay fast).
  if (!value.includes(';') && !value.includes('\n')) return formulaLike(value) ? `'${value}` : value;
  return value
    .split(/(?<=[;\n])/)
    .map((seg) => (formulaLike(seg) ? `'${seg}` : seg))
    .join('');
}

/** True when a spreadsheet could read `seg` as a formula (a cheap first-character test first). */
function formulaLike(seg: string): boolean {
  const c = seg.charCodeAt(0);
  // = + - @ tab CR: a formula start; other whitespace: look past it.
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return true;
  return (c === 32 || c === 10 || c === 160 || c === 12 || c === 11) && FORMULA_START.test(seg);
}

/** An event's details as one cell: `key=value; key=value`. */
function detailCell(r: ExportRecord): string {
  const d = r.detail ?? {};
  return Object.keys(d)
    .sort()
    .map((k) => `${k}=${String(d[k])}`)
    .join('; ');
}

/** The CSV cells of one record: ISO time, lists joined with '; ', every cell escaped. */
function csvRow(r: ExportRecord): string[] {
  return [
    new Date(r.time).toISOString(),
    r.site,
    r.verdict,
    r.categories.join('; '),
    r.rules.join('; '),
    r.outcome,
    r.reason,
    r.reviewer ?? '',
    r.text,
    r.link ?? '',
    r.staff,
    r.draftId ?? '',
    detailCell(r),
    r.pageKind,
    r.url,
    r.textMode ?? '',
    r.fingerprint ?? r.textHash ?? '',
    String(r.durationMs),
    r.extensionVersion,
    r.workstation,
    r.kind ?? 'interaction',
    r.id,
    String(r.seq),
    r.prevHash,
    r.hash,
  ].map(escapeCell);
}

/**
 * The records as CSV (header row first), every cell quoted: an unquoted cell is split by a
 * spreadsheet that guesses another separator, and a quoted one is not (issue #11).
 */
export function toCsv(records: readonly ExportRecord[]): string {
  // Written by hand (RFC 4180: every cell in double quotes, quotes doubled, CRLF as Excel on
  // Windows expects): papaparse with every cell quoted measured 3× slower on 100,000 records.
  const parts: string[] = [CSV_COLUMNS.map(quoteCell).join(',')];
  for (const r of records) parts.push(csvRow(r).map(quoteCell).join(','));
  return parts.join('\r\n');
}

/** One cell in double quotes, inner quotes doubled. */
function quoteCell(value: string): string {
  return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
}

/** One record as its JSON Lines line: the known fields, in a stable order. */
function recordLine(r: ExportRecord): string {
  const o: Record<string, unknown> = {};
  for (const f of JSON_FIELDS) if (r[f] !== undefined) o[f] = r[f];
  return JSON.stringify(o);
}

/** The records as bare JSON Lines (no header): one JSON object a line. */
export function toJsonLines(records: readonly ExportRecord[]): string {
  let out = '';
  for (const r of records) out += `${recordLine(r)}\n`;
  return out;
}

/** Marks a log export's header line. */
export const LOG_FILE_FORMAT = 'reply-guard-log';
/** The export layout's version: 2 has a signed header line (issue #11); 1 was bare records. */
export const LOG_FILE_VERSION = 2;

/** The first line of a JSON export. */
export interface ExportHeader {
  format: typeof LOG_FILE_FORMAT;
  version: number;
  /** The workstation that made the export (and signed it). */
  workstation: string;
  exportedAt: string;
  /** How many record lines follow. */
  count: number;
  /** True when the dashboard's filters left records out. */
  filtered: boolean;
  /** SHA-256 (hex) of the record lines, joined with "\n" (line ends normalised). */
  digest: string;
  /** The exporting workstation's own chain head at the time (signed on its own too). */
  checkpoint: Checkpoint;
  keyId?: string;
  publicKey?: JsonWebKey;
  /** Signature by the workstation's key over the canonical JSON of everything above. */
  signature?: string;
}

/** The digest a header carries for its record lines. */
export function linesDigest(lines: readonly string[]): Promise<string> {
  return sha256Hex(lines.join('\n'));
}

/**
 * The JSON export: a signed header line (with the checkpoint), then one record a line. Records
 * should be oldest first: the order an auditor reads and a chain verifies.
 */
export async function buildJsonExport(
  records: readonly ExportRecord[],
  opts: { workstation: string; checkpoint: Checkpoint; filtered: boolean; db?: LogDb; now?: Date },
): Promise<string> {
  const lines = records.map(recordLine);
  const header: ExportHeader = {
    format: LOG_FILE_FORMAT,
    version: LOG_FILE_VERSION,
    workstation: opts.workstation,
    exportedAt: (opts.now ?? new Date()).toISOString(),
    count: lines.length,
    filtered: opts.filtered,
    digest: await linesDigest(lines),
    checkpoint: opts.checkpoint,
  };
  const signed = await signText(canonicalJson(header), opts.db);
  const full: ExportHeader = {
    ...header,
    keyId: signed.keyId,
    publicKey: signed.publicKey,
    signature: signed.signature,
  };
  return `${JSON.stringify(full)}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** A dated file name: reply-guard-log-2026-11-28.csv. */
export function exportFileName(ext: 'csv' | 'jsonl', now = new Date()): string {
  return `reply-guard-log-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Saves text as a file through the browser's download of an object URL (no `downloads` permission). */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
