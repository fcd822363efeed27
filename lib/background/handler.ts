/**
 * The background's message handling and start-up work (issues #6, #10, #11).
 * entrypoints/background.ts only wires these to the browser's events.
 *
 * Every message type has its allowed senders (senders.ts): content scripts may only log
 * interactions, rate-limited per tab; extension pages may also read recent records, record the
 * events a page is allowed to record, and ask for the checkpoint. Anything else is refused.
 */
import { currentCheckpoint } from '@/lib/audit/local-chain';
import type { LogDb } from '@/lib/db';
import {
  appendEvent,
  appendInteraction,
  describeLogError,
  LogFullError,
  type LogSettings,
  pruneOlderThan,
  recentInteractions,
} from '@/lib/log';
import { BACKGROUND_TYPES, type BackgroundRequest, type BackgroundResponse } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';
import { getSettings } from '@/lib/settings-storage';
import { type PendingEntry, readPending, removePending } from './pending';
import { RateLimiter } from './rate-limit';
import { type Sender, senderKind } from './senders';
import { queuedTime, validateEvent, validateInput } from './validate';

export type { Sender } from './senders';

type AnyResponse = BackgroundResponse<BackgroundRequest['type']> | { ok: false; error: string; retry?: boolean };

/** The most queued interactions kept; beyond it the oldest are refused (and counted in a record). */
export const MAX_PENDING = 2000;

/** True for the messages the background answers (others are left to other listeners). */
export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return (BACKGROUND_TYPES as readonly unknown[]).includes(type);
}

/** The settings a write needs, from the settings in force. */
export function logSettingsOf(s: Settings): LogSettings {
  return { log: s.log, staffMember: s.staffMember, profile: s.profile, extraTerms: s.extraTerms };
}

const limiter = new RateLimiter();
let limiterForTests: RateLimiter | undefined;

/** Replaces the rate limiter (tests start each case with a fresh one). */
export function setRateLimiterForTests(l: RateLimiter | undefined): void {
  limiterForTests = l;
}

/** The rate-limit key of a sender: its tab, else its page. */
function rateKey(sender: Sender): string {
  return sender.tab?.id !== undefined ? `tab:${sender.tab.id}` : `url:${sender.url ?? ''}`;
}

/** Answers one of the background's messages. `db` is for tests (default: the shared database). */
export async function handleMessage(message: BackgroundRequest, sender: Sender, db?: LogDb): Promise<AnyResponse> {
  const kind = senderKind(sender);
  if (kind === 'foreign') return { ok: false, error: 'Messages are accepted from Reply Guard only.' };
  const type = (message as { type?: unknown }).type;
  if (type !== 'log-interaction' && kind !== 'extension-page') {
    // A content script runs inside the page: it may log what a person did, nothing more.
    return { ok: false, error: "Only Reply Guard's own pages may do this.", retry: false };
  }
  // Every message is a chance to write what was queued while the worker slept.
  void drainPending(db);
  try {
    if (type === 'log-interaction') {
      return await logInteraction(message as { input: unknown }, sender, kind === 'content-script', db);
    }
    if (type === 'recent-interactions') {
      const { limit, includeEvents } = message as { limit?: unknown; includeEvents?: unknown };
      return {
        ok: true,
        records: await recentInteractions(typeof limit === 'number' ? limit : 10, db, {
          includeEvents: includeEvents === true,
        }),
      };
    }
    if (type === 'record-event') {
      const checked = validateEvent((message as { event?: unknown }).event);
      if (!checked.ok) return { ok: false, error: checked.error };
      const { settings } = await getSettings();
      const r = await appendEvent(checked.event, logSettingsOf(settings), db);
      return { ok: true, id: r.id, seq: r.seq };
    }
    if (type === 'checkpoint') return { ok: true, checkpoint: await currentCheckpoint(db) };
  } catch (e) {
    return { ok: false, error: describeLogError(e) };
  }
  return { ok: false, error: 'Unknown message.' };
}

/**
 * Logs one interaction: checked, idempotent by its id, and rate-limited per tab when a content
 * script sent it (a hostile page can drive a content script; the extension's own pages can write
 * the database directly anyway, and the log bench sends hundreds from one).
 */
async function logInteraction(
  message: { input: unknown },
  sender: Sender,
  limited: boolean,
  db?: LogDb,
): Promise<AnyResponse> {
  // The input is untrusted until checked, whatever its static type says.
  const checked = validateInput(message.input);
  if (!checked.ok) return { ok: false, error: checked.error };
  const key = rateKey(sender);
  const l = limiterForTests ?? limiter;
  const { settings } = await getSettings();
  if (limited && !l.take(key)) {
    const n = l.refusalsToReport(key);
    if (n) {
      // One record a minute per tab counts what was refused: a flood shows in the log.
      await appendEvent(
        {
          outcome: 'refused',
          site: checked.input.site,
          detail: { why: 'rate-limit', count: n, limitPerMinute: 30, tab: sender.tab?.id ?? -1 },
        },
        logSettingsOf(settings),
        db,
      ).catch((e) => console.error('Reply Guard: could not record refused interactions', e));
    }
    return {
      ok: false,
      retry: false,
      error: 'Too many replies logged from this tab in the last minute; this one was counted as refused in the log.',
    };
  }
  try {
    const record = await appendInteraction(checked.input, logSettingsOf(settings), db);
    return { ok: true, id: record.id };
  } catch (e) {
    return { ok: false, error: describeLogError(e) };
  }
}

const draining = new Map<LogDb | undefined, Promise<number>>();
const again = new Set<LogDb | undefined>();

/**
 * Writes queued interactions into the log, oldest first, removing each entry's key once its record
 * is written. Stops at the first storage error and keeps the rest queued; drops entries that can
 * never be written (malformed), saying so in the console. An entry whose id is already in the log
 * (the worker stopped after writing it, before removing it) is just removed. Resolves with the
 * number of records written or found written.
 */
export function drainPending(db?: LogDb): Promise<number> {
  const running = draining.get(db);
  if (running) {
    // A drain is running; run once more after it, for entries queued meanwhile.
    again.add(db);
    return running;
  }
  const p = (async () => {
    let total = 0;
    do {
      again.delete(db);
      let queued = await readPending();
      if (!queued.length) break;
      const { settings } = await getSettings();
      const done: PendingEntry[] = [];
      if (queued.length > MAX_PENDING) {
        // Something queued far more than a person could: keep the newest, count the rest.
        const dropped = queued.slice(0, queued.length - MAX_PENDING);
        queued = queued.slice(-MAX_PENDING);
        await appendEvent(
          { outcome: 'refused', detail: { why: 'queue-full', count: dropped.length, limit: MAX_PENDING } },
          logSettingsOf(settings),
          db,
        );
        await removePending(dropped);
      }
      try {
        for (const entry of queued) {
          const checked = validateInput(entry.value);
          if (checked.ok) {
            // Stamped with when it happened, not when the worker got to it.
            await appendInteraction(checked.input, logSettingsOf(settings), db, queuedTime(entry.value));
            total++;
          } else {
            console.warn(`Reply Guard: dropped a queued interaction: ${checked.error}`);
          }
          done.push(entry);
          // Removed as soon as written: a stop now loses nothing and doubles nothing.
          if (done.length % 50 === 0) await removePending(done.splice(0));
        }
      } catch (e) {
        if (!(e instanceof LogFullError)) console.error(`Reply Guard: ${describeLogError(e)}`);
        again.delete(db);
      } finally {
        await removePending(done);
      }
    } while (again.has(db));
    return total;
  })().finally(() => {
    draining.delete(db);
  });
  draining.set(db, p);
  return p;
}

/** Work for each service worker start: retention, then the queue. */
export async function onStartup(db?: LogDb): Promise<void> {
  try {
    const { settings } = await getSettings();
    await pruneOlderThan(settings.log.retentionDays, db);
  } catch (e) {
    console.error('Reply Guard: retention failed', e);
  }
  await drainPending(db);
}
