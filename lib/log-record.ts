/**
 * One entry of the compliance log (issues #6, #11): either an interaction of a staff member with
 * the guard (a held or checked reply and how it ended) or an event that changed the guard itself
 * (paused, a site switched off, a setting changed, records pruned or imported). Both kinds sit in
 * one hash chain, so nothing that weakens the guard can happen without leaving a record.
 * Written by the background only; content scripts send `InteractionInput`, extension pages
 * send `AuditEventInput`.
 */
import type { Category, Verdict } from '@/rules/types';
import type { SiteId } from './settings';

/**
 * The storage.local key prefix of the content scripts' fallback queue: one key per queued
 * interaction (`pending:<id>`), so two tabs queueing at once never overwrite each other and the
 * background removing what it wrote never drops a concurrent append (issue #11).
 */
export const PENDING_PREFIX = 'pending:';

/** The single-array queue key of earlier versions; still drained, never written. */
export const PENDING_KEY = 'pendingInteractions';

/** How a held or checked reply ended (interactions, sent by content scripts). */
export const INTERACTION_OUTCOMES = [
  'posted',
  'edited',
  'replaced',
  'overridden',
  'abandoned',
  /** The guard could not check the reply (error, timeout) and held it; see verdict `unchecked`. */
  'unchecked',
  /** A flagged draft was emptied or removed without a submit the guard saw (issue #10 item 9). */
  'unseen-submit',
] as const;

/** What changed the guard or the log itself (events, from extension pages or the background). */
export const EVENT_OUTCOMES = [
  'paused',
  'resumed',
  'site-off',
  'site-on',
  'monitor-only',
  /** detail: {setting, from, to}. */
  'setting-changed',
  'settings-imported',
  'log-imported',
  /** An imported workstation's records were removed from this dashboard. */
  'import-removed',
  /** Retention deleted old records: detail {count, fromSeq, upToSeq, upToHash, ...}. */
  'pruned',
  /** Interactions the log refused (rate limit, log full, queue full): detail {why, count}. */
  'refused',
] as const;

/** Every outcome a record may carry. Names are a contract read by outside harnesses. */
export const OUTCOMES = [...INTERACTION_OUTCOMES, ...EVENT_OUTCOMES] as const;

/** How an interaction ended. */
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];
/** What kind of change an event records. */
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];
/** Any record's outcome. */
export type Outcome = InteractionOutcome | EventOutcome;

/** A record's verdict: the rules' verdict, `unchecked` when they could not run, `none` for events. */
export type RecordVerdict = Verdict | 'unchecked' | 'none';
/** The verdicts a record may carry. */
export const RECORD_VERDICTS: readonly RecordVerdict[] = ['ok', 'warn', 'block', 'unchecked', 'none'];

/** The flat, primitive-valued details of an event (hashed with the record, shown in exports). */
export type Detail = Record<string, string | number | boolean>;

/** What a content script reports; the background adds the rest. */
export interface InteractionInput {
  /**
   * The interaction's own id (a UUID made when it happened, lib/guard/log.ts), used as the
   * record's id: a retry or a queued copy of the same interaction is written once. Optional for
   * older senders; the background then makes one.
   */
  id?: string;
  /** Shared by every record of one draft in one reply box (edited, then overridden, ...). */
  draftId?: string;
  site: SiteId;
  /** The kind of page: 'review-reply', 'comment', 'private-message', ... */
  pageKind: string;
  /** The page address without its query or fragment. */
  url: string;
  /** The reviewer or commenter answered, when the adapter knows it. */
  reviewer?: string;
  /** A link to the exact review or comment, when the adapter knows it. */
  link?: string;
  verdict: Exclude<RecordVerdict, 'none'>;
  categories: Category[];
  rules: string[];
  /** One of INTERACTION_OUTCOMES (checked by the background; typed wide for the guard's own use). */
  outcome: Outcome;
  reason?: string;
  /**
   * The spans of `reason` the rules flag, computed by the sender where the rules run (the
   * background has no rules engine); used to redact the reason in redacted/none modes.
   */
  reasonSpans?: Array<[number, number]>;
  /** Who is replying, picked in the hold dialog (issue #11 item 6); else the settings' staff member. */
  staff?: string;
  /** The reply text; the background keeps it as the log settings say. */
  text: string;
  /** Character spans of the findings, for redaction. */
  spans?: Array<[number, number]>;
  /** Milliseconds from the first keystroke to the outcome. */
  durationMs?: number;
}

/** What an extension page (or the background itself) reports about a change to the guard. */
export interface AuditEventInput {
  outcome: EventOutcome;
  /** The site concerned, or 'all'. */
  site?: SiteId | 'all';
  /** Why (a site switched off, a pause): the staff member's own words, redacted per text mode. */
  reason?: string;
  /** The spans of `reason` the rules flag (see InteractionInput.reasonSpans). */
  reasonSpans?: Array<[number, number]>;
  detail?: Detail;
}

/**
 * A stored record: tamper-evident through `prevHash`. Format 2 (`v: 2`, issue #11) hashes every
 * field below including `seq`; records written before it (no `v`) keep their original hash and
 * their plain-SHA-256 `textHash` (see docs/audit-trail.md).
 */
export interface InteractionRecord {
  /** Record format: 2 for records written since issue #11; absent on older records. */
  v?: 2;
  id: string;
  /** 'interaction' or 'event' (format 2; older records are interactions). */
  kind?: 'interaction' | 'event';
  time: number;
  site: SiteId | 'all';
  pageKind: string;
  /** Full mode: the page address without query or fragment. Redacted/none: the origin only. */
  url: string;
  verdict: RecordVerdict;
  categories: Category[];
  rules: string[];
  outcome: Outcome;
  /** The staff member's reason; in redacted/none modes redacted through the rules. */
  reason: string;
  staff: string;
  /** Full, redacted or empty, as the log settings said when it was written. */
  text: string;
  /** Older records only: plain SHA-256 (hex) of the reply. */
  textHash?: string;
  /** Format 2: HMAC-SHA-256 of the reply under this install's secret, full mode only; else ''. */
  fingerprint?: string;
  /** Format 2: the draft this record belongs to ('' for events). */
  draftId?: string;
  /** Format 2: the reviewer answered (full and redacted modes; '' in none). */
  reviewer?: string;
  /** Format 2: link to the exact review (full mode only). */
  link?: string;
  /** Format 2: event details. */
  detail?: Detail;
  /** The text mode the record was written under (format 2). */
  textMode?: 'full' | 'redacted' | 'none';
  durationMs: number;
  extensionVersion: string;
  /** Hash of the record before this one ('' for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this record's fields and prevHash. */
  hash: string;
}

/** Plain words for every outcome (popup, dashboard, report). */
export const OUTCOME_WORDS: Record<Outcome, string> = {
  posted: 'Posted',
  edited: 'Edited',
  replaced: 'Replaced with template',
  overridden: 'Posted anyway',
  abandoned: 'Abandoned',
  unchecked: 'Could not be checked',
  'unseen-submit': 'Left the box unseen (possible missed post)',
  paused: 'Guard paused',
  resumed: 'Guard resumed',
  'site-off': 'Site turned off',
  'site-on': 'Site turned back on',
  'monitor-only': 'Monitor only turned on',
  'setting-changed': 'Setting changed',
  'settings-imported': 'Settings imported',
  'log-imported': 'Log imported',
  'import-removed': 'Imported records removed',
  pruned: 'Old records deleted (retention)',
  refused: 'Interactions refused',
};

/** Plain words for every verdict. */
export const VERDICT_WORDS: Record<RecordVerdict, string> = {
  ok: 'OK',
  warn: 'Warning',
  block: 'Blocked',
  unchecked: 'Not checked',
  none: '—',
};
