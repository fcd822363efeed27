/**
 * Every regular expression the rules module exports or uses is safe from catastrophic
 * backtracking (issue #3). Two checks:
 *  1. safe-regex2 (star height 1). Its parser (ret 0.5) predates lookbehind and Unicode property
 *     escapes, so lookbehinds are read as plain groups for the check. A regex safe-regex2 rejects
 *     must still have no unbounded repetition inside another unbounded repetition (the shape of
 *     catastrophic backtracking; bounded word windows such as `(?:\w+ ){0,3}` are allowed).
 *  2. Timing: each regex runs over adversarial inputs (50,000-character runs of letters, spaces,
 *     digits, words, dots) and must finish quickly, which is what actually matters in the page.
 * Regexes come from two places: every RegExp value exported by a rules/ module (including
 * PATTERNS arrays and those built with new RegExp), and every regex literal in the source
 * (found with the TypeScript parser), so inline ones are covered too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ret, { types } from 'ret';
import safeRegex from 'safe-regex2';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const rulesDir = path.resolve(__dirname, '../../../rules');
const modules = import.meta.glob('../../../rules/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function collectValues(v: unknown, out: Map<string, RegExp>, where: string, depth = 0): void {
  if (v instanceof RegExp) {
    out.set(`${v.source}/${v.flags}`, v);
    return;
  }
  if (depth > 3 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) collectValues(x, out, `${where}[${i}]`, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v)) collectValues(x, out, `${where}.${k}`, depth + 1);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts') ? [p] : [];
  });
}

function literalRegexes(): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const file of sourceFiles(rulesDir)) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(src);
        const re = new Function(`return ${text}`)() as RegExp;
        out.set(`${re.source}/${re.flags}`, re);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

const all = new Map<string, RegExp>();
for (const [file, mod] of Object.entries(modules)) collectValues(mod, all, file);
for (const [k, re] of literalRegexes()) all.set(k, re);
const regexes = [...all.values()];

interface RetNode {
  type: number;
  min?: number;
  max?: number | null;
  value?: RetNode | number;
  stack?: RetNode[];
  options?: RetNode[][];
}

/** No unbounded repetition inside another unbounded repetition. */
function nestedUnbounded(node: RetNode, insideUnbounded: boolean): boolean {
  let inside = insideUnbounded;
  if (node.type === types.REPETITION) {
    const unbounded = node.max === null || node.max === Number.POSITIVE_INFINITY;
    if (unbounded && insideUnbounded) return true;
    inside = insideUnbounded || unbounded;
  }
  const kids: RetNode[] = [];
  if (node.stack) kids.push(...node.stack);
  if (node.options) for (const o of node.options) kids.push(...o);
  if (node.value && typeof node.value === 'object') kids.push(node.value);
  return kids.some((k) => nestedUnbounded(k, inside));
}

const forParser = (re: RegExp) => re.source.replace(/\(\?<[!=]/g, '(?:');

const ADVERSARIAL = [
  `${'a'.repeat(50000)}!`,
  `${'A'.repeat(50000)}!`,
  `${' '.repeat(50000)}!`,
  `a${' '.repeat(50000)}a!`,
  `${'1'.repeat(50000)}x`,
  `${'a '.repeat(25000)}!`,
  `${'Aa, '.repeat(12500)}!`,
  `${'your '.repeat(10000)}!`,
  `${'the the '.repeat(6000)}!`,
  `@${'a.'.repeat(25000)}`,
  `${'a.'.repeat(25000)}@`,
  `${'-'.repeat(50000)}`,
  `${"a'".repeat(25000)}!`,
  `${'Dr. '.repeat(12000)}!`,
];

describe('regex safety', () => {
  it('found the regexes of the rules module', () => {
    expect(regexes.length).toBeGreaterThan(100);
  });

  it.each(regexes.map((r) => [r.source.slice(0, 70), r] as const))('structure is safe: %s', (_label, re) => {
    const ok = safeRegex(forParser(re), { limit: 1000 }) || !nestedUnbounded(ret(forParser(re)) as RetNode, false);
    expect(ok, `${re}`).toBe(true);
  });

  it.each(regexes.map((r) => [r.source.slice(0, 70), r] as const))(
    'runs fast on adversarial input: %s',
    (_label, re) => {
      for (const input of ADVERSARIAL) {
        const t0 = performance.now();
        re.lastIndex = 0;
        if (re.global) input.match(re);
        else re.test(input);
        re.lastIndex = 0;
        const ms = performance.now() - t0;
        expect(ms, `${re} on ${JSON.stringify(input.slice(0, 12))}… took ${ms.toFixed(1)} ms`).toBeLessThan(250);
      }
    },
  );
});
