/**
 * Analysing: loads the engine once a page has a reply box, warms the rules up in idle slices, and
 * analyses each box off the typing path (debounced, in an idle moment) with the settings in force.
 */
import { textModel } from '@/lib/editor';
import type { Analysis, AnalyzeOptions } from '@/rules/types';
import type { GuardHost } from './host';
import { type HeavyModule, type Session, VERDICT_ATTR } from './session';

/** Quiet time after the last keystroke before analyzing (the verdict lands well within 1 s). */
const DEBOUNCE_MS = 100;
/** Longest an analysis may wait for an idle moment. */
const IDLE_TIMEOUT_MS = 50;

/** The engine and every analysis of one document's boxes. */
export class Analyser {
  heavy: HeavyModule | null = null;
  private heavyLoading: Promise<HeavyModule | null> | null = null;
  /** A real (non-empty) reply was analyzed: the rules are warm, the warm-up stops. */
  private analyzed = false;

  constructor(
    private readonly g: GuardHost,
    /** Resolves once the settings in force are known. */
    private readonly settingsReady: Promise<void>,
  ) {}

  /** True once loading the engine has been asked for (and not failed since). */
  get loadingStarted(): boolean {
    return this.heavyLoading !== null;
  }

  /** First real use of a box: load the rules and show its chip. */
  engage(s: Session): void {
    s.engaged = true;
    this.g.view.ensureOverlay();
    void this.loadHeavy();
    this.schedule(s);
  }

  /** Loads the engine once (a failed load is retried on the next ask). */
  loadHeavy(): Promise<HeavyModule | null> {
    if (this.heavyLoading) return this.heavyLoading;
    const g = this.g;
    const start = performance.now();
    // Analyze only with the settings in force (profile, staff, strictness): wait for both.
    this.heavyLoading = Promise.all([g.deps.loadHeavy(), this.settingsReady]).then(
      ([m]) => {
        if (g.destroyed) return null;
        this.heavy = m;
        // Measures on the page's timeline (only on pages with a box): what reading the settings and
        // loading the engine cost (issue #4's cost figures).
        if (g.settingsTiming) performance.measure('reply-guard:read-settings', g.settingsTiming);
        performance.measure('reply-guard:load-rules', { start, end: performance.now() });
        for (const s of g.boxes.all()) if (s.engaged) g.view.ensureOverlay();
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
    const g = this.g;
    const steps = m.warmUpSteps?.() ?? [];
    const start = performance.now();
    let longest = 0;
    const next = () => {
      if (g.destroyed || this.analyzed) return;
      const step = steps.shift();
      if (!step) {
        performance.measure('reply-guard:warm-up', {
          start,
          end: performance.now(),
          detail: { longestSliceMs: longest },
        });
        return;
      }
      g.win.requestIdleCallback(
        () => {
          if (g.destroyed || this.analyzed) return;
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
  schedule(s: Session): void {
    const g = this.g;
    if (!g.active || g.destroyed) return;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      if (s.idle !== undefined) g.win.cancelIdleCallback(s.idle);
      s.idle = g.win.requestIdleCallback(
        () => {
          s.idle = undefined;
          if (this.heavy) this.analyzeNow(s);
          else void this.loadHeavy().then((m) => m && this.analyzeNow(s));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    }, DEBOUNCE_MS);
  }

  /** The analyze options for a box: the settings in force and what the box answers. */
  private options(s: Session): AnalyzeOptions {
    if (!s.context) {
      s.context = s.adapter.readContext(s.editor);
      s.options = null;
    }
    const settings = this.g.settings;
    if (s.options && s.optionsFor === settings) return s.options;
    const { profile, strictness, disabledRules, extraTerms, allowReviewerFirstName, customTemplates } = settings;
    s.optionsFor = settings;
    s.options = {
      profile,
      settings: { strictness, disabledRules, extraTerms, allowReviewerFirstName },
      context: s.context,
      // The engine adds its shipped library (heavy.ts): the model reads past approved wording.
      approvedWording: customTemplates.map((t) => t.text),
    };
    return s.options;
  }

  /**
   * The box's analysis for a submit: null whenever it cannot be had (no engine, an unreadable box,
   * the rules throwing), which the holder treats as "could not be checked" (fail closed).
   */
  check(s: Session): Analysis | null {
    try {
      // What the reply answers is read again: a queue may have loaded the next review into this box.
      s.context = null;
      s.options = null;
      s.analyzedText = null;
      return this.analyzeNow(s);
    } catch {
      return null;
    }
  }

  /** Analyzes the box now (rules loaded) and shows the result; null while the rules load or on error. */
  analyzeNow(s: Session): Analysis | null {
    const g = this.g;
    if (!this.heavy || !g.active) return null;
    let model: ReturnType<typeof textModel>;
    try {
      model = textModel(s.editor);
    } catch {
      // Unreadable (e.g. a box nested past the reader's budget): unchecked, and held at submit.
      return null;
    }
    const text = model.text;
    let analysis = s.analysis;
    if (text !== s.analyzedText || !analysis) {
      try {
        const t0 = performance.now();
        // Empty text costs nothing and warms nothing: it does not stop the warm-up.
        if (text.trim()) this.analyzed = true;
        analysis = this.heavy.analyze(text, this.options(s));
        // The engine could not check it all: an "ok" here means unchecked (fail closed).
        if (analysis.unchecked) return null;
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
    g.view.ensureOverlay();
    g.view.highlighter?.set(s.id, s.editor, model, analysis.findings);
    g.logger.track(s, text, analysis);
    g.view.render();
    return analysis;
  }
}
