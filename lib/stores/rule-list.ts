/**
 * The rules the options page lets a practice switch off, read from the rules registry.
 * The registry (`rules` in rules/index.ts, issue #3) may not exist in every build, so it is read
 * defensively: without it the page says so instead of failing.
 */
import * as rulesModule from '@/rules';

/** What the options page shows of a rule. */
export interface RuleInfo {
  id: string;
  description: string;
}

/** The registered rules, or an empty list when the registry is not there. */
export function ruleList(): RuleInfo[] {
  const registry = (rulesModule as unknown as { rules?: unknown }).rules;
  const items = Array.isArray(registry)
    ? registry
    : registry && typeof registry === 'object'
      ? Object.values(registry)
      : [];
  return items
    .filter((r): r is { id: string; description?: unknown } => !!r && typeof (r as { id?: unknown }).id === 'string')
    .map((r) => ({ id: r.id, description: typeof r.description === 'string' ? r.description : '' }));
}
