/**
 * Normalization with an offset map (issue #3, "Evasions"): folds look-alike letters, drops
 * zero-width characters, rejoins letter-spaced words ("r o o t  c a n a l") and expands chat
 * slang ("ur appt"), while remembering for every normalized character the original span it came
 * from, so findings can point at what the user actually typed.
 */
import { HOMOGLYPHS } from '../data/homoglyphs';
import { SLANG } from '../data/slang';

/** Normalized text plus, per normalized UTF-16 unit, the original [start, end) it stands for. */
export interface Normalized {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

let homoglyphMap: Map<number, string> | undefined;
let slangMap: Map<string, string> | undefined;

// Invisible format characters used to split words so filters miss them (zero-width space,
// joiners, bidi marks, word joiner, BOM, soft hyphen, variation selectors, Mongolian vowel sep.).
function isInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

const MARKS = /\p{M}/gu;

/** Folds one non-ASCII code point to plain ASCII where it is a disguise of one; else returns it. */
function foldChar(cp: number, ch: string): string {
  homoglyphMap ??= new Map(HOMOGLYPHS.map(([from, to]) => [from.codePointAt(0)!, to]));
  const h = homoglyphMap.get(cp);
  if (h !== undefined) return h;
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x201b || cp === 0x2032 || cp === 0x60 || cp === 0xb4) return "'";
  if (cp === 0x201c || cp === 0x201d || cp === 0x201e || cp === 0x2033) return '"';
  if (cp >= 0x2010 && cp <= 0x2015) return '-';
  if (cp === 0x2026) return '.';
  if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000) return ' ';
  // Accents and full-width/compatibility forms: "tratamiénto", "ｃｒｏｗｎ", "ﬁlling".
  if ((cp >= 0xc0 && cp <= 0x24f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0xfb00 && cp <= 0xfb06)) {
    const folded = ch.normalize('NFKD').replace(MARKS, '');
    if (folded.length > 0 && /^[\x20-\x7e]+$/.test(folded)) return folded;
  }
  return ch;
}

/** Pass 1: per code point folding. ASCII runs are copied whole (most replies are all ASCII). */
function foldPass(input: string): Normalized {
  // A folded code point yields at most a few units; grow the maps only if that ever overflows.
  let starts = new Int32Array(input.length + 16);
  let ends = new Int32Array(input.length + 16);
  const out: string[] = [];
  let n = 0;
  let run = 0;
  const ensure = (extra: number) => {
    if (n + extra <= starts.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2 + extra);
      b.set(a);
      return b;
    };
    starts = grow(starts);
    ends = grow(ends);
  };
  const put = (ch: string, s: number, e: number) => {
    ensure(ch.length);
    for (let k = 0; k < ch.length; k++) {
      starts[n] = s;
      ends[n] = e;
      n++;
    }
    out.push(ch);
  };
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    if (cp < 0x80) {
      // Copy the ASCII run in one piece.
      run = i;
      while (i < input.length && input.charCodeAt(i) < 0x80) i++;
      ensure(i - run);
      for (let k = run; k < i; k++) {
        starts[n] = k;
        ends[n] = k + 1;
        n++;
      }
      out.push(input.slice(run, i));
      continue;
    }
    const len = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) put(foldChar(cp, input.slice(i, i + len)), i, i + len);
    i += len;
  }
  return { text: out.join(''), starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/** One piece of a rewrite: output text and the [from, to) of the match it stands for. */
type Piece = readonly [string, number, number];

/**
 * Rewrites every match of `re` with pieces, carrying the offset map through. The map is copied
 * in typed-array blocks (a per-character push cost more than the rest of normalize on 100 KB).
 */
function rewrite(n: Normalized, re: RegExp, pieces: (m: RegExpExecArray) => Piece[] | null): Normalized {
  re.lastIndex = 0;
  let m = re.exec(n.text);
  if (!m) return n;
  const out: string[] = [];
  let starts = new Int32Array(n.text.length + 16);
  let ends = new Int32Array(n.text.length + 16);
  let len = 0;
  const ensure = (extra: number) => {
    if (len + extra <= starts.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2 + extra);
      b.set(a.subarray(0, len));
      return b;
    };
    starts = grow(starts);
    ends = grow(ends);
  };
  let last = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    out.push(n.text.slice(from, to));
    ensure(to - from);
    starts.set(n.starts.subarray(from, to), len);
    ends.set(n.ends.subarray(from, to), len);
    len += to - from;
  };
  while (m) {
    const ps = pieces(m);
    if (ps) {
      copy(last, m.index);
      for (const [s, a, b] of ps) {
        out.push(s);
        const st = n.starts[m.index + a]!;
        const en = n.ends[m.index + Math.max(a, b - 1)]!;
        ensure(s.length);
        starts.fill(st, len, len + s.length);
        ends.fill(en, len, len + s.length);
        len += s.length;
      }
      last = m.index + m[0].length;
    }
    if (m[0].length === 0) re.lastIndex++;
    m = re.exec(n.text);
  }
  copy(last, n.text.length);
  return { text: out.join(''), starts: starts.slice(0, len), ends: ends.slice(0, len) };
}

/**
 * Letter-spaced words: three or more single letters each separated by one space or one of
 * . * _ - ("r o o t", "c.a.n.a.l"); a gap of two or three spaces separates words.
 * Each letter must stand alone, so ordinary words with "a" or "I" never join.
 */
export const LETTER_SPACING = /(?<![\p{L}\p{N}'])\p{L}(?:(?: {1,3}|[.*_-])\p{L}(?![\p{L}\p{N}])){2,}/gu;

function spacingPieces(m: RegExpExecArray): Piece[] {
  const s = m[0];
  const pieces: Piece[] = [];
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (/\p{L}/u.test(ch!)) pieces.push([ch!, k, k + 1]);
    else if (ch === ' ' && s[k + 1] === ' ') {
      let j = k;
      while (s[j] === ' ') j++;
      pieces.push([' ', k, j]);
      k = j - 1;
    }
  }
  return pieces;
}

/** Runs of two or more spaces or tabs (collapsed to one space after letter-spacing is undone). */
export const SPACE_RUN = /[ \t]{2,}/g;

let slangRe: RegExp | undefined;
/** The slang pattern, built once from rules/data/slang.ts (whole words only). */
export function slangPattern(): RegExp {
  slangMap ??= new Map(SLANG.map(([from, to]) => [from, to]));
  slangRe ??= new RegExp(
    `(?<![\\p{L}\\p{N}.'@/-])(?:${[...slangMap.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('|')})(?![\\p{L}\\p{N}'@/-]|\\.\\p{L})`,
    'giu',
  );
  return slangRe;
}

function slangPieces(m: RegExpExecArray): Piece[] | null {
  const typed = m[0];
  // A capital single "U" is more often an initial ("U of M") than chat for "you".
  if (typed.length === 1 && typed !== typed.toLowerCase()) return null;
  const to = slangMap!.get(typed.toLowerCase());
  return to === undefined ? null : [[to, 0, typed.length]];
}

let last: { input: string; out: Normalized } | undefined;

/**
 * Normalizes a reply for matching; see the module comment. Never throws on any string.
 * The last result is kept: analyze normalizes once for the rules and again for the model.
 */
export function normalize(input: string): Normalized {
  if (last?.input === input) return last.out;
  const out = normalizeUncached(input);
  last = { input, out };
  return out;
}

/** Forgets the last result (benchmarks measuring a cold analysis). */
export function forgetLastNormalized(): void {
  last = undefined;
}

function normalizeUncached(input: string): Normalized {
  let n = foldPass(input);
  n = rewrite(n, LETTER_SPACING, spacingPieces);
  n = rewrite(n, slangPattern(), slangPieces);
  // "Your   root   canal": runs of spaces read as one, so phrases still match.
  n = rewrite(n, SPACE_RUN, (m) => [[' ', 0, m[0].length]]);
  return n;
}

/** Maps a normalized [start, end) back to the original text's [start, end). */
export function toOriginal(n: Normalized, start: number, end: number): [number, number] {
  if (n.text.length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), n.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), n.text.length);
  return [n.starts[s]!, n.ends[e - 1]!];
}
