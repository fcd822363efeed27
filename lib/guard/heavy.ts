/**
 * The heavy half of the guard, "the engine": the rules, the template library and the React
 * overlay. It is NOT bundled into the content script: wxt.config.ts builds it on its own, as the
 * ES module `/guard-engine.js`, and the content script `import()`s it from the extension once a
 * page has a reply box. WXT inlines every `import()` into its IIFE content scripts, so a
 * source-level dynamic import here would still parse and compile all of this on every page view.
 * It runs in the content script's isolated world (a module imported from a content script does).
 */
import { fillTemplate, templates } from '@/lib/templates';
import { analyze as analyzeReply, rules } from '@/rules';
import type { Analysis, AnalyzeOptions, PracticeProfile } from '@/rules/types';

export { suggestTemplate } from '@/lib/templates';
export { createOverlay } from './ui';

/** Options with the practice's template library added, per options object (the rules cache by it). */
const withLibrary = new WeakMap<AnalyzeOptions, AnalyzeOptions>();
const NO_OPTIONS: AnalyzeOptions = {};

/**
 * The options with the practice's approved replies as `approvedWording`: the shipped library and
 * the practice's own templates (passed in as `approvedWording`), filled in with its profile. The
 * same object for the same options, so the rules' and the model's caches keep working.
 */
export function withPracticeLibrary(options: AnalyzeOptions = NO_OPTIONS): AnalyzeOptions {
  let o = withLibrary.get(options);
  if (!o) {
    o = { ...options, approvedWording: libraryFor(options.profile ?? {}, options.approvedWording ?? []) };
    withLibrary.set(options, o);
  }
  return o;
}

/** Filled libraries by profile and custom texts: the same array while they do not change (the model keys its reading on it). */
const libraries = new Map<string, readonly string[]>();
function libraryFor(profile: PracticeProfile, custom: readonly string[]): readonly string[] {
  const key = JSON.stringify([profile.name, profile.phone, profile.email, custom]);
  let library = libraries.get(key);
  if (!library) {
    library = [...templates, ...custom.map((t) => ({ text: t }))].map((t) => fillTemplate(t, profile));
    if (libraries.size >= 8) libraries.clear();
    libraries.set(key, library);
  }
  return library;
}

/** The rules and the model, told the practice's approved replies: the model reads what staff add to them. */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  return analyzeReply(text, withPracticeLibrary(options));
}

/** A reply that walks most rule paths: names, a provider, a date, care terms, a phone number. */
const WARM_TEXT =
  "Thank you, Maria! We're so sorry your crown came loose after your visit with Dr. Lee on March 3rd. " +
  'Our office manager, Dana, can help at (555) 010-2000 or front@example.org. Hope to see you soon.';
const WARM_CONTEXT = {
  reviewAuthor: 'Maria G.',
  reviewText: 'My crown came loose two days after Dr. Lee put it in. I called on March 3rd about my root canal.',
};

/**
 * The rules' first run is far slower than the next ones (V8 compiles each large regular
 * expression on its first use; compromise builds its model on its first parse): 100–350 ms in
 * one go on a loaded machine, which would land on the user's first pause in typing. Warming up
 * one rule at a time (every other rule disabled) splits that into idle-time slices. The slices'
 * results sit in the rules' cache under their own options, so they never answer a real reply.
 */
export function warmUpSteps(): Array<() => void> {
  const ids = rules.map((r) => r.id);
  const run = (enabled: string | null) => () => {
    const options: AnalyzeOptions = {
      context: WARM_CONTEXT,
      settings: { disabledRules: ids.filter((id) => id !== enabled) },
    };
    analyze(WARM_TEXT, options);
  };
  // First the shared part (normalize, segment), then each rule.
  return [run(null), ...ids.map(run)];
}
