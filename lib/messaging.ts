/**
 * Every message between the extension's parts, typed in one place.
 * content script → background: log an interaction (the only message a content script may send).
 * extension pages (popup, options, dashboard) → background: recent interactions, record an event
 *   that changes the guard or the log, this workstation's checkpoint.
 * popup → content script (tabs.sendMessage): status of the focused reply box, insert a template.
 * The background checks every sender (lib/background/senders.ts): a page's content script may not
 * read the log or record events, so a hostile page that reached it still could not.
 */
import { browser } from 'wxt/browser';
import type { Verdict } from '@/rules/types';
import type { Checkpoint } from './audit/checkpoint';
import type { AuditEventInput, InteractionInput, InteractionRecord } from './log-record';
import type { SiteId } from './settings';

export type BackgroundRequest =
  | { type: 'log-interaction'; input: InteractionInput }
  | { type: 'recent-interactions'; limit: number; includeEvents?: boolean }
  | { type: 'record-event'; event: AuditEventInput }
  | { type: 'checkpoint' };

/** The message types the background answers. */
export const BACKGROUND_TYPES: ReadonlyArray<BackgroundRequest['type']> = [
  'log-interaction',
  'recent-interactions',
  'record-event',
  'checkpoint',
];

type Fail = { ok: false; error: string };

export type BackgroundResponse<T extends BackgroundRequest['type']> = T extends 'log-interaction'
  ? { ok: true; id: string } | Fail
  : T extends 'recent-interactions'
    ? { ok: true; records: InteractionRecord[] } | Fail
    : T extends 'record-event'
      ? { ok: true; id: string; seq: number } | Fail
      : T extends 'checkpoint'
        ? { ok: true; checkpoint: Checkpoint } | Fail
        : never;

/**
 * Records an event that changes the guard or the log (from an extension page: options, popup,
 * dashboard). Resolves with the record's id; rejects with the background's message when refused.
 */
export async function sendAuditEvent(event: AuditEventInput): Promise<string> {
  const res = (await browser.runtime.sendMessage({ type: 'record-event', event } satisfies BackgroundRequest)) as
    | BackgroundResponse<'record-event'>
    | undefined;
  if (!res?.ok) throw new Error(res?.error ?? 'The background did not answer.');
  return res.id;
}

/** Asks the background for this workstation's signed checkpoint (from an extension page). */
export async function requestCheckpoint(): Promise<Checkpoint> {
  const res = (await browser.runtime.sendMessage({ type: 'checkpoint' } satisfies BackgroundRequest)) as
    | BackgroundResponse<'checkpoint'>
    | undefined;
  if (!res?.ok) throw new Error(res?.error ?? 'The background did not answer.');
  return res.checkpoint;
}

export type ContentRequest =
  | { type: 'get-status' }
  | { type: 'insert-template'; text: string }
  /** The reply area's element tree with no text in it, for a bug report (issue #10 item 9). */
  | { type: 'page-structure' };

/** What the popup shows about the page. */
export interface PageStatus {
  site: SiteId;
  active: boolean;
  /** The verdict of the focused (or last focused) reply box, if any. */
  verdict: Verdict | null;
  findingCount: number;
  /**
   * Flagged drafts on this page that left their box without a submit the guard saw (logged as
   * `unseen-submit`): the guard may be missing this site's post button.
   */
  unseenSubmits?: number;
}

export type ContentResponse<T extends ContentRequest['type']> = T extends 'get-status'
  ? PageStatus
  : T extends 'insert-template'
    ? { ok: true } | { ok: false; error: string }
    : T extends 'page-structure'
      ? { ok: true; structure: string } | { ok: false; error: string }
      : never;
