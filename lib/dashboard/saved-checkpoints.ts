/**
 * Checkpoints this dashboard saved ("Save checkpoint file"), remembered in the dashboard page's
 * own storage so the manager can pick one later without finding the file. A convenience only:
 * whoever can change the log on this computer can change this list too, so the copy kept
 * elsewhere (the file, the printed report) is what proves something; the view says so.
 */
import { type Checkpoint, validateCheckpoint } from '@/lib/audit/checkpoint';

const KEY = 'rg-saved-checkpoints';
/** How many saved checkpoints are kept (the oldest go first). */
export const MAX_SAVED = 20;

/** The saved checkpoints, newest first; anything damaged is skipped. */
export function loadSavedCheckpoints(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Checkpoint[] {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    const out: Checkpoint[] = [];
    for (const x of raw) {
      try {
        out.push(validateCheckpoint(x));
      } catch {
        // A damaged entry is left out, never shown as a checkpoint.
      }
    }
    return out;
  } catch {
    return [];
  }
}

/** Adds a checkpoint to the saved list (once per workstation, record number and hash); returns the list. */
export function saveCheckpoint(
  cp: Checkpoint,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): Checkpoint[] {
  const list = loadSavedCheckpoints(storage).filter(
    (x) => !(x.workstation === cp.workstation && x.seq === cp.seq && x.hash === cp.hash),
  );
  const next = [cp, ...list].slice(0, MAX_SAVED);
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or unavailable: the downloaded file is the real copy anyway.
  }
  return next;
}
