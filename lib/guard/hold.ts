/**
 * Holding a submit: listeners on `window` in the capture phase, registered at document_start, run
 * before any handler the site attaches to its elements (Lexical's included), so a held Enter /
 * click / submit never reaches the site. The dialog decides; "Confirm and post" re-dispatches the
 * same action with a one-shot bypass, then checks the post happened (issue #10 item 3).
 *
 * Fail closed: whatever goes wrong at submit (the engine does not load, the text cannot be read,
 * the rules throw) holds the post with a dialog saying the reply could not be checked. The page
 * does not decide the hold through its own markup: a mention picker it claims with
 * aria-activedescendant must really be on screen for Enter to pass.
 */
import { readText, writeText } from '@/lib/editor';
import type { Outcome } from '@/lib/log-record';
import { accessibleName, BUTTON_SELECTOR } from '@/lib/sites/dom';
import { isLabel } from '@/lib/sites/labels';
import type { Analysis } from '@/rules/types';
import type { GuardHost } from './host';
import { openPlainDialog, type PlainDialog } from './plain-dialog';
import type { Held, Session, Via } from './session';

/** Longest a submit waits for the engine before the reply is held as unchecked. */
export const ENGINE_WAIT_MS = 4000;
/** How long after "Confirm and post" the box has to empty or go away before the guard steps in. */
export const VERIFY_MS = 2500;
/** The longest the guard waits for a post the site is still sending (its box or button disabled). */
export const VERIFY_MAX_MS = 15000;
/** A safe reply for "Use a safe template" when the engine (and its template library) is not there. */
export const FALLBACK_TEMPLATE = 'Thank you for your feedback. Please contact our office directly so we can help.';

/** Holds flagged posts behind the dialog and posts them again when the user confirms. */
export class Holder {
  /** The held post while its dialog is open. */
  held: Held | null = null;
  /** True only while the guard itself re-dispatches a confirmed post. */
  private bypass = false;
  /** The engine-less dialog, when that is what holds the post. */
  private plain: PlainDialog | null = null;
  /** When the user last pressed a key or a pointer, anywhere (trusted events only). */
  private lastGestureAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly g: GuardHost) {}

  /** Records a real user gesture (window capture listener, registered before any page script). */
  noteGesture(e: Event): void {
    if (!this.g.trusted(e)) return;
    this.lastGestureAt = Date.now();
    const s = this.g.boxes.sessionAt(e.target);
    // A key, paste, drop or pointer in the box: a person is writing this reply (issue #10 item 6).
    if (s) s.userActed = true;
    this.g.sweepSoon();
  }

  /** True when a person did something in the last second (a trusted key or pointer). */
  private recentGesture(): boolean {
    return Date.now() - this.lastGestureAt < 1000;
  }

  /** Forgets a held post whose box went away. */
  forget(s: Session): void {
    if (this.held?.session === s) this.closeDialog();
  }

  /** Closes whichever dialog is open without a decision (guard off, destroyed). */
  closeDialog(): void {
    this.held = null;
    this.plain?.close();
    this.plain = null;
  }

  /** Enter in a box that posts on Enter, or Enter/Space on an ARIA post button. */
  onKeyDown(e: KeyboardEvent): void {
    if (!this.g.alive()) return;
    this.noteGesture(e);
    if (e.key === 'Escape' && this.g.trusted(e)) this.g.logger.cancelledAt = Date.now();
    if (this.bypass || (e.key !== 'Enter' && e.key !== ' ')) return;
    if (e.isComposing || e.keyCode === 229) return;
    const s = this.g.boxes.sessionAt(e.target);
    if (s) {
      if (e.key === 'Enter' && !e.shiftKey && this.enterPosts(s)) this.onSubmitAttempt(s, { kind: 'enter' }, e);
      return;
    }
    // An ARIA button (div role=button) posts from its own key handler, not from a click.
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[role="button"]') : null;
    if (!target) return;
    const owner = this.sessionForButton(target);
    if (owner) this.onSubmitAttempt(owner, { kind: 'click', button: target }, e);
  }

  /** A click on a box's post button. */
  onClick(e: MouseEvent): void {
    if (!this.g.alive()) return;
    if (this.g.trusted(e)) this.g.sweepSoon();
    if (this.bypass || this.g.boxes.size === 0) return;
    const button = e.target instanceof Element ? e.target.closest<HTMLElement>(BUTTON_SELECTOR) : null;
    if (!button) return;
    // "Cancel", "Annulla", "Descartar"...: a draft that goes away now was left, not posted unseen.
    if (this.g.trusted(e) && isLabel('notSubmit', accessibleName(button))) this.g.logger.cancelledAt = Date.now();
    const s = this.sessionForButton(button);
    if (s) this.onSubmitAttempt(s, { kind: 'click', button }, e);
  }

  /** A form holding a box is submitted. */
  onSubmit(e: SubmitEvent): void {
    if (!this.g.alive()) return;
    if (this.bypass || this.g.boxes.size === 0) return;
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    for (const s of this.g.boxes.all()) {
      if (form.contains(s.editor)) {
        this.onSubmitAttempt(s, { kind: 'submit', form, submitter: e.submitter }, e);
        return;
      }
    }
  }

  /**
   * True when Enter posts this box. The adapter says no while a mention picker is open (Enter picks
   * a name), which it reads from the box's aria-activedescendant / aria-expanded: attributes any
   * page script can set. Believe them only when the option or list they name is really shown.
   */
  private enterPosts(s: Session): boolean {
    let posts = false;
    try {
      posts = s.adapter.submitsOnEnter(s.editor);
    } catch {
      posts = true;
    }
    if (posts) return true;
    const ed = s.editor;
    const active = ed.getAttribute('aria-activedescendant');
    const expanded = ed.getAttribute('aria-expanded') === 'true';
    if (!active && !expanded) return false;
    const doc = ed.ownerDocument;
    if (active) {
      const option = doc.getElementById(active);
      return !(option && option.getAttribute('role') === 'option' && shown(option));
    }
    const ids = `${ed.getAttribute('aria-controls') ?? ''} ${ed.getAttribute('aria-owns') ?? ''}`.trim().split(/\s+/);
    const list = ids.map((id) => (id ? doc.getElementById(id) : null)).find((el) => el && shown(el));
    return !list;
  }

  private sessionForButton(button: HTMLElement): Session | null {
    for (const s of this.g.boxes.all()) {
      if (!s.editor.isConnected) continue;
      try {
        if (s.adapter.submitControls(s.editor).includes(button)) return s;
      } catch {
        // An adapter that throws on this page: any button in the box's own form counts (fail closed).
        const form = s.editor.closest('form');
        if (form?.contains(button)) return s;
      }
    }
    return null;
  }

  /** The site is about to post the box's text: let ok replies through, hold flagged and unchecked ones. */
  private onSubmitAttempt(s: Session, via: Via, e: Event): void {
    try {
      this.attempt(s, via, e);
    } catch {
      // Anything unexpected while deciding: the post is held, as unchecked (fail closed).
      stop(e);
      if (!this.held) this.holding(() => this.openDialog(s, via, null, ''));
    }
  }

  private attempt(s: Session, via: Via, e: Event): void {
    const g = this.g;
    if (!g.active) return;
    if (this.held) {
      // A dialog is already open: nothing posts behind it.
      stop(e);
      return;
    }
    if (this.g.boxes.personal(s)) return;
    s.lastSubmitAt = Date.now();
    // A person is behind this post (or wrote the reply): only then does it reach the log or show a dialog.
    const byUser = s.userActed || (this.g.trusted(e) && this.recentGesture());
    if (byUser) s.userActed = true;
    let text: string;
    try {
      text = readText(s.editor);
    } catch {
      // Unreadable (a box built to break the reader): hold, never let it through unchecked.
      stop(e);
      if (byUser) this.holding(() => this.openDialog(s, via, null, ''));
      return;
    }
    if (!text.trim()) return;
    const { analyser } = g;
    if (!analyser.heavy) {
      // Posted before the rules finished loading (or they cannot load): hold, then decide.
      stop(e);
      void withTimeout(analyser.loadHeavy(), ENGINE_WAIT_MS).then((m) => {
        if (g.destroyed || this.held) return;
        const analysis = m ? analyser.check(s) : null;
        this.holding(() => this.decide(s, via, analysis, text, byUser, true));
      });
      return;
    }
    const analysis = analyser.check(s);
    // Stop first, decide after: whatever throws while deciding, the post has not gone.
    const held = !((analysis && analysis.verdict === 'ok') || g.settings.monitorOnly);
    if (held) stop(e);
    this.holding(() => this.decide(s, via, analysis, text, byUser, false));
  }

  /**
   * Lets an ok reply through (re-dispatching it when it was already held) or holds it. Returns true
   * when the post is held. `analysis` null means the reply could not be checked.
   */
  private decide(
    s: Session,
    via: Via,
    analysis: Analysis | null,
    text: string,
    byUser: boolean,
    alreadyHeld: boolean,
  ): boolean {
    const g = this.g;
    if ((analysis && analysis.verdict === 'ok') || g.settings.monitorOnly) {
      if (byUser) g.logger.posted(s, analysis, text);
      if (alreadyHeld) this.redispatch(s, via);
      return false;
    }
    // Flagged or unchecked. Without a person behind it (a page-made box, synthetic clicks) the
    // post is held silently: no dialog to click through, nothing written to the log.
    if (byUser) this.openDialog(s, via, analysis as Held['analysis'] | null, text);
    return true;
  }

  /** Runs `fn`, and if it throws, still reports the post as held (fail closed). */
  private holding(fn: () => void): void {
    try {
      fn();
    } catch {
      // The dialog could not be shown: the post stays held; the next submit tries again.
    }
  }

  private openDialog(s: Session, via: Via, analysis: Held['analysis'] | null, text: string): void {
    const g = this.g;
    this.held = { session: s, via, analysis, text, key: g.boxes.newId() };
    try {
      g.view.ensureOverlay();
      if (g.view.overlay) {
        g.view.render();
        return;
      }
    } catch {
      // The overlay could not be made or drawn: the plain dialog holds the post instead.
    }
    // No engine, no React overlay: the plain dialog holds the post (fail closed).
    this.plain = openPlainDialog(g.doc, {
      onEdit: this.onEdit,
      onTemplate: this.onTemplate,
      onConfirm: this.onConfirm,
    });
  }

  /** Closes the dialog and gives the box its focus back, caret at the end. */
  private release(): Held | null {
    const h = this.held;
    this.held = null;
    this.plain?.close();
    this.plain = null;
    this.g.view.render();
    if (h?.session.editor.isConnected) focusEnd(h.session.editor);
    return h;
  }

  /** "Edit reply". */
  readonly onEdit = (): void => {
    const h = this.release();
    if (h) this.finish(h, 'edited');
  };

  /** "Use a safe template". */
  readonly onTemplate = (): void => {
    const g = this.g;
    const h = this.release();
    if (!h) return;
    const s = h.session;
    let text = FALLBACK_TEMPLATE;
    try {
      const heavy = g.analyser.heavy;
      s.context = s.adapter.readContext(s.editor);
      if (heavy) text = heavy.suggestTemplate(s.context.reviewText, g.settings.profile, g.settings.customTemplates);
    } catch {
      // The generic safe reply stands in.
    }
    this.finish(h, 'replaced');
    void writeText(s.editor, text).then(() => g.analyser.analyzeNow(s));
  };

  /** "Confirm and post" with the reason given and, when picked, who is replying. */
  readonly onConfirm = (reason: string, staff?: string): void => {
    const h = this.release();
    if (!h) return;
    this.finish(h, 'overridden', reason, staff);
    this.redispatch(h.session, h.via);
    this.verify(h, staff);
  };

  /** Logs a held reply's outcome and starts the box's next reply afresh. */
  private finish(h: Held, outcome: Outcome, reason?: string, staff?: string): void {
    this.g.logger.log(h.session, h.analysis, h.text, outcome, reason, staff);
    h.session.flagged = outcome === 'edited' && h.analysis ? { text: h.text, analysis: h.analysis } : null;
    if (outcome !== 'edited') h.session.startedAt = null;
    if (outcome === 'overridden') h.session.lastPosted = { text: h.text, at: Date.now() };
  }

  /**
   * After "Confirm and post": the box should empty or go away. If it has not, post through the
   * site's own button once; if that does not work either, the guard may be missing this site's
   * post path: log `unseen-submit` so it does not go unnoticed (issue #10 items 3 and 9).
   */
  private verify(h: Held, staff?: string): void {
    const s = h.session;
    const posted = () => {
      if (!s.editor.isConnected) return true;
      try {
        return readText(s.editor).trim() !== h.text.trim();
      } catch {
        return false;
      }
    };
    // Sending: the box or its post control is disabled or busy. Never post again while it is.
    const busy = () => {
      const ed = s.editor;
      if (ed.closest('[aria-busy="true"]')) return true;
      if ((ed as HTMLTextAreaElement).disabled || (ed as HTMLTextAreaElement).readOnly) return true;
      if (ed.getAttribute('aria-disabled') === 'true' || ed.getAttribute('contenteditable') === 'false') return true;
      return this.siteButton(s) === null && h.via.kind !== 'enter';
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    void (async () => {
      for (let t = 0; (t < VERIFY_MS || (busy() && t < VERIFY_MAX_MS)) && !this.g.destroyed; t += 100) {
        await wait(100);
        if (posted()) return;
      }
      if (busy()) return;
      if (this.g.destroyed) return;
      const button = h.via.kind === 'click' ? null : this.siteButton(s);
      if (button) {
        this.redispatch(s, { kind: 'click', button });
        for (let t = 0; t < VERIFY_MS && !this.g.destroyed; t += 100) {
          await wait(100);
          if (posted()) return;
        }
      }
      if (!this.g.destroyed) this.g.logger.log(s, h.analysis, h.text, 'unseen-submit', undefined, staff);
    })();
  }

  /** The site's own post button for the box: the first shown, enabled candidate. */
  private siteButton(s: Session): HTMLElement | null {
    try {
      return (
        s.adapter
          .submitControls(s.editor)
          .find((b) => shown(b) && !(b as HTMLButtonElement).disabled && b.getAttribute('aria-disabled') !== 'true') ??
        null
      );
    } catch {
      return null;
    }
  }

  /** Posts the box through the site's own path, letting exactly this dispatch past the guard. */
  private redispatch(s: Session, via: Via): void {
    this.bypass = true;
    try {
      if (via.kind === 'click') via.button.click();
      else if (via.kind === 'submit') {
        const submitter =
          via.submitter && (via.submitter as HTMLButtonElement).form === via.form ? via.submitter : null;
        via.form.requestSubmit(submitter);
      } else {
        s.editor.focus({ preventScroll: true });
        const init = {
          key: 'Enter',
          code: 'Enter',
          keyCode: 13,
          which: 13,
          bubbles: true,
          cancelable: true,
          composed: true,
        };
        s.editor.dispatchEvent(new KeyboardEvent('keydown', init));
        s.editor.dispatchEvent(new KeyboardEvent('keyup', init));
      }
    } catch {
      // The site's path failed: verify() notices the reply is still there.
    } finally {
      this.bypass = false;
    }
  }
}

/** Resolves to the promise's value, or null after `ms`. */
function withTimeout<T>(p: Promise<T | null>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(null);
      },
    );
  });
}

/** True when an element is rendered and not hidden by opacity or visibility. */
export function shown(el: Element): boolean {
  if (!el.isConnected) return false;
  const check = (el as HTMLElement & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { opacityProperty: true, visibilityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Stops an event before the site sees it. */
function stop(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** Focuses a box and puts the caret at the end of its text. */
function focusEnd(editor: HTMLElement): void {
  editor.focus({ preventScroll: true });
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
    return;
  }
  const sel = editor.ownerDocument.getSelection();
  if (!sel || (sel.anchorNode && editor.contains(sel.anchorNode))) return;
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}
