/**
 * The analysis pipeline: normalize → segment → per-sentence rules (cached per sentence text and
 * options) → reply-scope rules → map spans to the original text → merge → verdict.
 * Incremental by construction: while typing, only the edited sentence misses the cache.
 */
import type { Analysis, AnalyzeOptions, Category, Finding, Severity } from '../types';
import { type ReplySentence, SentenceContext } from './context';
import { Lru } from './lru';
import { mergeFindings, verdictOf } from './merge';
import { forgetLastNormalized, normalize, toOriginal } from './normalize';
import { type ResolvedOptions, resolveOptions } from './options';
import type { ReplyRule, Rule, SentenceRule } from './rule';
import { segment } from './segment';
import { staffAfter, staffBefore } from './staff';
import { dropWholePostReadings } from './whole-post';

/** A finding relative to a sentence, before mapping to the original text. */
interface LocalFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

interface SentenceResult {
  findings: LocalFinding[];
  ctx: SentenceContext;
  /** A rule threw on this sentence: its findings are incomplete (never cached). */
  failed: boolean;
}

const sentenceCache = new Lru<string, SentenceResult>(2000);

/** Empties the per-sentence cache and the last normalization (benchmarks measure cold analysis). */
export function clearCache(): void {
  sentenceCache.clear();
  forgetLastNormalized();
}

function active(rule: Rule, o: ResolvedOptions): boolean {
  if (o.disabled.has(rule.id)) return false;
  return !rule.strictness || rule.strictness.includes(o.strictness);
}

function toLocal(rule: Rule, f: ReturnType<Rule['check']>[number]): LocalFinding {
  return {
    ruleId: rule.id,
    category: f.category ?? rule.category,
    severity: f.severity ?? rule.defaultSeverity,
    start: f.start,
    end: f.end,
    message: f.message,
    suggestion: f.suggestion,
  };
}

/**
 * Runs one rule, never letting its failure stop the other rules; `null` says it failed (the reply
 * is then reported unchecked: what the failed rule would have found is unknown).
 */
function safeCheck<C>(
  rule: { id: string; check(ctx: C): ReturnType<Rule['check']> },
  ctx: C,
): ReturnType<Rule['check']> | null {
  try {
    const r = rule.check(ctx);
    return Array.isArray(r) ? r : [];
  } catch (err) {
    if (typeof process !== 'undefined' && process.env?.REPLY_GUARD_DEBUG) console.error(`rule ${rule.id} failed`, err);
    return null;
  }
}

function analyzeSentence(text: string, o: ResolvedOptions, rules: readonly SentenceRule[]): SentenceResult {
  const key = `${o.key}\u0000${text}`;
  const hit = sentenceCache.get(key);
  if (hit) return hit;
  const ctx = new SentenceContext(text, o);
  const findings: LocalFinding[] = [];
  let failed = false;
  for (const rule of rules) {
    if (!active(rule, o)) continue;
    const found = safeCheck(rule, ctx);
    if (!found) failed = true;
    for (const f of found ?? []) {
      if (f.end > f.start && f.start >= 0 && f.end <= text.length) findings.push(toLocal(rule, f));
    }
  }
  const result = { findings, ctx, failed };
  if (!failed) sentenceCache.set(key, result);
  return result;
}

const NAME_RULES = new Set(['patient-name', 'reviewer-name', 'echo-review']);
/** Capitalized runs of one to three words: candidate names ("Carol Jennings", "Dolores"). */
const CAPITALIZED = /(?<![\p{L}'-])\p{Lu}[\p{L}'-]{1,30}(?:\s\p{Lu}[\p{L}'-]{1,30}){0,2}/gu;

/**
 * Names that the reply itself frames as staff (the frames of rules/engine/staff.ts), as lower-case
 * words. A title may open the capitalized run ("Nurse Ruth retires"), so each word is tried as the
 * start of the name.
 */
export function staffNames(text: string, only?: (word: string) => boolean): Set<string> {
  const out = new Set<string>();
  CAPITALIZED.lastIndex = 0;
  for (let m = CAPITALIZED.exec(text); m; m = CAPITALIZED.exec(text)) {
    const words = m[0].split(/\s+/);
    // Only the names a finding is about need their frames read (a long reply has thousands).
    if (only && !words.some((w) => only(w.toLowerCase()))) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 60);
    let at = m.index;
    for (let i = 0; i < words.length; i++) {
      if (i > 0) at = text.indexOf(words[i]!, at + words[i - 1]!.length);
      if (staffBefore(text.slice(Math.max(0, at - 60), at)) || staffAfter(after)) {
        for (const w of words.slice(i)) out.add(w.toLowerCase());
        break;
      }
    }
  }
  return out;
}

/** The lower-case name words of a finding's span ("Maria's" → "maria"). */
const nameWords = (span: string) =>
  span
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/'s$/, ''));

/** A name word is staff when the reply framed it, or a short form of it ("Mari" for Marisol). */
const isStaff = (span: string, staff: Set<string>) =>
  nameWords(span).some(
    (w) => staff.has(w) || (w.length >= 3 && [...staff].some((s) => s.length > w.length && s.startsWith(w))),
  );

/**
 * The name a finding is about: every word of a name rule's span, or the name a testimonial's name
 * frame ends on ("Meet Renee" → "Renee"; its before-and-after patterns end on no name).
 */
function findingName(f: LocalFinding, text: string): string | null {
  const span = text.slice(f.start, f.end);
  if (NAME_RULES.has(f.ruleId)) return span;
  return f.ruleId === 'testimonial' ? (/(?<![\p{L}'-])\p{Lu}[\p{L}'-]+$/u.exec(span)?.[0] ?? null) : null;
}

/** Analyzes a reply with the given rules; see rules/types.ts for the contract. */
export function analyzeWith(rules: readonly Rule[], input: string, options?: AnalyzeOptions): Analysis {
  try {
    const text = typeof input === 'string' ? input : String(input ?? '');
    if (text.trim().length === 0) return { verdict: 'ok', findings: [] };
    const o = resolveOptions(options);
    const norm = normalize(text);
    const sentenceRules = rules.filter((r): r is SentenceRule => r.scope === 'sentence');
    const replyRules = rules.filter((r): r is ReplyRule => r.scope === 'reply');
    const spans = segment(norm.text);
    const local: LocalFinding[] = [];
    const sentences: ReplySentence[] = [];
    let failed = false;
    for (const span of spans) {
      const r = analyzeSentence(norm.text.slice(span.start, span.end), o, sentenceRules);
      if (r.failed) failed = true;
      for (const f of r.findings) local.push({ ...f, start: f.start + span.start, end: f.end + span.start });
      sentences.push({ offset: span.start, ctx: r.ctx, found: new Set(r.findings.map((f) => f.category)) });
    }
    const replyCtx = { text: norm.text, sentences, options: o, context: options?.context ?? {} };
    for (const rule of replyRules) {
      if (!active(rule, o)) continue;
      const found = safeCheck(rule, replyCtx);
      if (!found) failed = true;
      for (const f of found ?? []) {
        if (f.end > f.start && f.start >= 0 && f.end <= norm.text.length) local.push(toLocal(rule, f));
      }
    }
    // A name framed as staff anywhere in the reply ("our office manager, Dana, ... Dana has trained",
    // "Meet Renee! She's our front desk coordinator") is staff in every sentence.
    const names = local.map((f) => findingName(f, norm.text));
    const named = names.flatMap((n) => (n === null ? [] : nameWords(n)));
    const staff = named.length
      ? staffNames(norm.text, (w) => named.some((n) => w === n || (n.length >= 3 && w.startsWith(n))))
      : new Set<string>();
    const framed = staff.size === 0 ? local : local.filter((_, i) => names[i] === null || !isStaff(names[i]!, staff));
    // Readings of the whole post: a stated written authorization, a week in review (./whole-post.ts).
    const kept = dropWholePostReadings(norm.text, framed, (id) => NAME_RULES.has(id));
    const findings: Finding[] = kept.map((f) => {
      const [start, end] = toOriginal(norm, f.start, f.end);
      const out: Finding = {
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        start,
        end,
        actual: '',
        message: f.message,
      };
      if (f.suggestion) out.suggestion = f.suggestion;
      return out;
    });
    // Relaxed: "flags clear disclosures of patient information only" (options page), so only
    // block-severity findings are reported; bare confirmations and identifiers stay silent.
    const reported = o.strictness === 'relaxed' ? findings.filter((f) => f.severity === 'block') : findings;
    const merged = mergeFindings(reported, text);
    const analysis: Analysis = { verdict: verdictOf(merged), findings: merged };
    if (failed) analysis.unchecked = true;
    return analysis;
  } catch (err) {
    if (typeof process !== 'undefined' && process.env?.REPLY_GUARD_DEBUG) console.error('analyze failed', err);
    // Nothing was checked: say so, so that callers hold the reply instead of reading "ok".
    return { verdict: 'ok', findings: [], unchecked: true };
  }
}
