/**
 * Strict mode only: sympathy that careful compliance officers disagree about ("We're sorry about
 * your experience at our office", "We hope you feel better soon"). The policy leaves these
 * unscored; an organization that wants them flagged sets strictness to "strict".
 */
import { type Pattern, runPatterns } from './engine/cues';
import type { SentenceRule } from './engine/rule';
import { SAFE_PRIVATE } from './engine/wording';

const MSG = 'Some compliance officers read this as confirming a visit or a health problem. Consider a neutral wording.';

/** Borderline sympathy patterns. */
export const PATTERNS: Pattern[] = [
  { re: /\bsorry (?:about|for) your (?:experience|visit|time)(?: (?:at|with) (?:our|the|us)\b)?/gi, message: MSG },
  {
    re: /\b(?:hope|hoping|wish|wishing) you(?:'re| are)? (?:feel(?:ing)?|get(?:ting)?) (?:better|well|more like yourself)\b/gi,
    message: MSG,
  },
  { re: /\b(?:speedy|quick|fast|full) recovery\b|\bpain[- ]free\b|\bfeeling more like yourself\b/gi, message: MSG },
  { re: /\b(?:keep )?earning your trust\b|\bsorry for your loss\b|\bgood experience with our team\b/gi, message: MSG },
  { re: /\bsorry (?:your|the) (?:time|wait|experience) with us\b/gi, message: MSG },
];

const rule: SentenceRule = {
  id: 'borderline-sympathy',
  description: 'Strict mode: sympathy that may imply a visit or a health problem ("hope you feel better soon").',
  rationale: 'The policy lists these as borderline (not scored); strict organizations may still want a warning.',
  category: 'confirms-patient-status',
  defaultSeverity: 'warn',
  scope: 'sentence',
  strictness: ['strict'],
  check: (ctx) => runPatterns(ctx, PATTERNS).map((f) => ({ ...f, suggestion: SAFE_PRIVATE })),
  examples: {
    options: { settings: { strictness: 'strict' } },
    flag: ['We hope you feel better soon!', 'Wishing you a speedy recovery.'],
    pass: [
      // Thanks for feedback, no health implied.
      'Thank you for your feedback.',
    ],
  },
};

export default rule;
