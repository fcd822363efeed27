/**
 * Every message between the extension's parts, typed in one place.
 * content script → background: log an interaction.
 * popup → content script (tabs.sendMessage): status of the focused reply box, insert a template.
 * popup / dashboard → background: recent interactions.
 */
import type { Verdict } from '@/rules/types';
import type { InteractionInput, InteractionRecord } from './log-record';
import type { SiteId } from './settings';

export type BackgroundRequest =
  | { type: 'log-interaction'; input: InteractionInput }
  | { type: 'recent-interactions'; limit: number };

export type BackgroundResponse<T extends BackgroundRequest['type']> = T extends 'log-interaction'
  ? { ok: true; id: string } | { ok: false; error: string }
  : T extends 'recent-interactions'
    ? { ok: true; records: InteractionRecord[] } | { ok: false; error: string }
    : never;

export type ContentRequest = { type: 'get-status' } | { type: 'insert-template'; text: string };

/** What the popup shows about the page. */
export interface PageStatus {
  site: SiteId;
  active: boolean;
  /** The verdict of the focused (or last focused) reply box, if any. */
  verdict: Verdict | null;
  findingCount: number;
}

export type ContentResponse<T extends ContentRequest['type']> = T extends 'get-status'
  ? PageStatus
  : T extends 'insert-template'
    ? { ok: true } | { ok: false; error: string }
    : never;
