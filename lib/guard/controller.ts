/**
 * The guard in the page (issue #4): a thin coordinator over its seams, each in its own file:
 * finding and watching boxes (boxes.ts), analysing (analysis.ts), holding a submit (hold.ts),
 * logging (logging.ts), the overlay (view.ts) and the popup's questions (popup.ts). It owns the
 * settings in force and the guard's lifetime.
 */
import type { ContentRequest } from '@/lib/messaging';
import { DEFAULT_SETTINGS, guardActive, type Settings } from '@/lib/settings';
import { Analyser } from './analysis';
import { Boxes } from './boxes';
import { Holder } from './hold';
import type { GuardHost } from './host';
import { GuardLogger } from './logging';
import { answerPopup } from './popup';
import { type GuardDeps, VERDICT_ATTR } from './session';
import { View } from './view';

export type { GuardDeps, HeavyModule } from './session';
export { VERDICT_ATTR } from './session';

/** The guard for one document (one per frame). */
export class Guard implements GuardHost {
  readonly win: Window;
  readonly doc: Document;
  settings: Settings = DEFAULT_SETTINGS;
  destroyed = false;
  readonly boxes: Boxes;
  readonly analyser: Analyser;
  readonly holder: Holder;
  readonly logger: GuardLogger;
  readonly view: View;
  private unwatch: (() => void) | undefined;
  private readonly cleanups: Array<() => void> = [];
  private settingsLoaded: () => void = () => undefined;
  private settingsKnown = false;
  private policyApplied = false;
  /** A pause ends by itself: wake up when it does, without waiting for a settings change. */
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly deps: GuardDeps) {
    this.win = deps.window;
    this.doc = deps.window.document;
    // Resolves once the settings in force are known (or could not be read: defaults then apply).
    const settingsReady = new Promise<void>((resolve) => {
      this.settingsLoaded = resolve;
    });
    this.boxes = new Boxes(this);
    this.analyser = new Analyser(this, settingsReady);
    this.holder = new Holder(this);
    this.logger = new GuardLogger(this);
    this.view = new View(this);
  }

  /** True when the guard acts on this site now (per-site switch and pause). */
  get active(): boolean {
    return guardActive(this.settings, this.deps.site);
  }

  /** Registers a cleanup run on destroy. */
  onDestroy(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Starts watching: call at document_start so the submit listeners come first. */
  start(): void {
    const on = <K extends keyof WindowEventMap>(
      target: Window | Document,
      type: K,
      fn: (e: WindowEventMap[K]) => void,
      opts: AddEventListenerOptions = { capture: true },
    ) => {
      target.addEventListener(type, fn as EventListener, opts);
      this.cleanups.push(() => target.removeEventListener(type, fn as EventListener, opts));
    };
    on(this.win, 'keydown', (e) => this.holder.onKeyDown(e));
    on(this.win, 'click', (e) => this.holder.onClick(e));
    on(this.win, 'submit', (e) => this.holder.onSubmit(e));
    on(this.doc, 'focusin', (e) => this.onFocusIn(e));
    on(this.doc, 'input', (e) => this.onInput(e));
    on(this.win, 'scroll', () => this.view.requestFrame(), { capture: true, passive: true });
    on(this.win, 'resize', () => this.view.requestFrame(), { passive: true });
    on(this.win, 'pagehide', () => this.logger.abandonAll());
    this.boxes.start();

    this.unwatch = this.deps.watchSettings((s) => this.applySettings(s.settings));
    const askedAt = performance.now();
    const ready = () => {
      if (this.settingsKnown) return;
      this.settingsKnown = true;
      // On the page's timeline too: reading settings gates the first analysis.
      performance.measure('reply-guard:read-settings', { start: askedAt, end: performance.now() });
      this.settingsLoaded();
    };
    // The user's settings first (milliseconds); the policy overlay replaces them when it answers.
    void this.deps.getUserSettings?.().then(
      (s) => {
        if (!this.policyApplied) this.applySettings(s);
        ready();
      },
      () => undefined,
    );
    void this.deps
      .getSettings()
      .then(
        (s) => {
          this.policyApplied = true;
          this.applySettings(s.settings);
        },
        () => undefined,
      )
      .finally(ready);
  }

  /** Stops everything and leaves the page as it was (extension updated or removed). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const fn of this.cleanups.splice(0)) fn();
    clearTimeout(this.pauseTimer);
    try {
      this.unwatch?.();
    } catch {
      // An orphaned script's extension APIs throw: there is nothing left to unsubscribe from.
    }
    this.boxes.destroy();
    this.holder.held = null;
    this.view.destroy();
  }

  /**
   * False when the extension is gone: asking makes the caller notice and destroy the guard, so an
   * orphaned script never holds a post it can no longer log.
   */
  alive(): boolean {
    return !this.destroyed && (this.deps.isValid?.() ?? true);
  }

  /** In-app navigation: boxes that went away with a flagged draft are abandoned; new ones are found. */
  onLocationChange(): void {
    this.boxes.scan();
  }

  /** Answers the popup (see popup.ts). */
  handleMessage(msg: ContentRequest): Promise<unknown> | undefined {
    return answerPopup(this, msg);
  }

  private onFocusIn(e: FocusEvent): void {
    if (!this.alive()) return;
    const s = this.boxes.onFocus(e.target);
    if (!s) return;
    s.lastFocusAt = Date.now();
    // The review may have loaded or changed since the box was found: read it again.
    s.context = null;
    s.options = null;
    if (this.active) this.analyser.engage(s);
  }

  private onInput(e: Event): void {
    const s = this.boxes.sessionAt(e.target);
    if (s) this.analyser.schedule(s);
  }

  private applySettings(next: Settings): void {
    const before = JSON.stringify([
      this.settings.profile,
      this.settings.strictness,
      this.settings.disabledRules,
      this.settings.extraTerms,
      this.settings.allowReviewerFirstName,
    ]);
    const wasActive = this.active;
    this.settings = next;
    const changed =
      before !==
      JSON.stringify([next.profile, next.strictness, next.disabledRules, next.extraTerms, next.allowReviewerFirstName]);
    if (!this.active) {
      // Off for this site or paused: no marks, no holding, no attribute.
      for (const s of this.boxes.all()) {
        clearTimeout(s.timer);
        this.view.highlighter?.clear(s.id);
        s.editor.removeAttribute(VERDICT_ATTR);
        s.analysis = null;
        s.analyzedText = null;
      }
      this.holder.held = null;
      this.view.render();
      this.schedulePauseEnd();
      return;
    }
    if (!wasActive || changed) {
      for (const s of this.boxes.all()) {
        s.analyzedText = null;
        if (s.engaged || this.doc.activeElement === s.editor) this.analyser.engage(s);
      }
    }
    this.view.render();
  }

  private schedulePauseEnd(): void {
    clearTimeout(this.pauseTimer);
    const left = this.settings.pausedUntil - Date.now();
    if (left > 0 && this.settings.sites[this.deps.site]) {
      this.pauseTimer = setTimeout(() => this.applySettings({ ...this.settings }), Math.min(left + 50, 2 ** 31 - 1));
    }
  }
}
