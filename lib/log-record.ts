/**
 * One interaction of a staff member with the guard: the unit of the compliance log (issue #6).
 * Written by the background only; content scripts send `InteractionInput`.
 */
import type { Category, Verdict } from '@/rules/types';
import type { SiteId } from './settings';

/**
 * The storage.local key where content scripts queue interactions the background could not take
 * (worker unreachable, log refused); the background drains it.
 */
export const PENDING_KEY = 'pendingInteractions';

/** How a held or checked reply ended. */
export type Outcome = 'posted' | 'edited' | 'replaced' | 'overridden' | 'abandoned';

/** What a content script reports; the background adds the rest. */
export interface InteractionInput {
  site: SiteId;
  /** The kind of page: 'review-reply', 'comment', 'private-message', ... */
  pageKind: string;
  /** The page address without its query or fragment. */
  url: string;
  verdict: Verdict;
  categories: Category[];
  rules: string[];
  outcome: Outcome;
  reason?: string;
  /** The reply text; the background keeps it as the log settings say. */
  text: string;
  /** Character spans of the findings, for redaction. */
  spans?: Array<[number, number]>;
  /** Milliseconds from the first keystroke to the outcome. */
  durationMs?: number;
}

/** A stored record: tamper-evident through `prevHash`. */
export interface InteractionRecord {
  id: string;
  time: number;
  site: SiteId;
  pageKind: string;
  url: string;
  verdict: Verdict;
  categories: Category[];
  rules: string[];
  outcome: Outcome;
  reason: string;
  staff: string;
  /** Full, redacted or empty, as the log settings said when it was written. */
  text: string;
  /** SHA-256 (hex) of the original reply text. */
  textHash: string;
  durationMs: number;
  extensionVersion: string;
  /** SHA-256 (hex) of the record before this one ('' for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this record's fields and prevHash. */
  hash: string;
}
