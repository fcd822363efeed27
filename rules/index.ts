/**
 * The rules module's entry point (issue #3): the explicit rule registry, `analyze`, and a
 * `redact` helper for the interaction log. Pure TypeScript: no DOM, no browser API.
 */
import careDetail from './care-detail';
import confirmsRelationship from './confirms-relationship';
import { analyzeWith, clearCache } from './engine/analyze';
import type { Rule } from './engine/rule';
import type { Analysis, AnalyzeOptions, Finding } from './types';

export type { Rule } from './engine/rule';
export type * from './types';

/** Every rule, in the order they run (explicit: no discovery, no side effects). */
export const rules: readonly Rule[] = [confirmsRelationship, careDetail];

/** Analyzes a reply: verdict plus findings whose spans index the original text. Never throws. */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  return analyzeWith(rules, text, options);
}

/** Empties the per-sentence cache (for benchmarks and tests). */
export function resetCache(): void {
  clearCache();
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
