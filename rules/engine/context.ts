/**
 * What a rule sees: one normalized sentence with lazily computed parse features (compromise
 * parse, people, tense, generic-statement cues), or the whole reply for reply-scope rules.
 */
import nlp from 'compromise';
import type { ReplyContext } from '../types';
import { inProperName } from './names';
import type { ResolvedOptions } from './options';
import { type Doc, parseTags } from './parse';
import { PROVIDER_BEFORE, staffAfter, staffBefore } from './staff';
import { findTerms, type TermHit, type Token, tokenize } from './terms';

export type { Doc } from './parse';

/** One compromise term with its offsets in the sentence. */
export interface ParsedTerm {
  start: number;
  end: number;
  tags: Set<string>;
}

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

/** A provider's title and the first part of the name right before: "Dr. Fatima Al-", "Dra. Ana Karen ". */
const PROVIDER_NAME_BEFORE = /\b(?:D[Rr][As]?|D[Rr]as|[Dd]octora?)\.?\s(?:\p{Lu}[\p{L}']*(?:\s|-)){1,2}$/u;

/** "our hygiene team, " / "nuestro equipo, " right before a list of names (see LIST_AFTER). */
const GROUP_BEFORE = /\b(?:our|nuestr[ao]s?)\s(?:[\p{L}-]+\s){0,3}?(?:team|staff|crew|equipo|personal),\s$/iu;
/** The rest of a list of at least three names: ", Omar, and Jen" / ", Omar y Jen". */
const LIST_AFTER = /^(?:,\s\p{Lu}[\p{L}'-]*){1,5},?\s(?:and|&|y)\s\p{Lu}/u;

const TIME_ANCHOR =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|past)|last (?:week|night|month|year|time|visit|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|over the weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|earlier today|the other day)\b/i;

const GENERIC =
  /\b(?:any questions|questions you (?:may )?have|if|whether|most|many|anyone|anybody|everyone|everybody|every(?! (?:week|month|day|morning|night|step|visit since))|people|adults|common|commonly|usually|typically|often|generally|can help|may help|helps?|should|available|we offer|we provide|we now offer|we're now offering|offering|ask (?:us )?about|tips?|reminder|did you know|recommends?|prevents?|protects?|normal|offers?|lets you|allows you|enables you|(?:talk to|ask|check with) your (?:doctor|provider|dentist|pediatrician|pharmacist|physician))\b/i;

// Strong signs of general education (quantifiers, advice verbs), unlike modals such as "can".
const EDUCATIONAL =
  /\b(?:most|many|anyone|anybody|everyone|everybody|people|adults|common|commonly|usually|typically|often|generally|helps|can help|may help|will help|tips?|did you know|prevents?|protects?|each day|every day|any other|from any|lets you|allows you|enables you|up to date|ways to|the best way|one of the (?:best|easiest|simplest)|(?:can|may|might|could) (?:raise|lower|cause|lead to|increase|reduce|affect|trigger|worsen)|before school|back to school|(?:talk to|ask|check with) your (?:doctor|provider|dentist|pediatrician|pharmacist|physician))\b/i;

/** First words that compromise never tags as a verb: determiners, possessives, pronouns. */
export const NOT_VERB_OPENER =
  /^[^\p{L}\p{N}]*(?:the|a|an|your|my|our|his|her|their|its|we|you|i|it|they|he|she|this|these|those)(?![\p{L}\p{N}'’-])/iu;

const CONDITIONAL = /\b(?:if|whether|in case|should you)\b/i;

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** compromise's lexicon says the word is only a past-tense verb ("came", "took", "was"). */
function lexiconPast(word: string): boolean {
  const tags = lexicon[word];
  if (tags === undefined) return false;
  if (typeof tags === 'string') return tags === 'PastTense';
  return tags.includes('PastTense') && !tags.includes('Infinitive') && !tags.includes('PresentTense');
}

/** Everything a sentence rule may look at. Offsets are in `text` (the normalized sentence). */
export class SentenceContext {
  readonly lower: string;
  private _tokens?: Token[];
  private _terms?: TermHit[];
  private _doc?: Doc;
  private _names?: NameSpan[];
  private _past?: boolean;
  private _tags?: ParsedTerm[];

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
    this._terms ??= findTerms(this.tokens, this.options.extraTerms).filter((t) => !inProperName(this.text, t));
    return this._terms;
  }

  /** The compromise parse of this sentence (parsed once, on first use; tags only, no chunks). */
  get doc(): Doc {
    this._doc ??= parseTags(this.text);
    return this._doc;
  }

  /** True when the sentence narrates something that happened (past tense or a time anchor). */
  get past(): boolean {
    if (this._past === undefined) {
      // "Did you know ...?" introduces a general fact, whatever the tense.
      this._past =
        !/^\W*did you know\b/i.test(this.text) &&
        (TIME_ANCHOR.test(this.text) ||
          /\b(?:has|have|had)\s+(?:been|\w+ed)\b/i.test(this.text) ||
          this.tokens.some((t) => lexiconPast(t.word)) ||
          // Only a regular "-ed" form needs compromise's tagger to tell verb from adjective.
          (/\b\p{L}{2,}ed\b/iu.test(this.text) && this.parsed.some((t) => t.tags.has('PastTense'))));
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

  /** The sentence is a question ("Is your child due for vaccines?"): asks, does not tell. */
  get question(): boolean {
    // Questions that ask about a specific visit ("How's the new CPAP?", "Did the retainer help?") still tell.
    return (
      /\?(?:\s|\p{Extended_Pictographic}|\ufe0f|\u200d)*$/u.test(this.text) &&
      (!/^\W*(?:how(?:'s| is| are| was| did)?|did|was|were|are you (?:still|feeling|doing))\b/i.test(this.text) ||
        // "Did your kids get their flu shots yet?": an invitation to everyone, not a follow-up.
        /^\W*did (?:you|your)\b[^?]*\byet\?/i.test(this.text))
    );
  }

  /** Opens with a bare verb ("Wash your hands ...", "Pack your meds ..."): an instruction. */
  get imperative(): boolean {
    // A sentence whose first word is a determiner, possessive or pronoun does not open with a
    // bare verb, whatever compromise makes of the rest: no parse for it (tests/unit/engine checks
    // this against the parse on the corpus).
    if (NOT_VERB_OPENER.test(this.text)) return false;
    const first = this.parsed[0]?.tags;
    if (!first) return false;
    // compromise marks some imperatives only as infinitives ("Pack", "Brush").
    return first.has('Imperative') || (first.has('Infinitive') && !first.has('Noun') && !first.has('Modal'));
  }

  /** A conditional ("if you", "whether"). */
  get conditional(): boolean {
    return CONDITIONAL.test(this.text);
  }

  /** compromise's tags of the words overlapping [start, end). */
  tagsAt(start: number, end: number): Set<string> {
    const out = new Set<string>();
    for (const t of this.parsed) if (t.start < end && t.end > start) for (const tag of t.tags) out.add(tag);
    return out;
  }

  /**
   * compromise's terms with their offsets in this sentence. Offsets are rebuilt from each term's
   * pre/text/post (cheaper than .json({offset: true}), which costs more than the parse itself).
   * The document itself is not kept unless `doc` was asked for: the sentence cache holds
   * thousands of contexts on a long paste, and whole compromise documents made the collector
   * work harder as the input grew.
   */
  get parsed(): ParsedTerm[] {
    if (!this._tags) {
      const out: ParsedTerm[] = [];
      let pos = 0;
      const doc = (this._doc ?? parseTags(this.text)) as unknown as {
        document: Array<Array<{ text: string; pre: string; post: string; tags: Set<string> }>>;
      };
      for (const sentence of doc.document) {
        for (const term of sentence) {
          let start = pos + term.pre.length;
          if (this.text.slice(start, start + term.text.length) !== term.text) {
            // compromise normalized something: find the term from here on.
            const found = this.text.indexOf(term.text, pos);
            if (found < 0) continue;
            start = found;
          }
          const end = start + term.text.length;
          out.push({ start, end, tags: term.tags });
          pos = end + term.post.length;
        }
      }
      this._tags = out;
    }
    return this._tags;
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
      // Consecutive terms tagged as a person (compromise's #Person), as doc.people() groups them.
      let start = -1;
      let end = -1;
      const flush = () => {
        if (start < 0) return;
        while (end > start && !/[\p{L}.]/u.test(this.text[end - 1] ?? '')) end--;
        if (this.text[end - 1] === '.' && !/\b[A-Z]\.$/.test(this.text.slice(start, end))) end--;
        const text = this.text.slice(start, end);
        // "St. Luke's" is a place; "MS", "RN", "CCC-SLP" are credentials, not names.
        const place = /\b(?:st|saint|mt|mount)\.?\s*$/i.test(this.text.slice(Math.max(0, start - 7), start));
        if (end > start && !place && !/^[A-Z]{2,5}$/.test(text)) out.push(this.describeName(start, end));
        start = -1;
      };
      for (const t of this.parsed) {
        const person = t.tags.has('Person') && !t.tags.has('Pronoun');
        if (person && start >= 0 && /^[.\s]{0,3}$/.test(this.text.slice(end, t.start))) end = t.end;
        else {
          flush();
          if (person) {
            start = t.start;
            end = t.end;
          }
        }
      }
      flush();
      this._names = out;
    }
    return this._names;
  }

  /**
   * The names marked as a provider ("Dr. Patel"). A provider frame needs "dr" or "doctor" in the
   * sentence (see describeName), so a sentence without either skips the parse and has none.
   */
  get providerNames(): NameSpan[] {
    return this.mayNameProvider ? this.names.filter((n) => n.provider) : [];
  }

  /** "dr" or "doctor" is in the sentence: without it, providerNames is empty (checked first, no parse). */
  get mayNameProvider(): boolean {
    return /dr|doctor/i.test(this.text);
  }

  /** Builds a NameSpan with its provider/staff frame. */
  describeName(start: number, end: number): NameSpan {
    const text = this.text.slice(start, end);
    const before = this.text.slice(Math.max(0, start - 60), start);
    const after = this.text.slice(end, end + 60);
    const provider =
      PROVIDER_BEFORE.test(before) ||
      /^(?:dr|doctor)\.?\s/i.test(text) ||
      // The rest of a provider's name the tagger split off: "Dr. Fatima Al-|Rashid".
      PROVIDER_NAME_BEFORE.test(before);
    const words = text
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter(Boolean);
    const staff =
      words.some((w) => this.options.staffWords.has(w.replace(/'s$/, ''))) ||
      staffBefore(before) ||
      staffAfter(after) ||
      // The first of a list after a group: "our hygiene team, Priscilla, Omar, and Jen".
      (GROUP_BEFORE.test(before) && LIST_AFTER.test(after));
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
