/**
 * Sends interactions to the background's log. The service worker may be asleep (it wakes on the
 * message) or gone (extension reloaded): one retry, then the input waits in
 * `storage.local.pendingInteractions` for the background to drain on its next start or message.
 */
import { browser } from 'wxt/browser';
import type { InteractionInput } from '@/lib/log-record';
import type { BackgroundRequest } from '@/lib/messaging';

/** The storage.local key of interactions the background has not acknowledged yet. */
export const PENDING_KEY = 'pendingInteractions';

/** A queued interaction: the input plus when it happened (the background stamps the log with this). */
export type PendingInteraction = InteractionInput & { queuedAt: number };

/** Serializes this frame's writes to the queue so two quick outcomes cannot overwrite each other. */
let queueChain: Promise<void> = Promise.resolve();

/** Appends `input` to the pending queue in storage.local. */
export function queueInteraction(input: InteractionInput, now = Date.now()): Promise<void> {
  queueChain = queueChain.then(async () => {
    try {
      const got = await browser.storage.local.get(PENDING_KEY);
      const list = Array.isArray(got[PENDING_KEY]) ? (got[PENDING_KEY] as PendingInteraction[]) : [];
      list.push({ ...input, queuedAt: now });
      await browser.storage.local.set({ [PENDING_KEY]: list });
    } catch {
      // The extension context is gone (updated or removed): nothing in this page can reach it any more.
    }
  });
  return queueChain;
}

/** True when the background acknowledged the message. */
function acknowledged(response: unknown): boolean {
  return typeof response === 'object' && response !== null && (response as { ok?: unknown }).ok === true;
}

/** Logs `input` through the background: send, retry once, else queue. Never throws. */
export async function sendInteraction(input: InteractionInput): Promise<'sent' | 'queued'> {
  const message: BackgroundRequest = { type: 'log-interaction', input };
  const now = Date.now();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      if (acknowledged(await browser.runtime.sendMessage(message))) return 'sent';
    } catch {
      // "Receiving end does not exist" while the worker starts, or an invalidated context: retry, then queue.
    }
  }
  await queueInteraction(input, now);
  return 'queued';
}
