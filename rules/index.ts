/**
 * The rules module's entry point (issue #3). Placeholder until the registry lands: it answers
 * the contract's shape so the extension builds.
 */
import type { Analysis, AnalyzeOptions } from './types';

export type * from './types';

/** Analyzes a reply; see rules/types.ts for the contract. */
export function analyze(_text: string, _options?: AnalyzeOptions): Analysis {
  return { verdict: 'ok', findings: [] };
}
