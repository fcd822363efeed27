/**
 * Answering the popup (tabs.sendMessage reaches every frame; the first answer wins): the status of
 * the focused box and inserting a template into it.
 */
import { writeText } from '@/lib/editor';
import type { ContentRequest, PageStatus } from '@/lib/messaging';
import type { Verdict } from '@/rules/types';
import type { GuardHost } from './host';
import type { Session } from './session';
import { pageStructure, replyArea } from './structure';

/** The popup's view of one box (or of the page, without one). */
function statusOf(g: GuardHost, s: Session | null): PageStatus {
  if (s && g.analyser.heavy && g.active) g.analyser.analyzeNow(s);
  const verdict: Verdict | null = s && g.active ? (s.analysis?.verdict ?? null) : null;
  return {
    site: g.deps.site,
    active: g.active,
    verdict,
    findingCount: verdict ? (s?.analysis?.findings.length ?? 0) : 0,
    unseenSubmits: g.logger.unseenSubmits,
  };
}

/**
 * Answers the popup. A message to a tab reaches every frame and the first answer wins, so only
 * the frame holding the focused box answers at once, others later by rank, and frames without a
 * box stay silent (undefined) except the top frame, last. Only a focused box (or the top frame's
 * last-focused one) takes an inserted template, so one insert never lands in two frames.
 */
export function answerPopup(g: GuardHost, msg: ContentRequest): Promise<unknown> | undefined {
  const focused = g.boxes.focused();
  const isTop = g.win.top === g.win;
  const childHasFocus = /^(IFRAME|FRAME)$/.test(g.doc.activeElement?.tagName ?? '');
  const last =
    [...g.boxes.all()].filter((s) => s.editor.isConnected).sort((a, b) => b.lastFocusAt - a.lastFocusAt)[0] ?? null;
  if (msg?.type === 'get-status') {
    // First answer wins: the focused box at once; the top frame's last-focused box at once;
    // a subframe's box a little later (the top page may not be guarded at all, as on Search);
    // a top frame without a box last, so the popup still learns whether the guard is on.
    const later = (ms: number, s: Session | null) =>
      new Promise<PageStatus>((resolve) => setTimeout(() => resolve(statusOf(g, s)), ms));
    if (focused) return Promise.resolve(statusOf(g, focused));
    if (childHasFocus) return last ? later(200, last) : undefined;
    if (!isTop) return last ? later(150, last) : undefined;
    if (last) return Promise.resolve(statusOf(g, last));
    return later(300, null);
  }
  if (msg?.type === 'page-structure') {
    // The box the user was last in (this frame's, as for templates); nothing leaves but the tree.
    const report = (s: Session) => {
      let controls: HTMLElement[] = [];
      try {
        controls = s.adapter.submitControls(s.editor);
      } catch {
        // The structure is what matters: without candidates it is still a report.
      }
      return { ok: true, structure: pageStructure(replyArea(s.editor), s.editor, controls) };
    };
    const s = focused ?? (isTop && !childHasFocus ? last : null);
    if (s) return Promise.resolve(report(s));
    // A subframe's box (Google's reviews iframe) answers a little later, as for the status.
    if (!isTop && last) return new Promise((resolve) => setTimeout(() => resolve(report(last)), 150));
    if (!isTop) return undefined;
    return new Promise((resolve) =>
      setTimeout(() => resolve({ ok: false, error: 'Click into the reply box first, then try again.' }), 300),
    );
  }
  if (msg?.type === 'insert-template' && typeof msg.text === 'string') {
    const s = focused ?? (isTop && !childHasFocus ? last : null);
    if (!s) return undefined;
    if (!g.active) return Promise.resolve({ ok: false, error: 'Reply Guard is off for this site.' });
    return writeText(s.editor, msg.text).then((ok) => {
      g.analyser.engage(s);
      return ok ? { ok: true } : { ok: false, error: 'The reply box did not accept the text.' };
    });
  }
  return undefined;
}
