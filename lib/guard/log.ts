/**
 * Sends interactions to the background's log. The service worker may be asleep (it wakes on the
 * message) or gone (extension reloaded): one retry, then the input waits in
 * `storage.local.pendingInteractions` for the background to drain on its next start or message.
 */
import { browser } from 'wxt/browser';
import { type InteractionInput, PENDING_KEY } from '@/lib/log-record';
import type { BackgroundRequest } from '@/lib/messaging';

export { PENDING_KEY };

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

/** How a send ended: written, waiting in the queue, or refused by the log (with its message). */
export type SendResult = { status: 'sent' } | { status: 'queued' } | { status: 'refused'; error: string };

/** The background's refusal message, when it answered `{ok: false, error}`. */
function refusal(response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return null;
  const r = response as { ok?: unknown; error?: unknown };
  return r.ok === false && typeof r.error === 'string' ? r.error : null;
}

/**
 * Logs `input` through the background: send, retry once, else queue. Never throws.
 * A refusal (e.g. "Storage is full: ...") still keeps the input in the queue, so nothing is lost
 * once space is freed, and comes back so the guard can tell the user.
 */
export async function sendInteraction(input: InteractionInput): Promise<SendResult> {
  const message: BackgroundRequest = { type: 'log-interaction', input };
  const now = Date.now();
  let error: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const response = await browser.runtime.sendMessage(message);
      if ((response as { ok?: unknown } | null)?.ok === true) return { status: 'sent' };
      error = refusal(response) ?? error;
    } catch {
      // "Receiving end does not exist" while the worker starts, or an invalidated context: retry, then queue.
    }
  }
  await queueInteraction(input, now);
  return error ? { status: 'refused', error } : { status: 'queued' };
}
