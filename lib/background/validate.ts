/**
 * Checks what content scripts send before it reaches the log: a message is untrusted input (a
 * compromised page could reach a content script), and a malformed record would poison the chain.
 */
import type { InteractionInput, Outcome } from '@/lib/log-record';
import { SITES, type SiteId } from '@/lib/settings';
import { CATEGORIES, type Category, type Verdict } from '@/rules/types';

/** The outcomes a record may carry. */
export const OUTCOMES: readonly Outcome[] = ['posted', 'edited', 'replaced', 'overridden', 'abandoned'];
/** The verdicts a record may carry. */
export const VERDICTS: readonly Verdict[] = ['ok', 'warn', 'block'];

const MAX_TEXT = 20_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;

/** How far back a queued interaction's own time is believed (older: the drain time is used). */
const MAX_QUEUE_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The time a queued interaction happened (`queuedAt`, set by the content script's fallback queue,
 * lib/guard/log.ts), if it is plausible: not in the future, not older than 30 days.
 */
export function queuedTime(raw: unknown, now = Date.now()): number | undefined {
  const t = (raw as { queuedAt?: unknown } | null)?.queuedAt;
  if (typeof t !== 'number' || !Number.isFinite(t)) return undefined;
  return t <= now && now - t <= MAX_QUEUE_AGE_MS ? Math.round(t) : undefined;
}

/** The input if it is well formed, else a sentence saying what is wrong. */
export function validateInput(raw: unknown): { ok: true; input: InteractionInput } | { ok: false; error: string } {
  if (!isObj(raw)) return { ok: false, error: 'The interaction is not an object.' };
  const bad = (field: string) => ({ ok: false as const, error: `The interaction's "${field}" is missing or invalid.` });
  if (!SITES.includes(raw.site as SiteId)) return bad('site');
  if (!isStr(raw.pageKind, 100)) return bad('pageKind');
  if (!isStr(raw.url)) return bad('url');
  if (!VERDICTS.includes(raw.verdict as Verdict)) return bad('verdict');
  if (!Array.isArray(raw.categories) || !raw.categories.every((c) => CATEGORIES.includes(c as Category)))
    return bad('categories');
  if (!Array.isArray(raw.rules) || !raw.rules.every((r) => isStr(r, 100))) return bad('rules');
  if (!OUTCOMES.includes(raw.outcome as Outcome)) return bad('outcome');
  if (raw.reason !== undefined && !isStr(raw.reason)) return bad('reason');
  if (!isStr(raw.text, MAX_TEXT)) return bad('text');
  if (
    raw.spans !== undefined &&
    !(
      Array.isArray(raw.spans) &&
      raw.spans.every(
        (s) => Array.isArray(s) && s.length === 2 && s.every((n) => typeof n === 'number' && Number.isFinite(n)),
      )
    )
  )
    return bad('spans');
  if (raw.durationMs !== undefined && !(typeof raw.durationMs === 'number' && Number.isFinite(raw.durationMs)))
    return bad('durationMs');
  const input: InteractionInput = {
    site: raw.site as SiteId,
    pageKind: raw.pageKind,
    url: raw.url,
    verdict: raw.verdict as Verdict,
    categories: [...new Set(raw.categories as Category[])],
    rules: [...new Set(raw.rules as string[])],
    outcome: raw.outcome as Outcome,
    text: raw.text,
  };
  if (raw.reason !== undefined) input.reason = raw.reason;
  if (raw.spans !== undefined) input.spans = raw.spans as Array<[number, number]>;
  if (raw.durationMs !== undefined) input.durationMs = raw.durationMs as number;
  return { ok: true, input };
}
