/**
 * Finding merge and verdict (issue #3, "Shape"): sorted by start, overlapping spans merged into
 * one finding that keeps the heaviest severity (ties: the earlier rule's category and message).
 */
import type { Finding, Verdict } from '../types';

const weight = (f: Finding) => (f.severity === 'block' ? 2 : 1);

/** Sorts findings and merges overlapping spans; `original` re-slices `actual`. */
export function mergeFindings(findings: Finding[], original: string): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || weight(b) - weight(a));
  const out: Finding[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (prev && f.start < prev.end) {
      const end = Math.max(prev.end, f.end);
      const keep = weight(f) > weight(prev) ? { ...f, start: prev.start } : prev;
      out[out.length - 1] = { ...keep, end, actual: original.slice(keep.start, end) };
    } else {
      out.push({ ...f, actual: original.slice(f.start, f.end) });
    }
  }
  return out;
}

/** The reply's verdict: the heaviest severity among its findings. */
export function verdictOf(findings: Finding[]): Verdict {
  let v: Verdict = 'ok';
  for (const f of findings) {
    if (f.severity === 'block') return 'block';
    v = 'warn';
  }
  return v;
}
