/**
 * Checks what senders send before it reaches the log: a message is untrusted input (a compromised
 * page could reach a content script), and a malformed record would poison the chain.
 */
import { isRecordId } from '@/lib/log';
import {
  type AuditEventInput,
  EVENT_OUTCOMES,
  type EventOutcome,
  INTERACTION_OUTCOMES,
  type InteractionInput,
  type InteractionOutcome,
  type RecordVerdict,
} from '@/lib/log-record';
import { SITES, type SiteId } from '@/lib/settings';
import { CATEGORIES, type Category } from '@/rules/types';

/** The outcomes an interaction may carry (events have their own, EVENT_OUTCOMES). */
export const OUTCOMES: readonly InteractionOutcome[] = INTERACTION_OUTCOMES;
/** The verdicts an interaction may carry: the rules' three, or `unchecked` when they could not run. */
export const VERDICTS: ReadonlyArray<Exclude<RecordVerdict, 'none'>> = ['ok', 'warn', 'block', 'unchecked'];

/**
 * The events an extension page may record. Pause, site switch-offs, monitor-only and setting
 * changes are recorded by the background itself from storage changes (settings-audit.ts), so a
 * page cannot double them or claim one that did not happen; `pruned` and `refused` are the
 * background's own.
 */
export const PAGE_EVENTS: readonly EventOutcome[] = [
  'setting-changed',
  'settings-imported',
  'log-imported',
  'import-removed',
];

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

/** True for a list of [start, end] character spans (at most 1,000). */
function isSpans(v: unknown): v is Array<[number, number]> {
  return (
    Array.isArray(v) &&
    v.length <= 1000 &&
    v.every((s) => Array.isArray(s) && s.length === 2 && s.every((n) => typeof n === 'number' && Number.isFinite(n)))
  );
}

/** The input if it is well formed, else a sentence saying what is wrong. */
export function validateInput(raw: unknown): { ok: true; input: InteractionInput } | { ok: false; error: string } {
  if (!isObj(raw)) return { ok: false, error: 'The interaction is not an object.' };
  const bad = (field: string) => ({ ok: false as const, error: `The interaction's "${field}" is missing or invalid.` });
  if (raw.id !== undefined && !isRecordId(raw.id)) return bad('id');
  if (raw.draftId !== undefined && !isRecordId(raw.draftId)) return bad('draftId');
  if (!SITES.includes(raw.site as SiteId)) return bad('site');
  if (!isStr(raw.pageKind, 100)) return bad('pageKind');
  if (!isStr(raw.url)) return bad('url');
  if (raw.reviewer !== undefined && !isStr(raw.reviewer, 200)) return bad('reviewer');
  if (raw.link !== undefined && !isStr(raw.link)) return bad('link');
  if (!VERDICTS.includes(raw.verdict as InteractionInput['verdict'])) return bad('verdict');
  if (!Array.isArray(raw.categories) || !raw.categories.every((c) => CATEGORIES.includes(c as Category)))
    return bad('categories');
  if (!Array.isArray(raw.rules) || !raw.rules.every((r) => isStr(r, 100))) return bad('rules');
  if (!OUTCOMES.includes(raw.outcome as InteractionOutcome)) return bad('outcome');
  if (raw.reason !== undefined && !isStr(raw.reason)) return bad('reason');
  if (raw.staff !== undefined && !isStr(raw.staff, 200)) return bad('staff');
  if (!isStr(raw.text, MAX_TEXT)) return bad('text');
  if (raw.spans !== undefined && !isSpans(raw.spans)) return bad('spans');
  if (raw.reasonSpans !== undefined && !isSpans(raw.reasonSpans)) return bad('reasonSpans');
  if (raw.durationMs !== undefined && !(typeof raw.durationMs === 'number' && Number.isFinite(raw.durationMs)))
    return bad('durationMs');
  const input: InteractionInput = {
    site: raw.site as SiteId,
    pageKind: raw.pageKind,
    url: raw.url,
    verdict: raw.verdict as InteractionInput['verdict'],
    categories: [...new Set(raw.categories as Category[])],
    rules: [...new Set(raw.rules as string[])],
    outcome: raw.outcome as InteractionOutcome,
    text: raw.text,
  };
  if (raw.id !== undefined) input.id = raw.id as string;
  if (raw.draftId !== undefined) input.draftId = raw.draftId as string;
  if (raw.reviewer !== undefined) input.reviewer = raw.reviewer;
  if (raw.link !== undefined) input.link = raw.link;
  if (raw.reason !== undefined) input.reason = raw.reason;
  if (raw.staff !== undefined) input.staff = raw.staff;
  if (raw.spans !== undefined) input.spans = raw.spans as Array<[number, number]>;
  if (raw.reasonSpans !== undefined) input.reasonSpans = raw.reasonSpans as Array<[number, number]>;
  if (raw.durationMs !== undefined) input.durationMs = raw.durationMs as number;
  return { ok: true, input };
}

/** An event from an extension page if it is well formed and a page may record it, else why not. */
export function validateEvent(raw: unknown): { ok: true; event: AuditEventInput } | { ok: false; error: string } {
  if (!isObj(raw)) return { ok: false, error: 'The event is not an object.' };
  const outcome = raw.outcome as EventOutcome;
  if (!EVENT_OUTCOMES.includes(outcome)) return { ok: false, error: 'The event\'s "outcome" is missing or invalid.' };
  if (!PAGE_EVENTS.includes(outcome)) {
    return {
      ok: false,
      error: `"${outcome}" is recorded by the background itself (from the settings, or by retention); pages cannot record it.`,
    };
  }
  if (raw.site !== undefined && raw.site !== 'all' && !SITES.includes(raw.site as SiteId)) {
    return { ok: false, error: 'The event\'s "site" is invalid.' };
  }
  if (raw.reason !== undefined && !isStr(raw.reason)) return { ok: false, error: 'The event\'s "reason" is invalid.' };
  if (raw.reasonSpans !== undefined && !isSpans(raw.reasonSpans)) {
    return { ok: false, error: 'The event\'s "reasonSpans" is invalid.' };
  }
  const detail: Record<string, string | number | boolean> = {};
  if (raw.detail !== undefined) {
    if (!isObj(raw.detail)) return { ok: false, error: 'The event\'s "detail" is invalid.' };
    const entries = Object.entries(raw.detail);
    if (entries.length > 30) return { ok: false, error: 'The event has too many details.' };
    for (const [k, v] of entries) {
      if (!/^[\w.-]{1,40}$/.test(k)) return { ok: false, error: `The event's detail "${k.slice(0, 40)}" is invalid.` };
      if (typeof v === 'string') detail[k] = v.slice(0, 500);
      else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') detail[k] = v;
      else return { ok: false, error: `The event's detail "${k}" is invalid.` };
    }
  }
  const event: AuditEventInput = { outcome, detail };
  if (raw.site !== undefined) event.site = raw.site as SiteId | 'all';
  if (raw.reason !== undefined) event.reason = raw.reason;
  if (raw.reasonSpans !== undefined) event.reasonSpans = raw.reasonSpans as Array<[number, number]>;
  return { ok: true, event };
}
