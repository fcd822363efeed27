/**
 * Small shared cues for rules: who owns a care term ("your crown", "Harold's pneumonia",
 * "that knee"), second-person references, and a helper to run a list of patterns.
 */
import type { SentenceContext } from './context';
import type { RuleFinding } from './rule';
import type { TermHit } from './terms';

/** Who a care term belongs to, judged from the words just before it. */
export type Possessor = 'second' | 'third' | 'name' | 'demonstrative' | 'time' | null;

const SECOND = new Set(['your', 'yours', 'yourself']);
const THIRD = new Set(['his', 'her', 'their']);
const DEMONSTRATIVE = new Set(['that', 'those', 'these', 'this']);
const TIME_WORDS = new Set([
  'today',
  'yesterday',
  'tomorrow',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'morning',
  'afternoon',
  'week',
  'weekend',
]);
const KIN_WORDS = new Set([
  'son',
  'daughter',
  'baby',
  'kid',
  'child',
  'husband',
  'wife',
  'partner',
  'mom',
  'dad',
  'one',
  'kiddo',
  'boy',
  'girl',
  'grandma',
  'grandpa',
  'mother',
  'father',
  'client',
  'patient',
  'customer',
  'reviewer',
]);
// Words after which "that" starts a clause instead of pointing at a thing.
const COMPLEMENT = new Set([
  'reminder',
  'know',
  'knew',
  'hope',
  'glad',
  'sure',
  'sorry',
  'said',
  'say',
  'says',
  'think',
  'means',
  'mean',
  'note',
  'notice',
  'remember',
  'so',
  'such',
  'believe',
  'feel',
  'heard',
  'hear',
  'shows',
  'show',
  'ensure',
  'understand',
  'agree',
  'proud',
  'happy',
  'thrilled',
  'clear',
  'true',
  'fact',
]);
// Words that end the look-back: a possessive further left belongs to another phrase.
const BARRIER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'with',
  'about',
  'on',
  'in',
  'at',
  'by',
  'from',
  'and',
  'or',
  'but',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'we',
  'our',
  'us',
  'you',
  'it',
  'they',
  'i',
  'my',
  'not',
  'no',
  'any',
  'all',
  'every',
  'some',
  'as',
  'during',
  'through',
  'throughout',
  'after',
  'before',
  'since',
  'over',
  'into',
  'than',
  'more',
  'most',
]);

// "it's", "that's": the 's is "is", not a possessive.
const CONTRACTIONS = new Set([
  'it',
  'that',
  'there',
  'here',
  'what',
  'who',
  'he',
  'she',
  'let',
  'where',
  'how',
  'today',
  'everyone',
]);

/** Finds the possessor of a term within three words to its left (no punctuation between). */
export function possessorOf(ctx: SentenceContext, hit: TermHit): Possessor {
  const toks = ctx.tokens;
  for (let i = hit.first - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    const gap = ctx.text.slice(toks[i]!.end, toks[i + 1]!.start);
    if (/[,.;:!?()]/.test(gap)) return null;
    const w = toks[i]!.word;
    if (SECOND.has(w)) return 'second';
    if (THIRD.has(w)) return 'third';
    if (DEMONSTRATIVE.has(w)) {
      // "a reminder that prescriptions can...", "we know that surgery is...": a conjunction, not "that knee".
      if (w === 'that' && (n > 0 || COMPLEMENT.has(toks[i - 1]?.word ?? ''))) return null;
      return 'demonstrative';
    }
    if (w.endsWith("'s")) {
      const base = w.slice(0, -2);
      if (TIME_WORDS.has(base)) return 'time';
      // "the little one's ear infection", "your son's asthma": a relative's.
      if (KIN_WORDS.has(base)) return 'third';
      // "your whole family's eye care": keep looking for the owner further left.
      const prev = toks[i - 1]?.word;
      if (prev && (SECOND.has(prev) || SECOND.has(toks[i - 2]?.word ?? ''))) return 'second';
      // "Harold's pneumonia": a capitalized possessive that is not a contraction ("It's", "Let's").
      if (CONTRACTIONS.has(base)) return null;
      const t = toks[i]!;
      // Places and eponyms ("St. Luke's", "Parkinson's") are not people.
      const place = /\b(?:st|saint|mt|mount)\.?\s*$/i.test(ctx.text.slice(Math.max(0, t.start - 7), t.start));
      if (/^\p{Lu}/u.test(ctx.text.slice(t.start, t.end)) && !place && ctx.isPersonName(t.start, t.end - 2))
        return 'name';
      return null;
    }
    if (BARRIER.has(w)) return null;
  }
  return null;
}

const THANK_YOU =
  /\b(?:thank you|see you|to you|hear from you|help you|you can|you may|you might|you'll need|you need|you don't need|you do not need)\b/gi;

/** True when the sentence addresses a "you" beyond "thank you" and generic "you can". */
export function addressesYou(ctx: SentenceContext): boolean {
  return /\byou(?:'re|'ve|'d)?\b/i.test(ctx.text.replace(THANK_YOU, ''));
}

/**
 * An explainer for any reader, the shape of a practice's own educational posts: a PSA, a how-to,
 * "what your audiogram actually means, explained in 60 seconds", a listicle ("3 things to
 * check", "things your podiatrist wants you to stop doing", "3 cosas que..."), "ever wonder",
 * "here's why", "it measures your eye pressure". Its "your" is a hypothetical reader, even in the
 * past tense ("3 signs: ... you got better, then worse").
 */
export const EXPLAINER =
  /\bpsa\s*:|(?<!\b(?:on|you|u|him|her|them|me|know) )\bhow to\b|\bwhat (?:your|ur) (?:[\w-]+ ){1,2}(?:actually |really )?(?:means?|does|says|sees|thinks|wants|notices)\b|\bexplained in \d|\b(?:\d+|three|four|five|six|seven|ten) (?:things|ways|signs|reasons|questions|mistakes)\b|\b(?:ever wonder(?:ed)?|here'?s (?:how|what|why)|when to (?:see|call|replace|book))\b|\b(?:it|this (?:test|exam|check)) (?:measures|checks|shows)\b|\bthings (?:your|ur)\b|\bthings (?:[\w-]+ ){1,2}(?:wish|want) (?:you|u) (?:knew|to know)\b|\bwhy (?:you|u) (?:shouldn'?t|should never|need to|might want to)\b|\b(?:\d+|tres|cuatro|cinco|seis|siete|diez) (?:cosas|se[nñ]ales|formas|maneras|razones|errores|preguntas)\b|\bc[oó]mo (?:saber|cuidar|limpiar|elegir|prevenir)\b/i;
/**
 * A "POV:" or "me explaining..." meme in English about a hypothetical reader (not one about a
 * patient): "me explaining for the 100th time why you shouldn't pop pimples".
 */
export const POV_MEME =
  /^\W{0,8}(?:pov\b|me (?:explaining|telling|reminding|begging|watching) (?:for the \w+ time |again |everyone |people |y'all )?(?:why|how|that|you|u|people|everyone)\b)(?![^.!?]*\b(?:pts?|patients?|clients?)\b)/i;

/** Content about a topic: "our webinar on ...", "a blog post about ...". */
export const TOPIC_BEFORE =
  /\b(?:billing|pricing|prices|blog|post|article|video|webinar|seminar|class|talk|workshop|guide|series|podcast|newsletter|tips|live|handout|page|reel|website|site|information|info|resources|research|study|paper|book|lecture|presentation)\s+(?:on|about|for)\s+(?:[\w-]+\s+){0,2}$/i;

/** A pattern with the message (and suggestion) of the finding it produces. */
export interface Pattern {
  re: RegExp;
  message: string;
  suggestion?: string;
  /** Skip matches when this returns false. */
  when?: (ctx: SentenceContext, m: RegExpExecArray) => boolean;
  severity?: RuleFinding['severity'];
}

/** Runs patterns (each must be global) over the sentence and returns findings. */
export function runPatterns(ctx: SentenceContext, patterns: readonly Pattern[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(ctx.text); m; m = p.re.exec(ctx.text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      if (p.when && !p.when(ctx, m)) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: p.message,
        suggestion: p.suggestion,
        severity: p.severity,
      });
    }
  }
  return out;
}
