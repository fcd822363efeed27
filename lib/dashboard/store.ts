/**
 * The dashboard's state (zustand): the records in view, the chain checks, filters and messages.
 * The dashboard reads the log's IndexedDB directly (same extension origin); it writes only
 * `imported`. Loading is in two steps so the table shows rows at once even with 100,000 records.
 */
import { liveQuery } from 'dexie';
import { create } from 'zustand';
import {
  type Checkpoint,
  type CheckpointReport,
  checkpointFileName,
  verifyAgainstCheckpoint,
} from '@/lib/audit/checkpoint';
import {
  keyIdOf,
  listWorkstationKeys,
  registerWorkstationKey,
  unregisterWorkstationKey,
  workstationKeyText,
} from '@/lib/audit/keys';
import { currentCheckpoint, readAnchor, readChain, workstationId } from '@/lib/audit/local-chain';
import {
  type ChainAnchor,
  type ChainStatus,
  type StoredRecord,
  verifyLocalChain,
  verifyRecords,
} from '@/lib/background/chain';
import { getDb, type ImportedRecord, type ImportRow, type KeyRow, type LogDb } from '@/lib/db';
import { buildJsonExport, downloadText, exportFileName, toCsv } from '@/lib/export';
import { importFile, MAX_IMPORT_BYTES, removeWorkstationRecords } from '@/lib/import';
import type { AuditEventInput } from '@/lib/log-record';
import { sendAuditEvent } from '@/lib/messaging';
import { type Evidence, readEvidence } from './evidence';
import { type Filters, filterRecords, NO_FILTERS, type ViewRecord } from './filter';
import { loadSavedCheckpoints, saveCheckpoint } from './saved-checkpoints';
import { type Trust, workstationTrust } from './trust';

/** The chain check of one workstation's records. */
export interface SourceStatus {
  workstation: string;
  imported: boolean;
  status: ChainStatus;
  /** The broken record's number in its log (its `seq`), for the banner. */
  brokenSeq?: number;
  /** Imported logs: how the files that brought them were signed (issue #11); never "verified" unless signed by a registered key. */
  trust?: Trust;
  keyId?: string;
  /** Imported logs: how many records and files brought them, and the newest checkpoint a file carried. */
  records?: number;
  files?: number;
  checkpoint?: Checkpoint;
}

/** The result of "Verify against a checkpoint": what was compared with what, and what was found. */
export interface CheckpointCheck {
  /** The file name, or 'pasted text'. */
  source: string;
  evidence: Evidence;
  /** Who signed the evidence, in words (this browser, a registered workstation, an unknown key, nobody). */
  signer: string;
  /** null when the checkpoint's workstation has no records on this dashboard. */
  report: CheckpointReport | null;
}

/** This browser's own signing key, as the manager registers it on another dashboard. */
export interface OwnKey {
  keyId: string;
  text: string;
}

/** The dashboard's views: the log, the quarterly report, and the log's integrity and workstations. */
export type DashboardViewName = 'log' | 'audit' | 'integrity';

/** A message for the user after an action. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface DashboardState {
  /** 'first' until the newest rows are in, 'rest' while the full log loads, then 'ready'. */
  phase: 'first' | 'rest' | 'ready' | 'error';
  error: string;
  /** Every record in view, newest first. */
  records: ViewRecord[];
  /** How many records the database holds (known before they are all loaded). */
  totalHint: number;
  localWorkstation: string;
  /** null while verifying. */
  chain: SourceStatus[] | null;
  filters: Filters;
  view: DashboardViewName;
  notice: Notice | null;
  /** This browser's chain head now (signed), printed on every report; null until read. */
  checkpoint: Checkpoint | null;
  /** The workstation keys the manager registered. */
  keys: KeyRow[];
  ownKey: OwnKey | null;
  /** The last "Verify against a checkpoint", or null. */
  checkpointCheck: CheckpointCheck | null;
  /** Checkpoints saved from this dashboard earlier, newest first (a convenience: the file is the proof). */
  savedCheckpoints: Checkpoint[];
  load: () => Promise<void>;
  /** Compares the log with an earlier checkpoint or export (a file, or pasted text). */
  verifyCheckpoint: (input: File | string, source?: string) => Promise<void>;
  clearCheckpointCheck: () => void;
  /** Saves this browser's current checkpoint as a file, for the manager to keep elsewhere. */
  downloadCheckpoint: () => Promise<void>;
  /** Registers a workstation's public key (its key text); records the change in the chain. */
  registerKey: (text: string, label: string) => Promise<boolean>;
  removeKey: (keyId: string) => Promise<void>;
  /** "Remove this workstation's records": an imported workstation's records leave this dashboard. */
  removeWorkstation: (workstation: string) => Promise<void>;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  resetFilters: () => void;
  setView: (view: DashboardViewName) => void;
  importLog: (file: File) => Promise<void>;
  exportFiltered: (kind: 'csv' | 'jsonl') => void;
  dismissNotice: () => void;
}

const byTimeDesc = (a: ViewRecord, b: ViewRecord) => b.time - a.time || b.seq - a.seq;

/** Verifies this browser's chain and each imported workstation's, grouped and in seq order. */
export async function verifyAll(
  local: StoredRecord[],
  imported: ImportedRecord[],
  anchor: ChainAnchor,
  localWorkstation: string,
  trust: ReturnType<typeof workstationTrust> = new Map(),
): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  // The anchor must be explained by a `pruned` record: a head deleted by hand shows (issue #11).
  const status = await verifyLocalChain(local, anchor);
  out.push({
    workstation: localWorkstation,
    imported: false,
    status,
    brokenSeq: status.firstBroken ? local[status.firstBroken.index]?.seq : undefined,
  });
  const groups = new Map<string, ImportedRecord[]>();
  for (const r of imported) {
    const g = groups.get(r.workstation);
    if (g) g.push(r);
    else groups.set(r.workstation, [r]);
  }
  for (const [workstation, rs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    rs.sort((a, b) => a.seq - b.seq);
    const s = await verifyRecords(rs, '', { allowGaps: true });
    out.push({
      workstation,
      imported: true,
      status: s,
      brokenSeq: s.firstBroken ? rs[s.firstBroken.index]?.seq : undefined,
      trust: trust.get(workstation)?.trust ?? 'unsigned',
      keyId: trust.get(workstation)?.keyId ?? '',
      records: rs.length,
      files: trust.get(workstation)?.files ?? 0,
      checkpoint: trust.get(workstation)?.checkpoint as Checkpoint | undefined,
    });
  }
  return out;
}

/** Makes a dashboard store over `db` (tests pass their own database). */
export function createDashboardStore(
  db: LogDb = getDb(),
  opts: { record?: (e: AuditEventInput) => Promise<unknown> } = {},
) {
  // Changes made here (keys, removed imports) leave a record in this browser's chain (issue #11).
  const record = opts.record ?? sendAuditEvent;
  let unsubscribe: (() => void) | undefined;
  let loadedLocal: StoredRecord[] = [];
  let loading: Promise<void> | undefined;

  return create<DashboardState>()((set, get) => {
    /**
     * This browser's records in chain order. Read by primary key (ids are random UUIDs, so eight
     * ranges by first hex digit split them evenly) in parallel read-only transactions, then
     * sorted by seq: measured in Chromium on 100,000 records, ~1.7 s against ~3-5 s for one
     * read through the seq index (an index read looks each record up again).
     */
    async function readLocalInParallel(): Promise<StoredRecord[]> {
      const bounds = ['2', '4', '6', '8', 'a', 'c', 'e'];
      const parts = await Promise.all([
        db.interactions.where('id').below(bounds[0]!).toArray(),
        ...bounds.slice(0, -1).map((lo, i) =>
          db.interactions
            .where('id')
            .between(lo, bounds[i + 1]!, true, false)
            .toArray(),
        ),
        db.interactions
          .where('id')
          .aboveOrEqual(bounds[bounds.length - 1]!)
          .toArray(),
      ]);
      return parts.flat().sort((x, y) => x.seq - y.seq);
    }

    /** Reads everything, then verifies in the background of the page. */
    async function loadAll(ws: string) {
      performance.mark('rg-read-start');
      const [local, imported, anchor, imports, keys] = await Promise.all([
        readLocalInParallel(),
        db.imported.toArray(),
        readAnchor(db),
        db.imports.toArray() as Promise<ImportRow[]>,
        listWorkstationKeys(db),
      ]);
      const trust = workstationTrust(imports, keys);
      performance.mark('rg-read-done');
      loadedLocal = local;
      const records: ViewRecord[] = new Array(local.length + imported.length);
      let i = 0;
      for (const r of local) records[i++] = { ...r, workstation: ws, imported: false };
      for (const r of imported) records[i++] = { ...r, imported: true };
      records.sort(byTimeDesc);
      set({ records, totalHint: records.length, phase: 'ready' });
      performance.mark('rg-all-loaded');
      set({ chain: null, keys });
      set({ chain: await verifyAll(local, imported, anchor, ws, trust) });
      performance.mark('rg-verified');
      void refreshCheckpoint();
    }

    /** Re-reads this browser's checkpoint (after a load or new records); never throws. */
    async function refreshCheckpoint() {
      try {
        set({ checkpoint: await currentCheckpoint(db) });
      } catch (e) {
        console.warn('Reply Guard: could not read the checkpoint', e);
      }
    }

    /** Re-reads the registered keys and the imported workstations' trust. */
    async function reloadKeys() {
      const [keys, imports] = await Promise.all([listWorkstationKeys(db), db.imports.toArray()]);
      const trust = workstationTrust(imports, keys);
      const chain = get().chain;
      set({
        keys,
        chain:
          chain?.map((c) =>
            c.imported
              ? {
                  ...c,
                  trust: trust.get(c.workstation)?.trust ?? 'unsigned',
                  keyId: trust.get(c.workstation)?.keyId ?? '',
                }
              : c,
          ) ?? null,
      });
    }

    /** Who signed a piece of evidence, in words. */
    async function signerWords(ev: Evidence): Promise<string> {
      if (ev.signature === 'none') {
        return ev.kind === 'text'
          ? 'typed or printed, so it carries no signature; keep the printout where the front desk cannot change it'
          : 'not signed (an export from before checkpoints)';
      }
      const own = get().ownKey?.keyId ?? (await keyIdOf((await currentCheckpoint(db)).publicKey ?? {}).catch(() => ''));
      if (ev.keyId === own) return "signed by this browser's key";
      const k = get().keys.find((x) => x.keyId === ev.keyId);
      if (k && k.workstation === ev.checkpoint.workstation) return `signed by the registered key of ${k.label}`;
      return `signed by a key that is not registered (${ev.keyId})`;
    }

    /** Adds records the background wrote since the last read (live updates), checking their links. */
    async function loadNewer(ws: string) {
      const lastSeq = loadedLocal.at(-1)?.seq ?? 0;
      const read = await db.interactions.where('seq').above(lastSeq).sortBy('seq');
      // A full reload may have landed while this read ran: keep only what is still new.
      const fresh = read.filter((r) => r.seq > (loadedLocal.at(-1)?.seq ?? 0));
      if (!fresh.length) return;
      const prevHash = loadedLocal.at(-1)?.hash ?? (await readAnchor(db)).hash;
      loadedLocal = [...loadedLocal, ...fresh];
      const views = fresh.map((r): ViewRecord => ({ ...r, workstation: ws, imported: false }));
      set({ records: [...views.reverse(), ...get().records], totalHint: get().totalHint + fresh.length });
      const chain = get().chain;
      const local = chain?.find((c) => !c.imported);
      if (!chain || !local) return;
      if (!local.status.ok) return;
      const s = await verifyRecords(fresh, prevHash);
      const status: ChainStatus = s.ok
        ? { ok: true, checked: local.status.checked + s.checked }
        : {
            ok: false,
            checked: local.status.checked + s.checked,
            firstBroken: s.firstBroken && { ...s.firstBroken, index: s.firstBroken.index + local.status.checked },
          };
      const brokenSeq = s.firstBroken ? fresh[s.firstBroken.index]?.seq : undefined;
      set({ chain: chain.map((c) => (c === local ? { ...c, status, brokenSeq } : c)) });
      void refreshCheckpoint();
    }

    /** Step 1 paints the newest rows; step 2 loads everything and checks the chains. */
    async function loadOnce() {
      try {
        performance.mark('rg-load-start');
        // Step 1: the newest rows, enough to paint the table (counts and the rest come next).
        const [ws, newest, newestImported] = await Promise.all([
          workstationId(db),
          db.interactions.orderBy('seq').reverse().limit(60).toArray(),
          db.imported.orderBy('time').reverse().limit(60).toArray(),
        ]);
        const first: ViewRecord[] = [
          ...newest.map((r) => ({ ...r, workstation: ws, imported: false })),
          ...newestImported.map((r) => ({ ...r, imported: true })),
        ].sort(byTimeDesc);
        performance.mark('rg-first-data');
        set({ localWorkstation: ws, records: first, totalHint: first.length, phase: 'rest' });
        void workstationKeyText(ws, db)
          .then((text) => set({ ownKey: { keyId: (JSON.parse(text) as { keyId: string }).keyId, text } }))
          .catch((e: unknown) => console.warn('Reply Guard: could not read this workstation key', e));
        // Step 2: everything, for filters, charts and the chain check.
        await loadAll(ws);
        unsubscribe?.();
        // Live: the background's writes reach this page through Dexie's cross-context notices.
        const sub = liveQuery(() => db.interactions.orderBy('seq').last()).subscribe({
          next: (last) => {
            if (last && last.seq > (loadedLocal.at(-1)?.seq ?? 0)) void loadNewer(ws);
          },
          error: () => undefined,
        });
        unsubscribe = () => sub.unsubscribe();
      } catch (e) {
        set({ phase: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    }

    return {
      phase: 'first',
      error: '',
      records: [],
      totalHint: 0,
      localWorkstation: '',
      chain: null,
      filters: NO_FILTERS,
      view: 'log',
      notice: null,
      checkpoint: null,
      keys: [],
      ownKey: null,
      checkpointCheck: null,
      savedCheckpoints: loadSavedCheckpoints(),

      load() {
        // One load at a time (React's StrictMode runs effects twice in development).
        loading ??= loadOnce().finally(() => {
          loading = undefined;
        });
        return loading;
      },

      setFilter(key, value) {
        set({ filters: { ...get().filters, [key]: value } });
      },
      resetFilters() {
        set({ filters: NO_FILTERS });
      },
      setView(view) {
        set({ view });
      },
      dismissNotice() {
        set({ notice: null });
      },

      async verifyCheckpoint(input, sourceName) {
        const source = sourceName ?? (typeof input === 'string' ? 'pasted text' : input.name);
        try {
          if (typeof input !== 'string' && input.size > MAX_IMPORT_BYTES) {
            throw new Error('This file is too large to be a Reply Guard checkpoint or export.');
          }
          const ev = await readEvidence(typeof input === 'string' ? input : await input.text());
          const ws = ev.checkpoint.workstation;
          let report: CheckpointReport | null = null;
          if (ws === get().localWorkstation) {
            // Read again: the check must see the log as it is now, not as the page loaded it.
            const { records, anchor } = await readChain(db);
            report = await verifyAgainstCheckpoint(
              { checkpoint: ev.checkpoint, records: ev.records },
              { workstation: ws, records, anchor },
            );
          } else {
            const records = (await db.imported.where('workstation').equals(ws).toArray()).sort((a, b) => a.seq - b.seq);
            if (records.length) {
              report = await verifyAgainstCheckpoint(
                { checkpoint: ev.checkpoint, records: ev.records },
                { workstation: ws, records },
              );
            }
          }
          set({ checkpointCheck: { source, evidence: ev, signer: await signerWords(ev), report } });
        } catch (e) {
          set({
            checkpointCheck: null,
            notice: {
              kind: 'error',
              text: `${source} could not be checked. ${e instanceof Error ? e.message : String(e)}`,
            },
          });
        }
      },
      clearCheckpointCheck() {
        set({ checkpointCheck: null });
      },

      async downloadCheckpoint() {
        try {
          const cp = await currentCheckpoint(db);
          set({ checkpoint: cp, savedCheckpoints: saveCheckpoint(cp) });
          downloadText(checkpointFileName(cp), `${JSON.stringify(cp, null, 2)}\n`, 'application/json');
        } catch (e) {
          set({ notice: { kind: 'error', text: `The checkpoint could not be saved: ${(e as Error).message}` } });
        }
      },

      async registerKey(text, label) {
        try {
          const row = await registerWorkstationKey(text, label, db);
          await record({
            outcome: 'setting-changed',
            detail: {
              setting: 'workstationKeys',
              label: 'Workstation keys',
              from: '',
              to: `registered ${row.keyId} (${row.workstation})`,
            },
          }).catch((e: unknown) => console.warn('Reply Guard: could not record the key change', e));
          await reloadKeys();
          set({ notice: { kind: 'ok', text: `Registered the key of ${row.label} (${row.keyId}).` } });
          return true;
        } catch (e) {
          set({ notice: { kind: 'error', text: `The key was not registered. ${(e as Error).message}` } });
          return false;
        }
      },

      async removeKey(keyId) {
        const k = get().keys.find((x) => x.keyId === keyId);
        await unregisterWorkstationKey(keyId, db);
        await record({
          outcome: 'setting-changed',
          detail: {
            setting: 'workstationKeys',
            label: 'Workstation keys',
            from: `registered ${keyId} (${k?.workstation ?? '?'})`,
            to: 'removed',
          },
        }).catch((e: unknown) => console.warn('Reply Guard: could not record the key change', e));
        await reloadKeys();
        set({
          notice: {
            kind: 'ok',
            text: `Removed the key ${keyId}. Files it signed now show as "unknown signer", not verified.`,
          },
        });
      },

      async removeWorkstation(workstation) {
        if (workstation === get().localWorkstation) return;
        try {
          const n = await removeWorkstationRecords(workstation, db, { record });
          set({
            notice: {
              kind: 'ok',
              text: `Removed ${n.toLocaleString('en-US')} record${n === 1 ? '' : 's'} imported from ${workstation}. This browser's own log is unchanged.`,
            },
          });
          await loadAll(get().localWorkstation);
        } catch (e) {
          set({ notice: { kind: 'error', text: `The records were not removed. ${(e as Error).message}` } });
        }
      },

      async importLog(file) {
        try {
          const s = await importFile(file, db, { record });
          const from = s.workstations.length ? ` from ${s.workstations.join(', ')}` : '';
          set({
            notice: {
              kind: 'ok',
              text: `Imported ${s.added.toLocaleString('en-US')} record${s.added === 1 ? '' : 's'}${from}; ${s.duplicates.toLocaleString('en-US')} already here were skipped. ${s.message}`,
            },
          });
          if (s.added) await loadAll(get().localWorkstation);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          set({ notice: { kind: 'error', text: `Nothing was imported from ${file.name}. ${msg}` } });
        }
      },

      exportFiltered(kind) {
        const rows = filterRecords(get().records, get().filters);
        // Oldest first in files: that is the order an auditor reads and a chain verifies.
        const ordered = [...rows].reverse();
        if (kind === 'csv') {
          downloadText(exportFileName('csv'), toCsv(ordered), 'text/csv;charset=utf-8');
          return;
        }
        // The JSON export carries this workstation's signed checkpoint and is signed (issue #11).
        const filtered = ordered.length !== get().records.length;
        // Chain order within each workstation: record numbers must rise in a file (an import
        // refuses a step back), and time order is not chain order when clocks or seeds overlap.
        const local = get().localWorkstation;
        ordered.sort(
          (a, b) =>
            Number(b.workstation === local) - Number(a.workstation === local) ||
            a.workstation.localeCompare(b.workstation) ||
            a.seq - b.seq,
        );
        void (async () => {
          const checkpoint = await currentCheckpoint(db);
          const text = await buildJsonExport(ordered, {
            workstation: get().localWorkstation,
            checkpoint,
            filtered,
            db,
          });
          downloadText(exportFileName('jsonl'), text, 'application/x-ndjson');
        })().catch((e: unknown) =>
          set({ notice: { kind: 'error', text: `The export failed: ${e instanceof Error ? e.message : String(e)}` } }),
        );
      },
    };
  });
}

/** The dashboard page's store. */
export const useDashboard = createDashboardStore();
