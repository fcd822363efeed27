/**
 * The guard in the page (issue #4): finds reply boxes, analyzes what staff type, marks risky spans,
 * holds risky posts at submit behind a dialog, and logs how each reply ended.
 *
 * Submit interception: listeners on `window` in the capture phase, registered at document_start,
 * run before any handler the site attaches to its elements (Lexical's included), so a held
 * Enter / click / submit never reaches the site. After "Confirm and post" the guard re-dispatches
 * the same action with a one-shot bypass.
 */
import type { ChipView } from '@/components/guard/GuardOverlay';
import { readText, textModel, writeText } from '@/lib/editor';
import type { InteractionInput, Outcome } from '@/lib/log-record';
import type { ContentRequest, PageStatus } from '@/lib/messaging';
import { type CustomTemplate, DEFAULT_SETTINGS, guardActive, type Settings, type SiteId } from '@/lib/settings';
import type { EffectiveSettings } from '@/lib/settings-storage';
import { BUTTON_SELECTOR } from '@/lib/sites/dom';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Analysis, AnalyzeOptions, PracticeProfile, ReplyContext, Verdict } from '@/rules/types';
import { Highlighter } from './highlights';
import type { Overlay } from './ui';

/**
 * What the lazily loaded engine provides (lib/guard/heavy.ts, shipped as its own module): the
 * rules, the templates and the React overlay, none of which a page without a reply box needs.
 */
export interface HeavyModule {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  suggestTemplate(reviewText: string | undefined, profile: PracticeProfile, custom?: CustomTemplate[]): string;
  createOverlay(doc: Document): Overlay;
  /** Slices of the rules' first run, each cheap enough for an idle moment (see heavy.ts). */
  warmUpSteps?(): Array<() => void>;
}

/** Everything the guard needs from outside, injectable for tests. */
export interface GuardDeps {
  window: Window;
  site: SiteId;
  adapters: readonly SiteAdapter[];
  loadHeavy(): Promise<HeavyModule>;
  /** Sends an interaction to the log; a refusal's message is shown to the user. */
  log(input: InteractionInput): Promise<{ status: string; error?: string }> | void;
  getSettings(): Promise<EffectiveSettings>;
  /**
   * The user's own settings without the organization's policy: fast (storage.local), whereas the
   * policy (storage.managed) can take seconds to answer in a content script. Used until it does.
   */
  getUserSettings?(): Promise<Settings>;
  watchSettings(cb: (s: EffectiveSettings) => void): () => void;
  /** False once the extension was reloaded, updated or removed (the caller then destroys the guard). */
  isValid?(): boolean;
}

/** How a held reply was being posted, so "Confirm and post" can do exactly that again. */
type Via =
  | { kind: 'enter' }
  | { kind: 'click'; button: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null };

/** The attribute the contract puts on every watched editor: its current verdict. */
export const VERDICT_ATTR = 'data-hipaa-guard';

/** Quiet time after the last keystroke before analyzing (the verdict lands well within 1 s). */
const DEBOUNCE_MS = 100;
/** Longest an analysis may wait for an idle moment. */
const IDLE_TIMEOUT_MS = 50;
/** How often the page is rescanned for new boxes while it changes. */
const SCAN_THROTTLE_MS = 250;

/** One watched reply box. */
class Session {
  analysis: Analysis | null = null;
  analyzedText: string | null = null;
  context: ReplyContext | null = null;
  /**
   * The analyze options, kept while the settings and the context stay the same: the rules resolve
   * an options object once (staff names, phone digits, cache key) and memoize it by identity.
   */
  options: AnalyzeOptions | null = null;
  optionsFor: Settings | null = null;
  /** Focused at least once: only then does the chip show (a page may have dozens of idle boxes). */
  engaged = false;
  /** When the current reply was first typed, for the log's duration. */
  startedAt: number | null = null;
  /** The last flagged draft, to log it as abandoned if it is cleared or left. */
  flagged: { text: string; analysis: Analysis } | null = null;
  lastPosted: { text: string; at: number } | null = null;
  lastFocusAt = 0;
  timer: ReturnType<typeof setTimeout> | undefined;
  idle: number | undefined;
  observer: MutationObserver | undefined;

  constructor(
    readonly id: number,
    readonly editor: HTMLElement,
    readonly adapter: SiteAdapter,
  ) {}
}

/** The held post while its dialog is open. */
interface Held {
  session: Session;
  via: Via;
  analysis: Analysis & { verdict: 'warn' | 'block' };
  text: string;
  key: number;
}

/** The guard for one document (one per frame). */
export class Guard {
  private readonly win: Window;
  private readonly doc: Document;
  private readonly sessions = new Map<HTMLElement, Session>();
  /** Editable elements found not to be reply boxes. */
  private readonly rejected = new WeakSet<Element>();
  private nextId = 1;
  private settings: Settings = DEFAULT_SETTINGS;
  private heavy: HeavyModule | null = null;
  private heavyLoading: Promise<HeavyModule | null> | null = null;
  /** A real (non-empty) reply was analyzed: the rules are warm, the warm-up stops. */
  private analyzed = false;
  private overlay: Overlay | null = null;
  private highlighter: Highlighter | null = null;
  private held: Held | null = null;
  /** Why the log refused the last interaction (e.g. storage full), shown until dismissed. */
  private logError: string | null = null;
  /** True only while the guard itself re-dispatches a confirmed post. */
  private bypass = false;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private pageObserver: MutationObserver | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private unwatch: (() => void) | undefined;
  private readonly cleanups: Array<() => void> = [];
  private destroyed = false;
  private settingsLoaded: () => void = () => undefined;
  private settingsKnown = false;
  private policyApplied = false;
  /** Resolves once the settings in force are known (or could not be read: defaults then apply). */
  private readonly settingsReady = new Promise<void>((resolve) => {
    this.settingsLoaded = resolve;
  });

  constructor(private readonly deps: GuardDeps) {
    this.win = deps.window;
    this.doc = deps.window.document;
  }

  /** True when the guard acts on this site now (per-site switch and pause). */
  get active(): boolean {
    return guardActive(this.settings, this.deps.site);
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
    on(this.win, 'keydown', (e) => this.onKeyDown(e));
    on(this.win, 'click', (e) => this.onClick(e));
    on(this.win, 'submit', (e) => this.onSubmit(e));
    on(this.doc, 'focusin', (e) => this.onFocusIn(e));
    on(this.doc, 'input', (e) => this.onInput(e));
    on(this.win, 'scroll', () => this.requestFrame(), { capture: true, passive: true });
    on(this.win, 'resize', () => this.requestFrame(), { passive: true });
    on(this.win, 'pagehide', () => this.abandonAll());

    // New boxes (late, lazy-loaded or after in-app navigation): a throttled rescan on DOM changes.
    this.pageObserver = new MutationObserver(() => this.scheduleScan());
    this.pageObserver.observe(this.doc.documentElement, { childList: true, subtree: true });
    if (this.doc.readyState === 'loading') {
      on(this.doc, 'DOMContentLoaded' as keyof WindowEventMap, () => this.scan(), { once: true });
    } else this.scan();

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
    this.pageObserver?.disconnect();
    this.resizeObserver?.disconnect();
    try {
      this.unwatch?.();
    } catch {
      // An orphaned script's extension APIs throw: there is nothing left to unsubscribe from.
    }
    clearTimeout(this.scanTimer);
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    for (const s of this.sessions.values()) this.detach(s, false);
    this.sessions.clear();
    this.held = null;
    this.highlighter?.destroy();
    this.overlay?.destroy();
    this.overlay = null;
  }

  /**
   * False when the extension is gone: asking makes the caller notice and destroy the guard, so an
   * orphaned script never holds a post it can no longer log.
   */
  private alive(): boolean {
    return !this.destroyed && (this.deps.isValid?.() ?? true);
  }

  /** In-app navigation: boxes that went away with a flagged draft are abandoned; new ones are found. */
  onLocationChange(): void {
    this.scan();
  }

  // ---- finding boxes ----

  private scheduleScan(): void {
    if (this.scanTimer !== undefined || this.destroyed) return;
    // At most one scan per interval, and in an idle moment: busy feeds mutate constantly.
    this.scanTimer = setTimeout(() => {
      this.win.requestIdleCallback(
        () => {
          this.scanTimer = undefined;
          this.scan();
        },
        { timeout: 1000 },
      );
    }, SCAN_THROTTLE_MS);
  }

  /** Attaches to every reply box in the document and lets go of removed ones. */
  private scan(): void {
    if (this.destroyed) return;
    for (const s of [...this.sessions.values()]) if (!s.editor.isConnected) this.detach(s, true);
    for (const adapter of this.deps.adapters) {
      for (const el of this.doc.querySelectorAll(adapter.editorSelector)) {
        if (this.sessions.has(el as HTMLElement) || this.rejected.has(el)) continue;
        const owner = this.adapterFor(el);
        if (owner === adapter) this.attach(el as HTMLElement, adapter);
        // Not a reply box (a search field, the post composer): not asked again until it gets focus.
        else if (!owner) this.rejected.add(el);
      }
    }
    this.requestFrame();
  }

  private adapterFor(el: Element): SiteAdapter | null {
    for (const a of this.deps.adapters) if (el.matches(a.editorSelector) && a.isEditor(el)) return a;
    return null;
  }

  /** The watched box `node` is in, if any. */
  private sessionAt(node: EventTarget | null): Session | null {
    for (let n = node instanceof Node ? node : null; n; n = n.parentNode) {
      const s = n instanceof HTMLElement ? this.sessions.get(n) : undefined;
      if (s) return s;
    }
    return null;
  }

  private attach(editor: HTMLElement, adapter: SiteAdapter): Session {
    const s = new Session(this.nextId++, editor, adapter);
    this.sessions.set(editor, s);
    if (!(editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement)) {
      // Rich editors (Lexical) often cancel beforeinput and render themselves: no input event to rely on.
      s.observer = new MutationObserver(() => this.schedule(s));
      s.observer.observe(editor, { childList: true, characterData: true, subtree: true });
    }
    // A page with a reply box will likely need the rules: load them in an idle moment, so the
    // first keystrokes are checked at once (focus loads them right away if this has not yet).
    if (!this.heavyLoading && this.active) this.win.requestIdleCallback(() => void this.loadHeavy(), { timeout: 2000 });
    this.resizeObserver ??= new ResizeObserver(() => this.requestFrame());
    this.resizeObserver.observe(editor);
    if (this.active && (readText(editor).trim() || this.doc.activeElement === editor)) this.engage(s);
    return s;
  }

  private detach(s: Session, abandon: boolean): void {
    if (abandon) this.abandon(s);
    clearTimeout(s.timer);
    if (s.idle !== undefined) this.win.cancelIdleCallback(s.idle);
    s.observer?.disconnect();
    this.resizeObserver?.unobserve(s.editor);
    this.highlighter?.clear(s.id);
    s.editor.removeAttribute(VERDICT_ATTR);
    this.sessions.delete(s.editor);
    if (this.held?.session === s) this.held = null;
    this.render();
  }

  // ---- analysis ----

  private onFocusIn(e: FocusEvent): void {
    if (!this.alive()) return;
    // Labels change (a composer renamed once it opens): a focused box is always judged afresh.
    if (e.target instanceof Element) this.rejected.delete(e.target);
    let s = this.sessionAt(e.target);
    if (!s && e.target instanceof Element) {
      const editor = e.target.closest<HTMLElement>('textarea, [contenteditable], [role="textbox"]');
      const adapter = editor && this.adapterFor(editor);
      if (editor && adapter) s = this.attach(editor, adapter);
    }
    if (!s) return;
    s.lastFocusAt = Date.now();
    // The review may have loaded or changed since the box was found: read it again.
    s.context = null;
    s.options = null;
    if (this.active) this.engage(s);
  }

  private onInput(e: Event): void {
    const s = this.sessionAt(e.target);
    if (s) this.schedule(s);
  }

  /** First real use of a box: load the rules and show its chip. */
  private engage(s: Session): void {
    s.engaged = true;
    this.ensureOverlay();
    void this.loadHeavy();
    this.schedule(s);
  }

  private loadHeavy(): Promise<HeavyModule | null> {
    if (this.heavyLoading) return this.heavyLoading;
    const start = performance.now();
    // Analyze only with the settings in force (profile, staff, strictness): wait for both.
    this.heavyLoading = Promise.all([this.deps.loadHeavy(), this.settingsReady]).then(
      ([m]) => {
        if (this.destroyed) return null;
        this.heavy = m;
        // A measure on the page's timeline: what loading the engine cost (issue #4's cost figure).
        performance.measure('reply-guard:load-rules', { start, end: performance.now() });
        for (const s of this.sessions.values()) if (s.engaged) this.ensureOverlay();
        this.warmUp(m);
        return m;
      },
      () => {
        // The engine could not load (extension updated under the page): the next focus retries.
        this.heavyLoading = null;
        return null;
      },
    );
    return this.heavyLoading;
  }

  /**
   * Runs the rules' first, slow pass in idle slices before the user's first pause needs it.
   * Stops as soon as a real analysis has run (that one paid whatever was left).
   */
  private warmUp(m: HeavyModule): void {
    const steps = m.warmUpSteps?.() ?? [];
    const start = performance.now();
    let longest = 0;
    const next = () => {
      if (this.destroyed || this.analyzed) return;
      const step = steps.shift();
      if (!step) {
        performance.measure('reply-guard:warm-up', {
          start,
          end: performance.now(),
          detail: { longestSliceMs: longest },
        });
        return;
      }
      this.win.requestIdleCallback(
        () => {
          if (this.destroyed || this.analyzed) return;
          const t0 = performance.now();
          try {
            step();
          } catch {
            // A warm-up failure changes nothing: the real analysis pays instead.
          }
          longest = Math.max(longest, performance.now() - t0);
          next();
        },
        { timeout: 5000 },
      );
    };
    next();
  }

  /** Analyzes off the typing path: after a short quiet time, in an idle moment. */
  private schedule(s: Session): void {
    if (!this.active || this.destroyed) return;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      if (s.idle !== undefined) this.win.cancelIdleCallback(s.idle);
      s.idle = this.win.requestIdleCallback(
        () => {
          s.idle = undefined;
          if (this.heavy) this.analyzeNow(s);
          else void this.loadHeavy().then((m) => m && this.analyzeNow(s));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    }, DEBOUNCE_MS);
  }

  private options(s: Session): AnalyzeOptions {
    if (!s.context) {
      s.context = s.adapter.readContext(s.editor);
      s.options = null;
    }
    if (s.options && s.optionsFor === this.settings) return s.options;
    const { profile, strictness, disabledRules, extraTerms, allowReviewerFirstName } = this.settings;
    s.optionsFor = this.settings;
    s.options = {
      profile,
      settings: { strictness, disabledRules, extraTerms, allowReviewerFirstName },
      context: s.context,
    };
    return s.options;
  }

  /** Analyzes the box now (rules loaded) and shows the result; null while the rules load. */
  private analyzeNow(s: Session): Analysis | null {
    if (!this.heavy || !this.active) return null;
    const model = textModel(s.editor);
    const text = model.text;
    let analysis = s.analysis;
    if (text !== s.analyzedText || !analysis) {
      try {
        const t0 = performance.now();
        // Empty text costs nothing and warms nothing: it does not stop the warm-up.
        if (text.trim()) this.analyzed = true;
        analysis = this.heavy.analyze(text, this.options(s));
        // The last analysis's cost on the page's timeline (only the last: the timeline must not grow).
        performance.clearMeasures('reply-guard:analyze');
        performance.measure('reply-guard:analyze', { start: t0, end: performance.now() });
      } catch {
        // A rules failure must never break the site: treat the box as unchecked.
        return null;
      }
    }
    s.analysis = analysis;
    s.analyzedText = text;
    s.editor.setAttribute(VERDICT_ATTR, analysis.verdict);
    this.ensureOverlay();
    this.highlighter?.set(s.id, s.editor, model, analysis.findings);
    this.track(s, text, analysis);
    this.render();
    return analysis;
  }

  /** Keeps the duration clock and the flagged draft, and logs a flagged reply cleared as abandoned. */
  private track(s: Session, text: string, analysis: Analysis): void {
    if (!text.trim()) {
      if (s.flagged) this.abandon(s);
      s.startedAt = null;
      return;
    }
    s.startedAt ??= Date.now();
    s.flagged = analysis.verdict === 'ok' ? null : { text, analysis };
  }

  private abandon(s: Session): void {
    const f = s.flagged;
    if (!f) return;
    s.flagged = null;
    this.log(s, f.analysis, f.text, 'abandoned');
  }

  private abandonAll(): void {
    for (const s of this.sessions.values()) {
      // The draft still on screen is what was left: re-read it, as the last analysis may be stale.
      if (s.flagged && readText(s.editor).trim()) this.abandon(s);
    }
  }

  // ---- settings ----

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
      for (const s of this.sessions.values()) {
        clearTimeout(s.timer);
        this.highlighter?.clear(s.id);
        s.editor.removeAttribute(VERDICT_ATTR);
        s.analysis = null;
        s.analyzedText = null;
      }
      this.held = null;
      this.render();
      this.schedulePauseEnd();
      return;
    }
    if (!wasActive || changed) {
      for (const s of this.sessions.values()) {
        s.analyzedText = null;
        if (s.engaged || this.doc.activeElement === s.editor) this.engage(s);
      }
    }
    this.render();
  }

  /** A pause ends by itself: wake up when it does, without waiting for a settings change. */
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private schedulePauseEnd(): void {
    clearTimeout(this.pauseTimer);
    const left = this.settings.pausedUntil - Date.now();
    if (left > 0 && this.settings.sites[this.deps.site]) {
      this.pauseTimer = setTimeout(() => this.applySettings({ ...this.settings }), Math.min(left + 50, 2 ** 31 - 1));
      this.cleanups.push(() => clearTimeout(this.pauseTimer));
    }
  }

  // ---- holding posts ----

  private onKeyDown(e: KeyboardEvent): void {
    if (!this.alive()) return;
    if (this.bypass || (e.key !== 'Enter' && e.key !== ' ')) return;
    if (e.isComposing || e.keyCode === 229) return;
    const s = this.sessionAt(e.target);
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

  private onClick(e: MouseEvent): void {
    if (!this.alive()) return;
    if (this.bypass || this.sessions.size === 0) return;
    const button = e.target instanceof Element ? e.target.closest<HTMLElement>(BUTTON_SELECTOR) : null;
    if (!button) return;
    const s = this.sessionForButton(button);
    if (s) this.onSubmitAttempt(s, { kind: 'click', button }, e);
  }

  private onSubmit(e: SubmitEvent): void {
    if (!this.alive()) return;
    if (this.bypass || this.sessions.size === 0) return;
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    for (const s of this.sessions.values()) {
      if (form.contains(s.editor)) {
        this.onSubmitAttempt(s, { kind: 'submit', form, submitter: e.submitter }, e);
        return;
      }
    }
  }

  private sessionForButton(button: HTMLElement): Session | null {
    for (const s of this.sessions.values()) {
      if (s.editor.isConnected && s.adapter.submitButton(s.editor) === button) return s;
    }
    return null;
  }

  /** The site is about to post the box's text: let ok replies through, hold flagged ones. */
  private onSubmitAttempt(s: Session, via: Via, e: Event): void {
    if (!this.active) return;
    if (this.held) {
      // A dialog is already open: nothing posts behind it.
      hold(e);
      return;
    }
    const text = readText(s.editor);
    if (!text.trim()) return;
    if (!this.heavy) {
      // Pasted and posted before the rules finished loading: hold, then decide as usual.
      hold(e);
      void this.loadHeavy().then(() => {
        const analysis = this.analyzeNow(s);
        if (!analysis || analysis.verdict === 'ok' || this.settings.monitorOnly) {
          this.logPosted(s, analysis, text);
          this.redispatch(s, via);
        } else this.openDialog(s, via, analysis as Held['analysis'], text);
      });
      return;
    }
    const analysis = this.analyzeNow(s);
    if (!analysis || analysis.verdict === 'ok' || this.settings.monitorOnly) {
      this.logPosted(s, analysis, text);
      return;
    }
    hold(e);
    this.openDialog(s, via, analysis as Held['analysis'], text);
  }

  private logPosted(s: Session, analysis: Analysis | null, text: string): void {
    const now = Date.now();
    // One post fires click and submit (and a form's Enter a click): log it once.
    if (s.lastPosted && s.lastPosted.text === text && now - s.lastPosted.at < 2000) return;
    s.lastPosted = { text, at: now };
    this.log(s, analysis ?? { verdict: 'ok', findings: [] }, text, 'posted');
  }

  private openDialog(s: Session, via: Via, analysis: Held['analysis'], text: string): void {
    this.held = { session: s, via, analysis, text, key: this.nextId++ };
    this.ensureOverlay();
    this.render();
  }

  /** Closes the dialog and gives the box its focus back, caret at the end. */
  private release(): Held | null {
    const h = this.held;
    this.held = null;
    this.render();
    if (h) focusEnd(h.session.editor);
    return h;
  }

  private readonly onEdit = (): void => {
    const h = this.release();
    if (h) this.finish(h, 'edited');
  };

  private readonly onTemplate = (): void => {
    const h = this.release();
    if (!h || !this.heavy) return;
    const s = h.session;
    s.context ??= s.adapter.readContext(s.editor);
    const text = this.heavy.suggestTemplate(s.context.reviewText, this.settings.profile, this.settings.customTemplates);
    this.finish(h, 'replaced');
    void writeText(s.editor, text).then(() => this.analyzeNow(s));
  };

  private readonly onConfirm = (reason: string): void => {
    const h = this.release();
    if (!h) return;
    this.finish(h, 'overridden', reason);
    this.redispatch(h.session, h.via);
  };

  /** Logs a held reply's outcome and starts the box's next reply afresh. */
  private finish(h: Held, outcome: Outcome, reason?: string): void {
    this.log(h.session, h.analysis, h.text, outcome, reason);
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

  // ---- logging ----

  private log(s: Session, analysis: Analysis, text: string, outcome: Outcome, reason?: string): void {
    const url = new URL(this.win.location.href);
    const input: InteractionInput = {
      site: this.deps.site,
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
    void Promise.resolve(this.deps.log(input)).then((r) => {
      if (r?.error && !this.destroyed) {
        this.logError = r.error;
        this.requestFrame();
      }
    });
  }

  private readonly onDismissLogError = (): void => {
    this.logError = null;
    this.requestFrame();
  };

  // ---- the overlay ----

  /** The overlay comes with the engine (React): until it has loaded there is nothing to show. */
  private ensureOverlay(): void {
    if (this.overlay || this.destroyed || !this.heavy) return;
    this.overlay = this.heavy.createOverlay(this.doc);
    const mirrors = this.overlay.mirrors;
    this.highlighter = new Highlighter(this.doc, () => mirrors);
  }

  private requestFrame(): void {
    if (this.frame !== undefined || !this.overlay) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  private render(): void {
    if (!this.overlay || this.destroyed) return;
    this.highlighter?.reposition();
    const chips: ChipView[] = [];
    if (this.active) {
      for (const s of this.sessions.values()) {
        if (!s.engaged || !s.analysis || !s.editor.isConnected) continue;
        const r = s.editor.getBoundingClientRect();
        if (r.width === 0 || r.bottom < 0 || r.top > this.win.innerHeight) continue;
        chips.push({
          id: s.id,
          analysis: s.analysis,
          top: r.bottom - 5,
          left: r.right - 6,
          placement: r.bottom < 360 ? 'below' : 'above',
        });
      }
    }
    const h = this.held;
    this.overlay.render({
      chips,
      announcement: this.announcement(),
      logError: this.logError,
      onDismissLogError: this.onDismissLogError,
      dialog: h ? { key: h.key, analysis: h.analysis } : null,
      onEdit: this.onEdit,
      onTemplate: this.onTemplate,
      onConfirm: this.onConfirm,
    });
  }

  /** What a screen reader hears about the focused box: its verdict, once it is known. */
  private announcement(): string {
    const s = this.focusedSession();
    if (!this.active || !s?.analysis || !s.analyzedText?.trim()) return '';
    const n = s.analysis.findings.length;
    if (s.analysis.verdict === 'ok') return 'Reply Guard: no patient information found.';
    return `Reply Guard: ${n} ${n === 1 ? 'problem' : 'problems'} found, ${
      s.analysis.verdict === 'block' ? 'patient information' : 'may confirm a patient'
    }.`;
  }

  // ---- the popup ----

  private focusedSession(): Session | null {
    return this.sessionAt(this.doc.activeElement);
  }

  private statusOf(s: Session | null): PageStatus {
    if (s && this.heavy && this.active) this.analyzeNow(s);
    const verdict: Verdict | null = s && this.active ? (s.analysis?.verdict ?? null) : null;
    return {
      site: this.deps.site,
      active: this.active,
      verdict,
      findingCount: verdict ? (s?.analysis?.findings.length ?? 0) : 0,
    };
  }

  /**
   * Answers the popup. A message to a tab reaches every frame and the first answer wins, so only
   * the frame holding the focused box answers at once, others later by rank, and frames without a
   * box stay silent (undefined) except the top frame, last. Only a focused box (or the top frame's
   * last-focused one) takes an inserted template, so one insert never lands in two frames.
   */
  handleMessage(msg: ContentRequest): Promise<unknown> | undefined {
    const focused = this.focusedSession();
    const isTop = this.win.top === this.win;
    const childHasFocus = /^(IFRAME|FRAME)$/.test(this.doc.activeElement?.tagName ?? '');
    const last =
      [...this.sessions.values()]
        .filter((s) => s.editor.isConnected)
        .sort((a, b) => b.lastFocusAt - a.lastFocusAt)[0] ?? null;
    if (msg?.type === 'get-status') {
      // First answer wins: the focused box at once; the top frame's last-focused box at once;
      // a subframe's box a little later (the top page may not be guarded at all, as on Search);
      // a top frame without a box last, so the popup still learns whether the guard is on.
      const later = (ms: number, s: Session | null) =>
        new Promise<PageStatus>((resolve) => setTimeout(() => resolve(this.statusOf(s)), ms));
      if (focused) return Promise.resolve(this.statusOf(focused));
      if (childHasFocus) return last ? later(200, last) : undefined;
      if (!isTop) return last ? later(150, last) : undefined;
      if (last) return Promise.resolve(this.statusOf(last));
      return later(300, null);
    }
    if (msg?.type === 'insert-template' && typeof msg.text === 'string') {
      const s = focused ?? (isTop && !childHasFocus ? last : null);
      if (!s) return undefined;
      if (!this.active) return Promise.resolve({ ok: false, error: 'Reply Guard is off for this site.' });
      return writeText(s.editor, msg.text).then((ok) => {
        this.engage(s);
        return ok ? { ok: true } : { ok: false, error: 'The reply box did not accept the text.' };
      });
    }
    return undefined;
  }
}

/** Stops an event before the site sees it. */
function hold(e: Event): void {
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
