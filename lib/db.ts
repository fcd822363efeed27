/**
 * The interaction log's database (issue #6): Dexie over the extension origin's IndexedDB.
 * Only the background writes `interactions`; the dashboard reads it and owns `imported`.
 *
 * Schema history (never edit a shipped version; add one):
 * - v1: `interactions` keyed by id, indexed by time, site, outcome, verdict, staff, categories.
 * - v2: `seq` (the record's place in the chain, unique) so the chain has one order even when two
 *   records share a millisecond; `imported` for records merged from other workstations; `meta`
 *   for the chain anchor left by retention, this workstation's id and the last prune time.
 * - v3 (issue #11): `keys` for the workstation public keys the manager registered; `imports` for
 *   each imported file and how it checked (signed by whom, against which checkpoint). Anchors left
 *   by earlier versions are marked `legacy` (no `pruned` record explains them). `meta` also holds
 *   this workstation's signing key pair and fingerprint secret (non-extractable CryptoKeys).
 */
import { Dexie, type Table } from 'dexie';
import type { ChainAnchor, StoredRecord } from './background/chain';
import type { InteractionRecord } from './log-record';

/** The IndexedDB database name (the bench and tests open it by name). */
export const DB_NAME = 'reply-guard-log';

/** A record merged from another workstation's export; `workstation` names the browser it came from. */
export type ImportedRecord = StoredRecord & { workstation: string };

/**
 * Key-value rows: `anchor` ({hash, seq} of the last pruned record), `workstation`, `lastPrune`,
 * `signingKey` (ECDSA pair, private key non-extractable), `fingerprintKey` (HMAC, non-extractable).
 */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** A workstation public key the manager registered: exports it signs count as verified. */
export interface KeyRow {
  /** Short id of the key (hex of the SHA-256 of its public point), shown to people. */
  keyId: string;
  /** The workstation id the key belongs to (ws-…), as its exports name themselves. */
  workstation: string;
  /** A name the manager gave it ("Front desk 2"). */
  label: string;
  /** The public key (JWK, EC P-256). */
  publicKey: JsonWebKey;
  addedAt: number;
}

/** How an imported file checked, one row per import. */
export interface ImportRow {
  id: string;
  fileName: string;
  workstation: string;
  importedAt: number;
  added: number;
  /** verified: signed by a registered key; unknown-signer: signed, key not registered; unsigned. */
  trust: 'verified' | 'unknown-signer' | 'unsigned';
  keyId: string;
  /** The checkpoint the file carried, if any. */
  checkpoint?: unknown;
}

/** Indexes shared by the local and the imported tables: time, site, outcome, verdict, staff, categories. */
const COMMON = 'time, site, outcome, verdict, staff, *categories';

/** Declares schema v1 on `db` (exported for the migration test, which builds a v1 database). */
export function declareV1(db: Dexie): void {
  db.version(1).stores({ interactions: `id, ${COMMON}` });
}

/** Orders v1 records by following their hash links from the start; strays go last, by time. */
export function chainOrder<T extends Pick<InteractionRecord, 'hash' | 'prevHash' | 'time'>>(records: T[]): T[] {
  const byPrev = new Map<string, T>();
  for (const r of records) if (!byPrev.has(r.prevHash)) byPrev.set(r.prevHash, r);
  const hashes = new Set(records.map((r) => r.hash));
  // The head links to a hash that is not in the table: '' or a record already gone.
  const head = [...records].sort((a, b) => a.time - b.time).find((r) => !hashes.has(r.prevHash));
  const ordered: T[] = [];
  const seen = new Set<T>();
  for (let r = head; r && !seen.has(r); r = byPrev.get(r.hash)) {
    ordered.push(r);
    seen.add(r);
  }
  const strays = records.filter((r) => !seen.has(r)).sort((a, b) => a.time - b.time);
  return [...ordered, ...strays];
}

/** The log database at its current version. */
export class LogDb extends Dexie {
  interactions!: Table<StoredRecord, string>;
  imported!: Table<ImportedRecord, string>;
  meta!: Table<MetaRow, string>;
  keys!: Table<KeyRow, string>;
  imports!: Table<ImportRow, string>;

  constructor(name = DB_NAME, options: { strict?: boolean } = {}) {
    // 'strict' makes Chromium flush to disk before a transaction reports complete: an append the
    // background acknowledged survives a crash, not only a service worker stop.
    super(name, options.strict ? { chromeTransactionDurability: 'strict' } : undefined);
    declareV1(this);
    this.version(2)
      .stores({
        interactions: `id, &seq, ${COMMON}`,
        imported: `id, [workstation+seq], workstation, ${COMMON}`,
        meta: 'key',
      })
      .upgrade(async (tx) => {
        // v1 had no seq: number the records in chain order, so the chain verifies as before.
        const table = tx.table<StoredRecord, string>('interactions');
        const ordered = chainOrder(await table.toArray());
        await table.bulkPut(ordered.map((r, i) => ({ ...r, seq: i + 1 })));
      });
    this.version(3)
      .stores({ keys: 'keyId, workstation', imports: 'id, workstation' })
      .upgrade(async (tx) => {
        // Anchors from before issue #11 have no `pruned` record in the chain to explain them.
        const meta = tx.table<MetaRow, string>('meta');
        const anchor = (await meta.get('anchor'))?.value as ChainAnchor | undefined;
        if (anchor && anchor.seq > 0) await meta.put({ key: 'anchor', value: { ...anchor, legacy: true } });
      });
  }
}

let shared: LogDb | undefined;

/** The one database connection of this extension context (strict durability: used by the writer). */
export function getDb(): LogDb {
  shared ??= new LogDb(DB_NAME, { strict: true });
  return shared;
}

/** Replaces the shared connection (tests use a fresh database each). */
export function setDbForTests(db: LogDb | undefined): void {
  shared = db;
}
