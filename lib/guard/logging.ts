/**
 * Logging glue: turns how a reply ended into an InteractionInput for the log (lib/guard/log.ts
 * sends it), keeps each box's duration clock and flagged draft, and surfaces the log's refusals.
 *
 * The log records only what a person did (issue #10 item 6): nothing is written for a box nobody
 * typed, pasted or pointed in (a page-made textarea driven by synthetic events writes nothing).
 * A flagged draft that vanishes without a submit the guard saw is logged as `unseen-submit`
 * (issue #10 item 9): the site may have posted it through a control the guard does not know.
 */
import { readText } from '@/lib/editor';
import type { InteractionInput, Outcome } from '@/lib/log-record';
import type { Analysis } from '@/rules/types';
import type { GuardHost } from './host';
import { draftIdFor, reasonSpans } from './log';
import type { Session } from './session';

/** How recent a submit or a navigation must be to explain a flagged box emptying or going away. */
const EXPLAINS_MS = 3000;

/** Writes the guard's interactions. */
export class GuardLogger {
  /** Why the log refused the last interaction (e.g. storage full), shown until dismissed. */
  error: string | null = null;
  /** When the page last navigated (trusted Navigation API events), so a box leaving with it was left, not posted. */
  navigatedAt = 0;
  /** When the user last pressed a Cancel-like button or Escape (a draft leaving then was left). */
  cancelledAt = 0;
  /** Unseen submits on this page, for the popup ("The guard may be missing this site's post button"). */
  unseenSubmits = 0;

  constructor(private readonly g: GuardHost) {}

  /** Keeps the duration clock and the flagged draft; a flagged reply that empties is logged. */
  track(s: Session, text: string, analysis: Analysis): void {
    if (!text.trim()) {
      if (s.flagged) this.gone(s, 'emptied');
      s.startedAt = null;
      return;
    }
    s.startedAt ??= Date.now();
    s.flagged = analysis.verdict === 'ok' ? null : { text, analysis };
  }

  /**
   * A flagged draft left the box (emptied) or the box left the page (removed). The user clearing
   * it, leaving the page, or a submit the guard saw explain it (abandoned, or nothing new); else
   * the site posted it some way the guard did not see.
   */
  gone(s: Session, how: 'emptied' | 'removed'): void {
    const f = s.flagged;
    if (!f) return;
    const now = Date.now();
    if (now - s.lastSubmitAt < EXPLAINS_MS) {
      // The guard saw this post and logged it (posted, overridden or held).
      s.flagged = null;
      return;
    }
    const userCleared = how === 'emptied' && s.userEmptied;
    const navigated = how === 'removed' && (now - this.navigatedAt < EXPLAINS_MS || s.url !== this.g.win.location.href);
    const cancelled = now - this.cancelledAt < EXPLAINS_MS;
    if (userCleared || navigated || cancelled) this.abandon(s);
    else {
      s.flagged = null;
      this.unseenSubmits++;
      this.log(s, f.analysis, f.text, 'unseen-submit');
    }
  }

  /** Logs the box's flagged draft, if any, as abandoned. */
  abandon(s: Session): void {
    const f = s.flagged;
    if (!f) return;
    s.flagged = null;
    this.log(s, f.analysis, f.text, 'abandoned');
  }

  /** The page is going away: every flagged draft still on screen was left. */
  abandonAll(): void {
    for (const s of this.g.boxes.all()) {
      // The draft still on screen is what was left: re-read it, as the last analysis may be stale.
      try {
        if (s.flagged && readText(s.editor).trim()) this.abandon(s);
      } catch {
        this.abandon(s);
      }
    }
  }

  /** Logs a reply the site posts unheld (once per post: click and submit both fire). */
  posted(s: Session, analysis: Analysis | null, text: string): void {
    const now = Date.now();
    // One post fires click and submit (and a form's Enter a click): log it once.
    if (s.lastPosted && s.lastPosted.text === text && now - s.lastPosted.at < 2000) return;
    s.lastPosted = { text, at: now };
    this.log(s, analysis, text, 'posted');
  }

  /**
   * Sends one interaction to the log. `analysis` null: the reply could not be checked (verdict
   * `unchecked`). Boxes no person used write nothing.
   */
  log(s: Session, analysis: Analysis | null, text: string, outcome: Outcome, reason?: string, staff?: string): void {
    const g = this.g;
    if (!s.userActed && outcome !== 'overridden' && outcome !== 'edited' && outcome !== 'replaced') return;
    // A staff member's own conversation is none of the log's business (issue #10 item 7).
    if (g.boxes.personal(s)) return;
    const url = new URL(g.win.location.href);
    const findings = analysis?.findings ?? [];
    let pageKind = 'unknown';
    try {
      pageKind = s.adapter.pageKind(s.editor, url);
    } catch {
      // The kind is a label only: the record is still written.
    }
    const input: InteractionInput = {
      site: g.deps.site,
      pageKind,
      url: url.origin + url.pathname,
      verdict: analysis?.verdict ?? 'unchecked',
      categories: [...new Set(findings.map((f) => f.category))],
      rules: [...new Set(findings.map((f) => f.ruleId))],
      outcome,
      // Every record of one draft in this box shares an id (edited, then overridden), issue #11.
      draftId: draftIdFor(s, outcome),
      text,
      spans: findings.map((f) => [f.start, f.end] as [number, number]),
      durationMs: s.startedAt === null ? 0 : Date.now() - s.startedAt,
    };
    if (reason !== undefined) {
      input.reason = reason;
      // The background has no rules engine: the reason's flagged spans go with it, for redaction.
      input.reasonSpans = reasonSpans(reason, g.analyser.heavy, g.settings);
    }
    if (staff) input.staff = staff;
    void Promise.resolve(g.deps.log(input)).then((r) => {
      if (r?.error && !g.destroyed) {
        this.error = r.error;
        g.view.requestFrame();
      }
    });
  }

  /** The user dismissed the log's refusal. */
  readonly dismissError = (): void => {
    this.error = null;
    this.g.view.requestFrame();
  };
}
