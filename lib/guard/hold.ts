/**
 * Holding a submit: listeners on `window` in the capture phase, registered at document_start, run
 * before any handler the site attaches to its elements (Lexical's included), so a held Enter /
 * click / submit never reaches the site. The dialog decides; "Confirm and post" re-dispatches the
 * same action with a one-shot bypass.
 */
import { readText, writeText } from '@/lib/editor';
import type { Outcome } from '@/lib/log-record';
import { BUTTON_SELECTOR } from '@/lib/sites/dom';
import type { GuardHost } from './host';
import type { Held, Session, Via } from './session';

/** Holds flagged posts behind the dialog and posts them again when the user confirms. */
export class Holder {
  /** The held post while its dialog is open. */
  held: Held | null = null;
  /** True only while the guard itself re-dispatches a confirmed post. */
  private bypass = false;

  constructor(private readonly g: GuardHost) {}

  /** Forgets a held post whose box went away. */
  forget(s: Session): void {
    if (this.held?.session === s) this.held = null;
  }

  /** Enter in a box that posts on Enter, or Enter/Space on an ARIA post button. */
  onKeyDown(e: KeyboardEvent): void {
    if (!this.g.alive()) return;
    if (this.bypass || (e.key !== 'Enter' && e.key !== ' ')) return;
    if (e.isComposing || e.keyCode === 229) return;
    const s = this.g.boxes.sessionAt(e.target);
    if (s) {
      if (e.key === 'Enter' && !e.shiftKey && s.adapter.submitsOnEnter(s.editor))
        this.onSubmitAttempt(s, { kind: 'enter' }, e);
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
    if (this.bypass || this.g.boxes.size === 0) return;
    const button = e.target instanceof Element ? e.target.closest<HTMLElement>(BUTTON_SELECTOR) : null;
    if (!button) return;
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

  private sessionForButton(button: HTMLElement): Session | null {
    for (const s of this.g.boxes.all()) {
      if (s.editor.isConnected && s.adapter.submitButton(s.editor) === button) return s;
    }
    return null;
  }

  /** The site is about to post the box's text: let ok replies through, hold flagged ones. */
  private onSubmitAttempt(s: Session, via: Via, e: Event): void {
    const g = this.g;
    if (!g.active) return;
    if (this.held) {
      // A dialog is already open: nothing posts behind it.
      stop(e);
      return;
    }
    const text = readText(s.editor);
    if (!text.trim()) return;
    const { analyser } = g;
    if (!analyser.heavy) {
      // Pasted and posted before the rules finished loading: hold, then decide as usual.
      stop(e);
      void analyser.loadHeavy().then(() => {
        const analysis = analyser.analyzeNow(s);
        if (!analysis || analysis.verdict === 'ok' || g.settings.monitorOnly) {
          g.logger.posted(s, analysis, text);
          this.redispatch(s, via);
        } else this.openDialog(s, via, analysis as Held['analysis'], text);
      });
      return;
    }
    const analysis = analyser.analyzeNow(s);
    if (!analysis || analysis.verdict === 'ok' || g.settings.monitorOnly) {
      g.logger.posted(s, analysis, text);
      return;
    }
    stop(e);
    this.openDialog(s, via, analysis as Held['analysis'], text);
  }

  private openDialog(s: Session, via: Via, analysis: Held['analysis'], text: string): void {
    this.held = { session: s, via, analysis, text, key: this.g.boxes.newId() };
    this.g.view.ensureOverlay();
    this.g.view.render();
  }

  /** Closes the dialog and gives the box its focus back, caret at the end. */
  private release(): Held | null {
    const h = this.held;
    this.held = null;
    this.g.view.render();
    if (h) focusEnd(h.session.editor);
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
    const heavy = g.analyser.heavy;
    if (!h || !heavy) return;
    const s = h.session;
    s.context ??= s.adapter.readContext(s.editor);
    const text = heavy.suggestTemplate(s.context.reviewText, g.settings.profile, g.settings.customTemplates);
    this.finish(h, 'replaced');
    void writeText(s.editor, text).then(() => g.analyser.analyzeNow(s));
  };

  /** "Confirm and post" with the reason given. */
  readonly onConfirm = (reason: string): void => {
    const h = this.release();
    if (!h) return;
    this.finish(h, 'overridden', reason);
    this.redispatch(h.session, h.via);
  };

  /** Logs a held reply's outcome and starts the box's next reply afresh. */
  private finish(h: Held, outcome: Outcome, reason?: string): void {
    this.g.logger.log(h.session, h.analysis, h.text, outcome, reason);
    h.session.flagged = outcome === 'edited' ? { text: h.text, analysis: h.analysis } : null;
    if (outcome !== 'edited') h.session.startedAt = null;
    if (outcome === 'overridden') h.session.lastPosted = { text: h.text, at: Date.now() };
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
    } finally {
      this.bypass = false;
    }
  }
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
