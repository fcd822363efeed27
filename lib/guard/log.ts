/**
 * Sends interactions to the background's log. The service worker may be asleep (it wakes on the
 * message) or gone (extension reloaded): one retry, then the input waits in storage.local under
 * its own key (`pending:<id>`) for the background to drain on its next start or message.
 * Every interaction gets its id here, when it happens: the background uses it as the record's id,
 * so a retry or a queued copy is written once (issue #11).
 */
import { browser } from 'wxt/browser';
import { type InteractionInput, type Outcome, PENDING_KEY, PENDING_PREFIX } from '@/lib/log-record';
import type { BackgroundRequest } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';
import type { Analysis, AnalyzeOptions } from '@/rules/types';

export { PENDING_KEY, PENDING_PREFIX };

/** A queued interaction: the input with its id, plus when it happened (the log is stamped with this). */
export type PendingInteraction = InteractionInput & { id: string; queuedAt: number };

/** The storage key of a queued interaction. */
export function pendingKey(id: string): string {
  return `${PENDING_PREFIX}${id}`;
}

/**
 * Queues `input` in storage.local under its own key. Two tabs (or two quick outcomes) queueing at
 * once write different keys, so neither can overwrite the other.
 */
export async function queueInteraction(input: InteractionInput, now = Date.now()): Promise<void> {
  const id = input.id ?? crypto.randomUUID();
  const entry: PendingInteraction = { ...input, id, queuedAt: now };
  try {
    await browser.storage.local.set({ [pendingKey(id)]: entry });
  } catch {
    // The extension context is gone (updated or removed): nothing in this page can reach it any more.
  }
}

/** How a send ended: written, waiting in the queue, or refused by the log (with its message). */
export type SendResult = { status: 'sent' } | { status: 'queued' } | { status: 'refused'; error: string };

/** The background's refusal, when it answered `{ok: false, error}` (retry: false = do not queue). */
function refusal(response: unknown): { error: string; retry: boolean } | null {
  if (typeof response !== 'object' || response === null) return null;
  const r = response as { ok?: unknown; error?: unknown; retry?: unknown };
  return r.ok === false && typeof r.error === 'string' ? { error: r.error, retry: r.retry !== false } : null;
}

/**
 * Logs `input` through the background: send, retry once, else queue. Never throws.
 * The input gets its id first (kept if it has one), so the send, the retry and a queued copy are
 * one record. A refusal (e.g. "Storage is full: ...") still keeps the input in the queue, so
 * nothing is lost once space is freed, and comes back so the guard can tell the user; a refusal
 * the background marks final (rate limit: it has counted the interaction in a `refused` record)
 * is not queued.
 */
export async function sendInteraction(input: InteractionInput): Promise<SendResult> {
  const withId: InteractionInput = { ...input, id: input.id ?? crypto.randomUUID() };
  const message: BackgroundRequest = { type: 'log-interaction', input: withId };
  const now = Date.now();
  let refused: { error: string; retry: boolean } | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const response = await browser.runtime.sendMessage(message);
      if ((response as { ok?: unknown } | null)?.ok === true) return { status: 'sent' };
      refused = refusal(response) ?? refused;
      if (refused && !refused.retry) return { status: 'refused', error: refused.error };
    } catch {
      // "Receiving end does not exist" while the worker starts, or an invalidated context: retry, then queue.
    }
  }
  await queueInteraction(withId, now);
  return refused ? { status: 'refused', error: refused.error } : { status: 'queued' };
}

/** The open draft of each reply box (keyed by the guard's own object for the box). */
const drafts = new WeakMap<object, string>();

/**
 * The draft id for a record of the reply box `box` that ended with `outcome`: every record of one
 * draft shares it (edited, then overridden; an unchecked hold, then posted anyway), so the report
 * counts drafts, not records. A draft ends with any outcome but `edited` (the person is still
 * working on it) and `unchecked` (the hold stays open); the box's next record starts a new draft.
 */
export function draftIdFor(box: object, outcome: Outcome): string {
  let id = drafts.get(box);
  if (!id) {
    id = crypto.randomUUID();
    drafts.set(box, id);
  }
  if (outcome !== 'edited' && outcome !== 'unchecked') drafts.delete(box);
  return id;
}

/**
 * The spans of a reason the rules flag, for the log to redact it in redacted/none modes (the
 * background has no rules engine, lib/background/reason.ts). Strict, with the practice's own
 * terms. Undefined when the engine is not loaded or fails: the background then masks
 * conservatively on its own.
 */
export function reasonSpans(
  reason: string,
  engine: { analyze(text: string, options?: AnalyzeOptions): Analysis } | null | undefined,
  settings?: Pick<Settings, 'profile' | 'extraTerms'>,
): Array<[number, number]> | undefined {
  if (!engine || !reason.trim()) return undefined;
  try {
    const { findings } = engine.analyze(reason, {
      profile: settings?.profile,
      settings: { strictness: 'strict', extraTerms: settings?.extraTerms },
    });
    return findings.map((f) => [f.start, f.end] as [number, number]);
  } catch {
    return undefined;
  }
}
