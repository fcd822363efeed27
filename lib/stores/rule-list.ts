/**
 * The rules the options page lets a practice switch off, read from the rules registry (issue #3).
 */
import { rules } from '@/rules';

/** What the options page shows of a rule. */
export interface RuleInfo {
  id: string;
  description: string;
}

/** The registered rules, in registry order. */
export function ruleList(): RuleInfo[] {
  return rules.map((r) => ({ id: r.id, description: r.description }));
}
