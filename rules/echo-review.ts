/**
 * Flags a reply that repeats clinical terms, names or dates from the review it answers
 * (options.context). Repeating "my root canal" back, even kindly, confirms and adds to it.
 */
import nlp from 'compromise';
import type { ReplyRuleContext } from './engine/context';
import { Lru } from './engine/lru';
import { normalize } from './engine/normalize';
import type { ReplyRule, RuleFinding } from './engine/rule';
import { CLINICAL_KINDS, findTerms, type TermHit, tokenize } from './engine/terms';
import { DATE } from './personal-date';

const MSG_TERM = (t: string) => `The reply repeats "${t}" from the review, which confirms their care in public.`;
const MSG_NAME = "The reply repeats the reviewer's name, identifying them as a patient.";
const MSG_DATE = 'The reply repeats a date from the review, tying the visit to this person.';

interface ReviewInfo {
  terms: Set<string>;
  names: Set<string>;
  firstName: string;
  dates: Set<string>;
}

const cache = new Lru<string, ReviewInfo>(50);
const termKey = (h: TermHit, text: string) =>
  (h.kind === 'clinical' ? text.slice(h.start, h.end) : h.term).toLowerCase().replace(/(?:'s|e?s)$/, '');
const IGNORED_NAMES = new Set([
  'the',
  'dr',
  'mr',
  'mrs',
  'ms',
  'and',
  'of',
  'a',
  'review',
  'user',
  'guest',
  'anonymous',
]);

function reviewInfo(review: string, author: string, extra: readonly string[]): ReviewInfo {
  const key = `${author}\u0000${extra.join('\u0001')}\u0000${review}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const norm = normalize(review.slice(0, 20000)).text;
  const terms = new Set<string>();
  for (const h of findTerms(tokenize(norm), extra)) {
    if (CLINICAL_KINDS.has(h.kind)) terms.add(termKey(h, norm));
  }
  const names = new Set<string>();
  const authorWords = author
    .toLowerCase()
    .split(/[^\p{L}'-]+/u)
    .filter((w) => w.length > 1 && !IGNORED_NAMES.has(w));
  for (const w of authorWords) names.add(w);
  if (norm) {
    for (const p of nlp(norm).people().out('array') as string[]) {
      for (const w of p.toLowerCase().split(/[^\p{L}'-]+/u))
        if (w.length > 1 && !IGNORED_NAMES.has(w)) names.add(w.replace(/'s$/, ''));
    }
  }
  const dates = new Set<string>();
  DATE.lastIndex = 0;
  for (let m = DATE.exec(norm); m; m = DATE.exec(norm)) dates.add(m[0].toLowerCase());
  const info = { terms, names, firstName: authorWords[0] ?? '', dates };
  cache.set(key, info);
  return info;
}

const rule: ReplyRule = {
  id: 'echo-review',
  description: 'Repeating clinical terms, names or dates from the review being answered.',
  rationale:
    'The seed: "Never discuss patient care details publicly, even if the patient initiated the conversation." Echoing the review confirms it.',
  category: 'care-details',
  defaultSeverity: 'block',
  scope: 'reply',
  check(ctx: ReplyRuleContext) {
    const review = ctx.context.reviewText ?? '';
    const author = ctx.context.reviewAuthor ?? '';
    if (!review.trim() && !author.trim()) return [];
    const info = reviewInfo(review, author, ctx.options.extraTerms);
    const out: RuleFinding[] = [];
    for (const s of ctx.sentences) {
      const text = s.ctx.text;
      for (const h of s.ctx.terms) {
        if (!CLINICAL_KINDS.has(h.kind) || !info.terms.has(termKey(h, text))) continue;
        out.push({ start: s.offset + h.start, end: s.offset + h.end, message: MSG_TERM(text.slice(h.start, h.end)) });
      }
      for (const t of s.ctx.tokens) {
        const w = t.word.replace(/'s$/, '');
        if (!info.names.has(w) || !/^\p{Lu}/u.test(text.slice(t.start, t.end))) continue;
        if (ctx.options.staffWords.has(w)) continue;
        if (ctx.options.allowReviewerFirstName && w === info.firstName) continue;
        out.push({
          start: s.offset + t.start,
          end: s.offset + t.end,
          message: MSG_NAME,
          severity: 'warn',
          category: 'identifiers',
          suggestion: 'Leave the name out.',
        });
      }
      if (info.dates.size > 0) {
        DATE.lastIndex = 0;
        for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
          if (!info.dates.has(m[0].toLowerCase())) continue;
          out.push({
            start: s.offset + m.index,
            end: s.offset + m.index + m[0].length,
            message: MSG_DATE,
            severity: 'warn',
            category: 'identifiers',
          });
        }
      }
    }
    return out;
  },
  examples: {
    options: {
      context: { reviewText: 'My tooth extraction on 3/4 was painless, thanks Dr. Bell!', reviewAuthor: 'Lorna Fitch' },
    },
    flag: ['Extractions can be scary, so we are glad it went smoothly!', 'Thanks for the kind words, Lorna!'],
    pass: [
      // Generic thanks, nothing repeated.
      'Thanks so much for writing to us!',
      // The provider named in the review, framed as staff, with no clinical word.
      'We appreciate you taking a moment to write this.',
    ],
  },
};

export default rule;
