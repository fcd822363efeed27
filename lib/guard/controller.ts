/**
 * The guard in the page (issue #4): a thin coordinator over its seams, each in its own file:
 * finding and watching boxes (boxes.ts), analysing (analysis.ts), holding a submit (hold.ts),
 * logging (logging.ts), the overlay (view.ts) and the popup's questions (popup.ts). It owns the
 * settings in force and the guard's lifetime.
 */
import { readText } from '@/lib/editor';
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

/** How long "Who is replying" is remembered (issue #11 item 6: shared front-desk PCs). */
export const STAFF_MEMORY_MS = 15 * 60 * 1000;

/** Everything in the settings that goes into an analysis: a change means every box is analysed again. */
function analysisKey(s: Settings): string {
  return JSON.stringify([s.profile, s.strictness, s.disabledRules, s.extraTerms, s.allowReviewerFirstName]);
}

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
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  /** When reading the settings started and ended (for the page's timeline, once there is a box). */
  settingsTiming: { start: number; end: number } | null = null;
  /** Who is replying, as picked in the hold dialog, and when (remembered STAFF_MEMORY_MS). */
  private staffPick: { name: string; at: number } | null = null;

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

  /** Soon after a person's click or key, checks flagged drafts for an unseen post (see GuardHost). */
  sweepSoon(): void {
    if (this.sweepTimer !== undefined || this.destroyed) return;
    // Sites clear the box after their request returns: look twice, at once and a moment later.
    const sweep = () => {
      for (const s of [...this.boxes.all()]) {
        if (!s.flagged) continue;
        if (!s.editor.isConnected) this.boxes.scan();
        else this.analyser.check(s);
      }
    };
    this.sweepTimer = setTimeout(() => {
      sweep();
      this.sweepTimer = setTimeout(() => {
        this.sweepTimer = undefined;
        sweep();
      }, 1200);
    }, 300);
  }

  /** True when an event came from the user (the browser's isTrusted unless a test injects its own). */
  trusted(e: Event): boolean {
    return this.deps.isTrusted ? this.deps.isTrusted(e) : e.isTrusted;
  }

  /** Who picked "Who is replying" in the last 15 minutes ('' for nobody). */
  get staffChoice(): string {
    return this.staffPick && Date.now() - this.staffPick.at < STAFF_MEMORY_MS ? this.staffPick.name : '';
  }

  /** The user picked who is replying: remembered here and, through the deps, for other tabs. */
  chooseStaff(name: string): void {
    this.staffPick = { name, at: Date.now() };
    this.deps.rememberStaff?.(name);
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
    // What a person does in a box (trusted only): the log records only boxes someone used.
    for (const type of ['pointerdown', 'paste', 'drop', 'cut'] as const)
      on(this.win, type, (e: Event) => this.holder.noteGesture(e));
    on(this.doc, 'focusin', (e) => this.onFocusIn(e));
    on(this.doc, 'input', (e) => this.onInput(e));
    on(this.win, 'scroll', () => this.view.requestFrame(), { capture: true, passive: true });
    on(this.win, 'resize', () => this.view.requestFrame(), { passive: true });
    // A page can dispatch pagehide itself: only the browser's own says the page is going away.
    on(this.win, 'pagehide', (e) => {
      if (this.trusted(e)) this.logger.abandonAll();
    });
    this.boxes.start();
    void this.deps.recallStaff?.().then(
      (name) => {
        if (name && !this.staffPick) this.staffPick = { name, at: Date.now() };
      },
      () => undefined,
    );

    this.unwatch = this.deps.watchSettings((s) => this.applySettings(s.settings));
    const askedAt = performance.now();
    const ready = () => {
      if (this.settingsKnown) return;
      this.settingsKnown = true;
      // Reading settings gates the first analysis. Its measure goes on the page's timeline only
      // once there is a box (analysis.ts): on other pages the guard leaves no trace (issue #10 item 4).
      this.settingsTiming = { start: askedAt, end: performance.now() };
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
    clearTimeout(this.sweepTimer);
    try {
      this.unwatch?.();
    } catch {
      // An orphaned script's extension APIs throw: there is nothing left to unsubscribe from.
    }
    this.boxes.destroy();
    this.holder.closeDialog();
    this.view.destroy();
  }

  /**
   * False when the extension is gone: asking makes the caller notice and destroy the guard, so an
   * orphaned script never holds a post it can no longer log.
   */
  alive(): boolean {
    return !this.destroyed && (this.deps.isValid?.() ?? true);
  }

  /**
   * In-app navigation (trusted Navigation API events, lifetime.ts): boxes that went away with a
   * flagged draft were left (abandoned), not posted; new ones are found.
   */
  onLocationChange(): void {
    if (this.destroyed) return;
    this.logger.navigatedAt = Date.now();
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
    if (!s) return;
    // The user's own edit (typing, deleting, pasting): a draft it empties was cleared, not posted.
    if (this.trusted(e)) {
      try {
        s.userEmptied = readText(s.editor).trim() === '';
      } catch {
        s.userEmptied = false;
      }
    }
    this.analyser.schedule(s);
  }

  /**
   * The settings in force changed (the user's, then the organization's policy, which can answer
   * seconds after start). Anything that goes into an analysis changed: every watched box is
   * analysed again (issue #10 item 8: a staff name from a late policy must stop being flagged).
   */
  private applySettings(next: Settings): void {
    const before = analysisKey(this.settings);
    const wasActive = this.active;
    this.settings = next;
    const changed = before !== analysisKey(next);
    if (!this.active) {
      // Off for this site or paused: no marks, no holding, no attribute.
      for (const s of this.boxes.all()) {
        clearTimeout(s.timer);
        this.view.highlighter?.clear(s.id);
        s.editor.removeAttribute(VERDICT_ATTR);
        s.analysis = null;
        s.analyzedText = null;
      }
      this.holder.closeDialog();
      this.view.render();
      this.schedulePauseEnd();
      return;
    }
    if (!wasActive || changed) {
      for (const s of this.boxes.all()) {
        s.analyzedText = null;
        s.options = null;
        if (s.engaged || this.doc.activeElement === s.editor) this.analyser.engage(s);
        else if (s.analysis) this.analyser.schedule(s);
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
