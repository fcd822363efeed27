/**
 * Sentence segmentation on normalized text. Rules look at one sentence at a time, which keeps
 * them local and lets analyze() cache per sentence (only the sentence being typed is re-parsed).
 */

/** A sentence: [start, end) in the normalized text. */
export interface Span {
  start: number;
  end: number;
}

// Abbreviations whose period does not end a sentence ("Dr. Lee", "Birch St. and").
const ABBREV = new Set([
  'ave',
  'blvd',
  'dr',
  'drs',
  'e.g',
  'etc',
  'i.e',
  'jr',
  'mr',
  'mrs',
  'ms',
  'mt',
  'no',
  'rd',
  'sr',
  'st',
  'ste',
  'vs',
]);

/** Sentence end: terminal punctuation run (plus closing quotes/brackets), or a line break. */
export const SENTENCE_END = /[.!?]+["')\]]*(?=\s|$)|\n+/g;

/** Splits normalized text into sentences (trimmed, non-empty). Linear time. */
export function segment(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      // Look back at the word before the period: "Dr." or a single initial ("Danielle R.") stays.
      let k = m.index - 1;
      while (k >= start && /[A-Za-z.]/.test(text[k] ?? '')) k--;
      const word = text.slice(k + 1, m.index).toLowerCase();
      if (ABBREV.has(word) || /^[a-z]$/.test(word)) continue;
    }
    push(spans, text, start, end);
    start = end;
  }
  push(spans, text, start, text.length);
  return spans;
}

/**
 * Longest sentence the rules see. A paste with no sentence ends (one risky clause repeated for
 * 100 KB) would otherwise be one "sentence", and rules that look around each match within their
 * sentence would take quadratic time (issue #9: 100 KB took seconds). Longer runs are cut at a
 * clause break (, ; : or a dash) or else a space, so every sentence costs bounded work.
 */
export const MAX_SENTENCE = 400;

function push(spans: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  while (e - s > MAX_SENTENCE) {
    const cut = cutPoint(text, s, s + MAX_SENTENCE);
    push(spans, text, s, cut);
    s = cut;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
  }
  if (e > s) spans.push({ start: s, end: e });
}

/** Where to cut [start, limit): after the last clause break, else at the last space, else at limit. */
function cutPoint(text: string, start: number, limit: number): number {
  let space = -1;
  for (let k = limit - 1; k > start + MAX_SENTENCE / 2; k--) {
    const ch = text[k]!;
    if ((ch === ',' || ch === ';' || ch === ':' || ch === '-') && text[k + 1] === ' ') return k + 1;
    if (space < 0 && ch === ' ') space = k;
  }
  return space > 0 ? space : limit;
}
