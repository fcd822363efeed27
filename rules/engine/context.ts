/**
 * What a rule sees: one normalized sentence with lazily computed parse features (compromise
 * parse, people, tense, generic-statement cues), or the whole reply for reply-scope rules.
 */
import nlp from 'compromise';
import type { ReplyContext } from '../types';
import type { ResolvedOptions } from './options';
import { findTerms, type TermHit, type Token, tokenize } from './terms';

/** compromise's document type. */
export type Doc = ReturnType<typeof nlp>;

/** A person's name found in a sentence, with [start, end) in the sentence. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  /** Preceded by Dr./Doctor: a provider of the practice, not a patient identifier. */
  provider: boolean;
  /** Framed as staff ("Dana, our office manager", "our coordinator, Keisha") or in the profile. */
  staff: boolean;
}

/** Staff role nouns that frame a name as an employee ("our billing specialist, Ron"). */
export const STAFF_ROLE =
  /\b(?:manager|coordinator|lead|hygienists?|assistants?|specialists?|administrator|officer|director|doctors?|dentists?|physicians?|surgeons?|nurses?|therapists?|pts?|chiropractors?|optometrists?|opticians?|receptionists?|injectors?|aestheticians?|estheticians?|providers?|counselors?|clinicians?|team|staff|owner|founder|biller|scheduler|technicians?|tech|pharmacists?|midwife|np|pa|dietitian|trainer|ceo|president|partner|associate|host|front desk|supervisor|liaison|advocate|concierge|practitioner|nurse practitioner|physician assistant|hygiene|billing|office|practice|clinic|lead)\b/i;

/** "our office manager, " right before a name. */
export const STAFF_BEFORE = new RegExp(
  `\\bour\\s(?:[\\p{L}-]+\\s){0,3}?${STAFF_ROLE.source}(?:\\s[\\p{L}-]+){0,2}?[,:]?\\s?(?:is\\s)?$`,
  'iu',
);
/** ", our office manager" right after a name. */
export const STAFF_AFTER = new RegExp(
  `^,?\\s?(?:is\\s)?(?:our|the practice's|the clinic's)\\s(?:[\\p{L}-]+\\s){0,3}?${STAFF_ROLE.source}`,
  'iu',
);

const TIME_ANCHOR =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|past)|last (?:week|night|month|year|time|visit|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|over the weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|earlier today|the other day)\b/i;

const GENERIC =
  /\b(?:if|whether|most|many|anyone|anybody|everyone|everybody|every|people|adults|common|commonly|usually|typically|often|generally|can help|may help|helps?|should|available|we offer|we provide|we now offer|we're now offering|offering|ask (?:us )?about|tips?|reminder|did you know|recommends?|prevents?|protects?|normal|offers?)\b/i;

// Strong signs of general education (quantifiers, advice verbs), unlike modals such as "can".
const EDUCATIONAL =
  /\b(?:most|many|anyone|anybody|everyone|everybody|people|adults|common|commonly|usually|typically|often|generally|helps?|tips?|did you know|prevents?|protects?|each day|every day|any other|from any|normal)\b/i;

const CONDITIONAL = /\b(?:if|whether|in case|should you)\b/i;

/** Everything a sentence rule may look at. Offsets are in `text` (the normalized sentence). */
export class SentenceContext {
  readonly lower: string;
  private _tokens?: Token[];
  private _terms?: TermHit[];
  private _doc?: Doc;
  private _names?: NameSpan[];
  private _past?: boolean;
  private _tags?: Array<{ start: number; end: number; tags: string[] }>;

  constructor(
    readonly text: string,
    readonly options: ResolvedOptions,
  ) {
    this.lower = text.toLowerCase();
  }

  /** Word tokens (lower-case). */
  get tokens(): Token[] {
    this._tokens ??= tokenize(this.text);
    return this._tokens;
  }

  /** Care terms in the sentence (curated, extra and generated vocabularies). */
  get terms(): TermHit[] {
    this._terms ??= findTerms(this.tokens, this.options.extraTerms);
    return this._terms;
  }

  /** The compromise parse of this sentence (parsed once, on first use). */
  get doc(): Doc {
    this._doc ??= nlp(this.text);
    return this._doc;
  }

  /** True when the sentence narrates something that happened (past tense or a time anchor). */
  get past(): boolean {
    if (this._past === undefined) {
      this._past =
        TIME_ANCHOR.test(this.text) ||
        /\b(?:has|have|had)\s+(?:been|\w+ed)\b/i.test(this.text) ||
        this.doc.has('#PastTense');
    }
    return this._past;
  }

  /** A time anchor ("today", "last Tuesday", "Friday's") in the sentence. */
  get anchored(): boolean {
    return TIME_ANCHOR.test(this.text);
  }

  /** Generic-statement cues: conditionals, quantifiers, advice ("most people", "can help"). */
  get generic(): boolean {
    return GENERIC.test(this.text);
  }

  /** Strong general-education cues ("most people", "helps", "every day"). */
  get educational(): boolean {
    return EDUCATIONAL.test(this.text);
  }

  /** A conditional ("if you", "whether"). */
  get conditional(): boolean {
    return CONDITIONAL.test(this.text);
  }

  /** compromise's tags of the words overlapping [start, end). */
  tagsAt(start: number, end: number): Set<string> {
    if (!this._tags) {
      const json = this.doc.terms().json({ offset: true }) as Array<{
        terms: Array<{ tags: string[]; offset: { start: number; length: number } }>;
      }>;
      this._tags = json.flatMap((t) =>
        t.terms.map((x) => ({ start: x.offset.start, end: x.offset.start + x.offset.length, tags: x.tags })),
      );
    }
    const out = new Set<string>();
    for (const t of this._tags) if (t.start < end && t.end > start) for (const tag of t.tags) out.add(tag);
    return out;
  }

  /** True when compromise reads [start, end) as a person's name (and not a place or org). */
  isPersonName(start: number, end: number): boolean {
    const tags = this.tagsAt(start, end);
    if (tags.has('Place') || tags.has('Organization') || tags.has('Country') || tags.has('City')) return false;
    return (
      tags.has('Person') ||
      tags.has('FirstName') ||
      tags.has('LastName') ||
      tags.has('MaleName') ||
      tags.has('FemaleName')
    );
  }

  /** People's names per compromise, marked as provider or staff where the frame says so. */
  get names(): NameSpan[] {
    if (!this._names) {
      const out: NameSpan[] = [];
      const json = this.doc.people().json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
      for (const p of json) {
        let start = p.offset.start;
        let end = start + p.offset.length;
        // compromise includes trailing punctuation in some offsets: trim to letters.
        while (end > start && !/[\p{L}.]/u.test(this.text[end - 1] ?? '')) end--;
        if (this.text[end - 1] === '.' && !/\b[A-Z]\.$/.test(this.text.slice(start, end))) end--;
        while (start < end && !/\p{L}/u.test(this.text[start] ?? '')) start++;
        if (end <= start) continue;
        out.push(this.describeName(start, end));
      }
      this._names = out;
    }
    return this._names;
  }

  /** Builds a NameSpan with its provider/staff frame. */
  describeName(start: number, end: number): NameSpan {
    const text = this.text.slice(start, end);
    const before = this.text.slice(Math.max(0, start - 60), start);
    const after = this.text.slice(end, end + 60);
    const provider = /\b(?:dr|doctor|drs)\.?\s*$/i.test(before) || /^(?:dr|doctor)\.?\s/i.test(text);
    const words = text
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter(Boolean);
    const staff =
      words.some((w) => this.options.staffWords.has(w.replace(/'s$/, ''))) ||
      // "our office manager, Dana" / "our coordinator Keisha" / "ask for Marisol"
      STAFF_BEFORE.test(before) ||
      /\bask for\s{0,2}$/i.test(before) ||
      // "Dana, our office manager" / "Maria, our lead hygienist"
      STAFF_AFTER.test(after);
    return { start, end, text, provider, staff };
  }
}

/** A sentence of the reply as reply-scope rules see it. */
export interface ReplySentence {
  /** Offset of the sentence in the normalized reply. */
  offset: number;
  ctx: SentenceContext;
  /** Categories the sentence rules found in this sentence. */
  found: ReadonlySet<string>;
}

/** Everything a reply-scope rule may look at. Offsets are in `text` (the normalized reply). */
export interface ReplyRuleContext {
  text: string;
  sentences: ReplySentence[];
  options: ResolvedOptions;
  context: ReplyContext;
}
