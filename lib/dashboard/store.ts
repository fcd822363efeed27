/**
 * The dashboard's state (zustand): the records in view, the chain checks, filters and messages.
 * The dashboard reads the log's IndexedDB directly (same extension origin); it writes only
 * `imported`. Loading is in two steps so the table shows rows at once even with 100,000 records.
 */
import { liveQuery } from 'dexie';
import { create } from 'zustand';
import { currentCheckpoint, readAnchor, workstationId } from '@/lib/audit/local-chain';
import {
  type ChainAnchor,
  type ChainStatus,
  type StoredRecord,
  verifyLocalChain,
  verifyRecords,
} from '@/lib/background/chain';
import { getDb, type ImportedRecord, type LogDb } from '@/lib/db';
import { buildJsonExport, downloadText, exportFileName, toCsv } from '@/lib/export';
import { importedTrust, importFile, type Trust } from '@/lib/import';
import { type Filters, filterRecords, NO_FILTERS, type ViewRecord } from './filter';

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
}

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
  view: 'log' | 'audit';
  notice: Notice | null;
  load: () => Promise<void>;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  resetFilters: () => void;
  setView: (view: 'log' | 'audit') => void;
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
  trust: Map<string, { trust: Trust; keyId: string }> = new Map(),
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
    });
  }
  return out;
}

/** Makes a dashboard store over `db` (tests pass their own database). */
export function createDashboardStore(db: LogDb = getDb()) {
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
      const [local, imported, anchor, trust] = await Promise.all([
        readLocalInParallel(),
        db.imported.toArray(),
        readAnchor(db),
        importedTrust(db),
      ]);
      performance.mark('rg-read-done');
      loadedLocal = local;
      const records: ViewRecord[] = new Array(local.length + imported.length);
      let i = 0;
      for (const r of local) records[i++] = { ...r, workstation: ws, imported: false };
      for (const r of imported) records[i++] = { ...r, imported: true };
      records.sort(byTimeDesc);
      set({ records, totalHint: records.length, phase: 'ready' });
      performance.mark('rg-all-loaded');
      set({ chain: null });
      set({ chain: await verifyAll(local, imported, anchor, ws, trust) });
      performance.mark('rg-verified');
    }

    /** Adds records the background wrote since the last read (live updates), checking their links. */
    async function loadNewer(ws: string) {
      const lastSeq = loadedLocal.at(-1)?.seq ?? 0;
      const fresh = await db.interactions.where('seq').above(lastSeq).sortBy('seq');
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

      async importLog(file) {
        try {
          const s = await importFile(file, db);
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
