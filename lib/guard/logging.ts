/**
 * Logging glue: turns how a reply ended into an InteractionInput for the log (lib/guard/log.ts
 * sends it), keeps each box's duration clock and flagged draft, and surfaces the log's refusals.
 */
import { readText } from '@/lib/editor';
import type { InteractionInput, Outcome } from '@/lib/log-record';
import type { Analysis } from '@/rules/types';
import type { GuardHost } from './host';
import type { Session } from './session';

/** Writes the guard's interactions. */
export class GuardLogger {
  /** Why the log refused the last interaction (e.g. storage full), shown until dismissed. */
  error: string | null = null;

  constructor(private readonly g: GuardHost) {}

  /** Keeps the duration clock and the flagged draft, and logs a flagged reply cleared as abandoned. */
  track(s: Session, text: string, analysis: Analysis): void {
    if (!text.trim()) {
      if (s.flagged) this.abandon(s);
      s.startedAt = null;
      return;
    }
    s.startedAt ??= Date.now();
    s.flagged = analysis.verdict === 'ok' ? null : { text, analysis };
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
      if (s.flagged && readText(s.editor).trim()) this.abandon(s);
    }
  }

  /** Logs a reply the site posts unheld (once per post: click and submit both fire). */
  posted(s: Session, analysis: Analysis | null, text: string): void {
    const now = Date.now();
    // One post fires click and submit (and a form's Enter a click): log it once.
    if (s.lastPosted && s.lastPosted.text === text && now - s.lastPosted.at < 2000) return;
    s.lastPosted = { text, at: now };
    this.log(s, analysis ?? { verdict: 'ok', findings: [] }, text, 'posted');
  }

  /** Sends one interaction to the log. */
  log(s: Session, analysis: Analysis, text: string, outcome: Outcome, reason?: string): void {
    const g = this.g;
    const url = new URL(g.win.location.href);
    const input: InteractionInput = {
      site: g.deps.site,
      pageKind: s.adapter.pageKind(s.editor, url),
      url: url.origin + url.pathname,
      verdict: analysis.verdict,
      categories: [...new Set(analysis.findings.map((f) => f.category))],
      rules: [...new Set(analysis.findings.map((f) => f.ruleId))],
      outcome,
      text,
      spans: analysis.findings.map((f) => [f.start, f.end] as [number, number]),
      durationMs: s.startedAt === null ? 0 : Date.now() - s.startedAt,
    };
    if (reason !== undefined) input.reason = reason;
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
