/**
 * The shape of a rule (issue #3, "Shape"; modeled on ESLint's lib/rules/*): one file per rule,
 * id = file name, with its own flag/pass examples that the meta-test runs.
 */
import type { AnalyzeOptions, Category, Severity } from '../types';
import type { ReplyRuleContext, SentenceContext } from './context';

/** What a rule's check returns: a span (in the normalized sentence or reply) and why. */
export interface RuleFinding {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  /** Defaults to the rule's defaultSeverity. */
  severity?: Severity;
  /** Defaults to the rule's category. */
  category?: Category;
}

/** Fields every rule has. */
interface RuleBase {
  /** Equals the file name (rules/<id>.ts). */
  id: string;
  /** One line: what the rule flags. */
  description: string;
  /** Why it matters under the policy (shared/spec/detection-policy.md). */
  rationale: string;
  category: Category;
  defaultSeverity: Severity;
  /** Examples run by the meta-test; pass examples are deliberate near-misses. */
  examples: { flag: string[]; pass: string[]; options?: AnalyzeOptions };
  /** Only active at these strictness levels (default: all). */
  strictness?: ReadonlyArray<'relaxed' | 'standard' | 'strict'>;
}

/** A rule that looks at one sentence at a time (results cached per sentence). */
export interface SentenceRule extends RuleBase {
  scope: 'sentence';
  check(ctx: SentenceContext): RuleFinding[];
}

/** A rule that looks at the whole reply (echo of the review, cross-sentence cues); must stay cheap. */
export interface ReplyRule extends RuleBase {
  scope: 'reply';
  check(ctx: ReplyRuleContext): RuleFinding[];
}

/** Any rule of the registry. */
export type Rule = SentenceRule | ReplyRule;
