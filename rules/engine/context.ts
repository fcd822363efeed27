/**
 * What a rule sees: one normalized sentence with lazily computed parse features (compromise
 * parse, people, tense, generic-statement cues), or the whole reply for reply-scope rules.
 */
import nlp from 'compromise';
import type { ReplyContext } from '../types';
import type { ResolvedOptions } from './options';
import { type Doc, parseTags } from './parse';
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

/**
 * Roles a person holds at the practice (not a team, a desk or a place). Besides "our", these
 * frame a name after "my", "the" or a provider's possessive ("my practice manager, Renee", "the
 * clinic manager, Omar", "Dr. Osei's assistant, Maribel") and as a title right before it
 * ("Nurse Ruth", "office manager Bea", "NP Luis Ortega"). Explicit professions only: a bare
 * "-ist" suffix would take "wrist" or "list" for a role.
 */
export const PERSON_ROLE =
  /\b(?:managers?|leads?|coordinators?|hygienists?|assistants?|specialists?|administrators?|officers?|directors?|doctors?|dentists?|physicians?|surgeons?|nurses?|therapists?|chiropractors?|optometrists?|opticians?|receptionists?|injectors?|aestheticians?|estheticians?|providers?|counselors?|clinicians?|owner|founder|biller|scheduler|technicians?|techs?|pharmacists?|midwife|dietitians?|nutritionists?|trainers?|supervisors?|liaison|advocate|concierge|practitioners?|aides?|volunteers?|chaplains?|navigators?|interpreters?|translators?|(?:social|case) workers?|chefs?|custodians?|greeters?|doulas?|scribes?|secretary|educators?|consultants?|interns?|hires?|employees?|spokesperson|representatives?|np|pa|pa-c|rn|lpn|lvn|cna|ota|cota|pta|rbt|bcba|slp|crna|dpt|[a-z]*(?:ologist|iatrist|odontist|therapist|hygienist|pharmacist|optometrist|physician|technician|clinician|pediatrician|obstetrician|phlebotomist|anesthetist)s?)\b/i;

/** Staff role nouns that frame a name after "our" ("our billing specialist, Ron"), teams included. */
export const STAFF_ROLE = new RegExp(
  `\\b(?:${PERSON_ROLE.source.slice(5, -3)}|team|staff|crew|office|practice|clinic|front desk|hygiene|billing|lead|host|partner|associate|president|ceo|pts?|ma|[a-z]+(?:ist|ian|ologist)s?)\\b`,
  'i',
);

/**
 * Spanish staff roles ("nuestra encargada de cobros, Yesenia", "la gerente, Pilar"). The text is
 * normalized, so accents are already folded ("tecnica", "nutriologa").
 */
export const ES_ROLE =
  /\b(?:gerentes?|encargad[ao]s?|director(?:a|es|as)?|coordinador(?:a|es|as)?|administrador(?:a|es|as)?|enfermer[ao]s?|asistentes?|auxiliar(?:es)?|medic[oa]s?|doctor(?:a|es|as)?|terapeutas?|consejer[ao]s?|parteras?|tecnic[oa]s?|defensor(?:a|es|as)?|cirujan[oa]s?|promotor(?:a|es|as)?|fundador(?:a|es|as)?|duen[ao]s?|vocer[oa]s?|supervisor(?:a|es|as)?|trabajador(?:a)? social|capellan|voluntari[ao]s?|interpretes?|navegador(?:a)?|pediatras?|psiquiatras?|president[ae]s?|[a-z]{3,}(?:ista|olog[ao])s?)\b/i;

/** A title between a role and the name: "our chaplain, Rev. Tobias", "nuestra gerente, la Sra. Delgado". */
const TITLE =
  '(?:(?:the|la|el)\\s)?(?:(?:mr|mrs|ms|miss|mx|rev|pastor|sr|sra|srta|lic|licda|licdo|dr|dra|ing|mtra|mtro|don|dona)\\.?\\s?)?';
const PERSON = PERSON_ROLE.source.slice(2, -2);
/**
 * PERSON as a title right before a name, without "officer" ("Officer Grant" is the police) and
 * "leads" (a verb: "Dr. Lee leads Maria through ...").
 */
const PERSON_TITLE = PERSON.replace('officers?|', '').replace('leads?|', '');
const ES = ES_ROLE.source.slice(2, -2);

/**
 * A staff frame right before a name. "our office manager, " (any role or team); "my", "the" or
 * "Dr. Lee's" with a person's role; Spanish determiners with a Spanish role; a role as a title
 * ("Nurse Ruth", "enfermera Itzel"); a provider's title ("Dra. Huang"); "welcome to the team, ".
 * Words after the role need a comma before the name: "the nurse called Maria" is no frame.
 */
export const STAFF_BEFORE = new RegExp(
  [
    `\\bour\\s(?:[\\p{L}-]+\\s){0,3}?${STAFF_ROLE.source}(?:\\s[\\p{L}-]+){0,2}?[,:]?\\s?(?:is\\s)?${TITLE}$`,
    `\\b(?:my|the|one of our|(?:dr|dra|doctor)\\.?\\s[\\p{L}-]+'s)\\s(?:[\\p{L}-]+\\s){0,3}?\\b(?:${PERSON})\\b(?:(?:\\s[\\p{L}-]+){0,3}?[,:]\\s?${TITLE}|\\s(?:is\\s)?)$`,
    `\\b(?:nuestr[ao]s?|la|el|los|las|su|sus|mi|mis|un|una|un[ao] de nuestr[ao]s)\\s(?:[\\p{L}-]+\\s){0,3}?\\b(?:${ES}|${PERSON}|equipo|personal)\\b(?:(?:\\s[\\p{L}-]+){0,4}?[,:]\\s?${TITLE}|(?:\\s[\\p{L}-]+)?\\s(?:es\\s)?)$`,
    `(?:^|[^\\p{L}'-])(?:${PERSON_TITLE}|${ES})\\s$`,
    `\\b(?:dr|drs|dra|dras|doctor|doctora)\\.?\\s$`,
    // "our very own Fatima", "our own Dr. Lee".
    `\\bour\\s(?:very\\s)?own\\s(?:dr\\.?\\s)?$`,
    `\\b(?:welcome\\s(?:to\\s(?:the|our)\\s(?:[\\p{L}-]+\\s){0,2}?(?:team|staff|crew)|aboard)|bienvenid[ao]s?\\s(?:al|a nuestro)\\s(?:[\\p{L}-]+\\s){0,2}?(?:equipo|personal))[,!]?\\s${TITLE}$`,
  ].join('|'),
  'iu',
);
/** A list of names right after a staff frame: "our front desk team: Gina, Tom and Lupe", "our team: Dr. Shah, Brooke". */
export const STAFF_LIST_BEFORE = new RegExp(
  `(?:^|[^\\p{L}'-])(?:${PERSON_TITLE})\\s(?:\\p{Lu}[\\p{L}'-]+(?:,\\s?|\\s(?:and|&|y)\\s)){1,4}$|` +
    `\\b(?:our|nuestr[ao]s?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:${STAFF_ROLE.source}|\\b(?:${ES}|equipo|personal)\\b)(?:\\s[\\p{L}-]+){0,2}?[\\s,:-]{1,3}(?:(?:(?:dr|dra)\\.?\\s)?\\p{Lu}[\\p{L}'-]+(?:,\\s?|\\s(?:and|&|y)\\s)){1,5}$`,
  'iu',
);

/** A name whose first word is a role used as a title ("Nurse Keisha", "Enfermera Itzel"). */
export const ROLE_TITLED = new RegExp(`^(?:${PERSON_TITLE}|${ES})\\s`, 'iu');

/** Between a name and its frame: a comma or "is", optionally after a surname ("Maria Lopez, our ..."). */
const LEAD = `(?:,?\\s?(?:(?:is|es)\\s)?|\\s[\\p{L}'.-]+(?:,\\s?(?:(?:is|es)\\s)?|\\s(?:is|es)\\s))`;

/**
 * A staff frame right after a name: ", our office manager", ", nuestra nueva nutriologa", ", gerente
 * de la clinica", " in our billing office", ", PA-C", " 👋 She's our new office manager".
 */
export const STAFF_AFTER = new RegExp(
  [
    `^${LEAD}(?:our|the practice's|the clinic's|one of our)\\s(?:[\\p{L}-]+\\s){0,3}?${STAFF_ROLE.source}`,
    `^${LEAD}my\\s(?:[\\p{L}-]+\\s){0,3}?\\b(?:${PERSON})\\b`,
    `^${LEAD}(?:nuestr[ao]s?|un[ao] de nuestr[ao]s)\\s(?:[\\p{L}-]+\\s){0,3}?\\b(?:${ES}|equipo|personal)\\b`,
    // A bare role in apposition ("Lorena, gerente." "Omar, clinic manager"), not "Maria, nurse Jo will call".
    `^,\\s(?:[\\p{L}-]+\\s)?\\b(?:${PERSON}|${ES})\\b(?:\\s[\\p{L}-]+)?(?=\\s?[,.!;:(-]|\\s*$|\\s(?:of|at|for|in|with|de|del|en|con)\\b)`,
    // "Rosa runs our referral office", "Gloria and the rest of our front desk team".
    `^\\s(?:runs|manages|leads|heads|oversees|coordinates|dirige|coordina|maneja)\\s(?:our|the|nuestr[ao]s?|la|el)\\s`,
    `^,?\\s(?:and|y)\\s(?:the rest of|el resto de)\\s(?:our|the|nuestr[ao]s?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:${STAFF_ROLE.source}|\\b(?:${ES}|equipo|personal)\\b)`,
    `^,?\\s(?:in|from|on|with|en|de)\\s(?:our\\s|the\\s|la\\s|el\\s)?(?:[\\p{L}-]+\\s){0,2}?(?:department|dept|billing|intake|scheduling|records|referrals|reception|recepcion|front desk|front office|business office|billing office|referral office|records office)\\b`,
    `^,?\\s(?:to|a|al)\\s(?:the\\s|our\\s|nuestro\\s)?(?:[\\p{L}-]+\\s)?(?:team|staff|equipo)\\b`,
    `^(?:[\\s!.,:;-]|\\p{Extended_Pictographic}|\\ufe0f|\\u200d){1,8}(?:she|he|they)(?:'s|\\sis|\\sare|\\swas)\\s(?:our|the practice's)\\s(?:[\\p{L}-]+\\s){0,3}?\\b(?:${PERSON})\\b`,
    // Credentials: "Jordan Liu, PA-C", "Mariana Castillo, M.S., CCC-SLP" (not "do", "ma", "pt").
    `^${LEAD}(?:md|m\\.d\\.|dds|dmd|rn|bsn|msn|fnp(?:-c)?|aprn|np-c|pa-c|lpn|lvn|cna|lcsw|lmft|lpc|phd|psyd|msw|m\\.s\\.|ccc-slp|dpt|otr(?:\\/l)?|cota|pta|crna|rdh|aud|rdn|cnm|pharmd|bcba|rbt|ibclc|dnp)(?=[,.;:!)]|\\s*$|\\s+[^\\p{L}\\p{N}\\s])`,
  ].join('|'),
  'iu',
);

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
    this._terms ??= findTerms(this.tokens, this.options.extraTerms);
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
      /\b(?:dr|dra|doctor|doctora|drs|dras)\.?\s*$/i.test(before) || /^(?:dr|dra|doctor|doctora)\.?\s/i.test(text);
    const words = text
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter(Boolean);
    const staff =
      words.some((w) => this.options.staffWords.has(w.replace(/'s$/, ''))) ||
      // "our office manager, Dana" / "our coordinator Keisha" / "ask for Marisol"
      STAFF_BEFORE.test(before) ||
      STAFF_LIST_BEFORE.test(before) ||
      /\bask for\s{0,2}$/i.test(before) ||
      // A role as the name's title: "Nurse Keisha", "Hygienist Ren", "NP Luis Ortega".
      ROLE_TITLED.test(text) ||
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
