/**
 * The rules never throw, and never pass off a failure as "ok": a reply the engine could not check in
 * full says `unchecked`, so the guard holds it (principle "fail closed").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeWith } from '../../../rules/engine/analyze';
import type { Rule } from '../../../rules/engine/rule';
import { analyze, resetCache, rules } from '../../../rules/index';

const broken = (scope: 'sentence' | 'reply'): Rule =>
  ({
    id: `broken-${scope}`,
    description: 'throws',
    rationale: 'test',
    category: 'care-details',
    defaultSeverity: 'block',
    examples: { flag: [], pass: [] },
    scope,
    check: () => {
      throw new Error('rule crashed');
    },
  }) as Rule;

afterEach(() => resetCache());

describe('a failing rule', () => {
  it.each(['sentence', 'reply'] as const)('at %s scope: the reply is unchecked, other rules still report', (scope) => {
    const a = analyzeWith([...rules, broken(scope)], 'So sorry your crown came loose, Maria!');
    expect(a.unchecked).toBe(true);
    expect(a.verdict).toBe('block');
    expect(a.findings.length).toBeGreaterThan(0);
  });

  it('an "ok" from a failed check is unchecked, not safe', () => {
    const a = analyzeWith([broken('sentence')], 'Thank you for your feedback.');
    expect(a).toEqual({ verdict: 'ok', findings: [], unchecked: true });
  });

  it('a sentence a rule failed on is not cached as checked', () => {
    let fail = true;
    const flaky = {
      ...broken('sentence'),
      id: 'flaky',
      check: () => {
        if (fail) throw new Error('once');
        return [];
      },
    } as Rule;
    expect(analyzeWith([flaky], 'Thank you for your feedback.').unchecked).toBe(true);
    fail = false;
    expect(analyzeWith([flaky], 'Thank you for your feedback.').unchecked).toBeUndefined();
  });

  it('the pipeline failing as a whole is unchecked too', () => {
    // A registry entry that is not a rule breaks the pipeline itself, not one rule.
    expect(analyzeWith([null as never], 'Thank you!')).toEqual({ verdict: 'ok', findings: [], unchecked: true });
  });
});

describe('the shipped rules', () => {
  it('check every ordinary reply in full', () => {
    for (const t of ['Thank you for your feedback.', 'So sorry your crown came loose, Maria!', '¡Gracias!']) {
      expect(analyze(t).unchecked).toBeUndefined();
    }
  });
});
