/**
 * The rules module's entry point (issue #3): the explicit rule registry, `analyze`, and a
 * `redact` helper for the interaction log. Pure TypeScript: no DOM, no browser API.
 * `analyze` combines the rules with the learned second opinion in rules/model/ (issue #9); that
 * model is not a rule file and not in the registry: its findings carry ruleId 'learned'
 * (LEARNED_RULE_ID) and `disabledRules: ['learned']` turns it off.
 */
import borderlineSympathy from './borderline-sympathy';
import careDetail from './care-detail';
import chartShorthand from './chart-shorthand';
import confirmsRelationship from './confirms-relationship';
import defensiveDisclosure from './defensive-disclosure';
import echoReview from './echo-review';
import emailAddress from './email-address';
import { analyzeWith, clearCache } from './engine/analyze';
import type { Rule } from './engine/rule';
import { combine } from './model/combine';
import { clearSentenceScores } from './model/index';
import patientName from './patient-name';
import personalDate from './personal-date';
import phoneNumber from './phone-number';
import providerSeen from './provider-seen';
import readerCare from './reader-care';
import recordNumber from './record-number';
import reviewerName from './reviewer-name';
import socialHandle from './social-handle';
import spanishReply from './spanish-reply';
import staffGossip from './staff-gossip';
import streetAddress from './street-address';
import testimonial from './testimonial';
import type { Analysis, AnalyzeOptions, Finding } from './types';

export type { Rule } from './engine/rule';
export type * from './types';
export { LEARNED_RULE_ID } from './types';

/** Every rule, in the order they run (explicit: no discovery, no side effects). */
export const rules: readonly Rule[] = [
  confirmsRelationship,
  careDetail,
  readerCare,
  chartShorthand,
  providerSeen,
  defensiveDisclosure,
  staffGossip,
  testimonial,
  reviewerName,
  patientName,
  phoneNumber,
  emailAddress,
  streetAddress,
  recordNumber,
  personalDate,
  socialHandle,
  spanishReply,
  echoReview,
  borderlineSympathy,
];

/**
 * Analyzes a reply: verdict plus findings whose spans index the original text, with the rules
 * and the learned second opinion combined (rule findings the model is confident are safe move
 * to `hints`). Never throws: if the model fails, the rules' analysis stands; if the rules fail,
 * the analysis says `unchecked` (rules/types.ts).
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  const base = analyzeWith(rules, text, options);
  try {
    const out = combine(typeof text === 'string' ? text : String(text ?? ''), base, options);
    // The model cannot vouch for what the rules could not check.
    if (base.unchecked && out !== base) out.unchecked = true;
    return out;
  } catch (err) {
    if (typeof process !== 'undefined' && process.env?.REPLY_GUARD_DEBUG) console.error('model failed', err);
    return base;
  }
}

/** The rules alone, without the learned second opinion (for `npm run eval` and the ledger). */
export function analyzeRules(text: string, options?: AnalyzeOptions): Analysis {
  return analyzeWith(rules, text, options);
}

/** Empties the per-sentence cache and forgets the last normalization (for benchmarks and tests). */
export function resetCache(): void {
  clearCache();
  clearSentenceScores();
}

/** Replaces each finding's span with a mask ('█' per character, or a fixed token). */
export function redact(text: string, findings: readonly Finding[], mask: 'blocks' | 'token' = 'blocks'): string {
  const spans = [...findings]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of spans) {
    if (f.end <= pos) continue;
    const start = Math.max(f.start, pos);
    out += text.slice(pos, start) + (mask === 'token' ? '[redacted]' : '█'.repeat(f.end - start));
    pos = f.end;
  }
  return out + text.slice(pos);
}
