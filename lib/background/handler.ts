/**
 * The background's message handling and start-up work (issue #6). entrypoints/background.ts only
 * wires these to the browser's events.
 */
import { browser } from 'wxt/browser';
import { appendInteraction, describeLogError, pruneOlderThan, recentInteractions } from '@/lib/log';
import type { BackgroundRequest, BackgroundResponse } from '@/lib/messaging';
import { getSettings } from '@/lib/settings-storage';
import { readPending, removePending } from './pending';
import { queuedTime, validateInput } from './validate';

type AnyResponse = BackgroundResponse<'log-interaction'> | BackgroundResponse<'recent-interactions'>;

/** Who sent a message: only this extension's own scripts and pages are listened to. */
export interface Sender {
  id?: string;
}

/** True for the messages the background answers (others are left to other listeners). */
export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'log-interaction' || type === 'recent-interactions';
}

/** Answers one of the background's messages. */
export async function handleMessage(message: BackgroundRequest, sender: Sender): Promise<AnyResponse> {
  const msg = message;
  if (sender.id !== browser.runtime.id) return { ok: false, error: 'Messages are accepted from Reply Guard only.' };
  // Every message is a chance to write what was queued while the worker slept.
  void drainPending();
  if (msg.type === 'log-interaction') {
    // The input is untrusted until checked, whatever its static type says.
    const checked = validateInput(msg.input as unknown);
    if (!checked.ok) return { ok: false, error: checked.error };
    try {
      const { settings } = await getSettings();
      const record = await appendInteraction(checked.input, settings);
      return { ok: true, id: record.id };
    } catch (e) {
      return { ok: false, error: describeLogError(e) };
    }
  }
  try {
    const limit = typeof (msg as { limit?: unknown }).limit === 'number' ? msg.limit : 10;
    return { ok: true, records: await recentInteractions(limit) };
  } catch (e) {
    return { ok: false, error: describeLogError(e) };
  }
}

let draining: Promise<number> | undefined;
let again = false;

/**
 * Writes queued interactions into the log, oldest first, then removes exactly those written.
 * Stops at the first storage error and keeps the rest queued; drops entries that can never be
 * written (malformed), saying so in the console. Resolves with the number written.
 */
export function drainPending(): Promise<number> {
  if (draining) {
    // A drain is running; run once more after it, for entries queued meanwhile.
    again = true;
    return draining;
  }
  draining = (async () => {
    let total = 0;
    do {
      again = false;
      const queued = await readPending();
      if (!queued.length) break;
      const { settings } = await getSettings();
      const done: unknown[] = [];
      try {
        for (const entry of queued) {
          const checked = validateInput(entry);
          if (checked.ok) {
            // Stamped with when it happened, not when the worker got to it.
            await appendInteraction(checked.input, settings, undefined, queuedTime(entry));
            total++;
          } else {
            console.warn(`Reply Guard: dropped a queued interaction: ${checked.error}`);
          }
          done.push(entry);
        }
      } catch (e) {
        console.error(`Reply Guard: ${describeLogError(e)}`);
        again = false;
      } finally {
        await removePending(done);
      }
    } while (again);
    return total;
  })().finally(() => {
    draining = undefined;
  });
  return draining;
}

/** Work for each service worker start: retention, then the queue. */
export async function onStartup(): Promise<void> {
  try {
    const { settings } = await getSettings();
    await pruneOlderThan(settings.log.retentionDays);
  } catch (e) {
    console.error('Reply Guard: retention failed', e);
  }
  await drainPending();
}
