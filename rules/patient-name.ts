/**
 * Flags a person's name (per compromise) that appears with a patient's care or visit: "Tom came
 * to us with sciatica", "with Harold's pneumonia". Staff in the profile, "Dana, our office
 * manager" frames and providers ("Dr. Patel") are never flagged here.
 */
import nlp from 'compromise';
import type { SentenceContext } from './engine/context';
import { inOrgName, ORG_WORD } from './engine/names';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { PROVIDER_BEFORE, staffAfter, staffBefore } from './engine/staff';
import { CLINICAL_KINDS, type Token } from './engine/terms';

const MSG = "A patient's name next to their care or visit identifies them publicly.";

const VISIT_VERBS =
  /\b(?:came (?:to us|in|by)|comes in|visited|was (?:seen|in|here|treated)|walked in|stopped by|started (?:with|seeing)|finished|completed|graduated|is (?:back|healing|recovering|doing)|has been coming|got (?:her|his|their)|went from|in (?:today|this morning|this afternoon|yesterday)|stopped in|showed up|checked in|was (?:admitted|discharged|brought in)|presented\b(?=[^.!?]*\b(?:at|to) (?:one of )?our (?:clinics?|offices?|hospitals?|locations?|practice|facilit(?:y|ies)|centers?|ER|emergency)))\b/i;

/** Words that make a preceding name part of a place, school or team name. */
const PLACE_AFTER =
  /^\s+(?:high|elementary|middle|academy|college|university|school|park|street|st|avenue|ave|road|rd|county|counties|hospital|library|church|methodist|baptist|lutheran|catholic|presbyterian|episcopal|memorial|stadium|field|center|centre|boulevard|blvd|vision|dental|medical|health|healthcare|care|insurance|plans?|clinics?|offices?|locations?|campus|branch|team|fertility|recovery|counseling|hospice|hearing|eye|eyecare|pharmacy|foundation|group|associates|family dental)\b/i;

/** Words that make "the Lions" an organization. */
const ORG_AFTER = /^'?\s+(?:club|foundation|association|society|league|team|chapter|lodge|organization|group)\b/i;

/** A family named by its surname. */
export const FAMILY = /\bthe \p{Lu}[\p{L}'-]+(?: family| household| twins| kids|s\b)/gu;
const FAMILY_CONTEXT = /\b(?:patients?|clients?|welcome|congrat\w*|baby|newest)\b/i;

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const NAME_TAG = /Name|Person|Honorific/;

/**
 * True when a capitalized word other than a known non-name word opens the door to a name (the
 * cheap gate before compromise's parse; tests/unit/engine/gates.test.ts holds it to the parse).
 */
export function mayHaveName(ctx: SentenceContext): boolean {
  return ctx.tokens.some((t) => nameCandidate(ctx, t));
}

/** True when the capitalized word `t` may be a patient's name (see mayHaveName). */
export function nameCandidate(ctx: SentenceContext, t: Token): boolean {
  const raw = ctx.text.slice(t.start, t.end);
  if (!/^\p{Lu}/u.test(raw) || raw === 'I' || /^[A-Z]{2,5}$/.test(raw)) return false;
  // A holiday: "Valentine's Day", "Mother's Day".
  if (/^\p{Lu}\p{L}*'s\s+Day\b/u.test(ctx.text.slice(t.start, t.start + 30))) return false;
  if (!lexicalCandidate(ctx, t)) return false;
  // Providers ("Dr. Patel") and staff frames ("our office manager, Dana") never need the parse.
  // Checked last: the frames are the costly part and most capitalized words fail the lexicon first.
  const before = ctx.text.slice(Math.max(0, t.start - 60), t.start);
  if (PROVIDER_BEFORE.test(before) || /^(?:dr|doctor|drs)$/i.test(raw)) return false;
  return !(staffBefore(before) || staffAfter(ctx.text.slice(t.end, t.end + 60)));
}

/** What the lexicon and the word's place say about a capitalized word (see nameCandidate). */
function lexicalCandidate(ctx: SentenceContext, t: Token): boolean {
  const tags = lexicon[t.word.replace(/'s$/, '')];
  const opening = t.start === 0 || /[.!?]\s*$/.test(ctx.text.slice(0, t.start));
  if (tags === undefined) {
    if (!opening) return true;
    // An unknown word opening the sentence is a name to compromise only as the first of several
    // capitalized words ("Jaxon Mae came in", "Okafor Jr."); alone it is not ("Extractions can be
    // scary", "Hx of migraines", "Pregunte a su médico").
    return /^[\s.]{0,3}\p{Lu}/u.test(ctx.text.slice(t.end, t.end + 4));
  }
  const tagList = Array.isArray(tags) ? tags.join(' ') : tags;
  if (NAME_TAG.test(tagList)) return true;
  // A weekday is never a name; a month (or "May") in a date is not one either ("in May", "June 3rd").
  // ("the Tuesday twins" is left to the parse: a family's name frame.)
  const dated = !/\bthe\s+$/i.test(ctx.text.slice(Math.max(0, t.start - 5), t.start));
  if (dated && tagList === 'WeekDay') return false;
  if (dated && (tagList === 'Month' || t.word === 'may') && inDate(ctx.text, t.start, t.end)) return false;
  // A known common word mid-sentence with a capital is still worth a look ("Hope").
  return !opening;
}

/** The word at [start, end) is part of a date: after "in", "on", "since"... or before a day number. */
function inDate(text: string, start: number, end: number): boolean {
  return (
    /\b(?:in|on|since|until|till|by|this|next|last|early|late|mid|of|before|after|during|through|from)\s+$/i.test(
      text.slice(Math.max(0, start - 10), start),
    ) || /^\s+\d/.test(text.slice(end, end + 3))
  );
}

/** Month names: "April is Oral Cancer Awareness Month", "Julio es Mes de Prevención". */
const MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)$/i;

/**
 * What the tagger calls a name but a person's name never looks like: a lower-case word (Spanish
 * words the English lexicon knows as names: "dan", "días", "clara"), a run joined by an article or
 * "de" ("Mes de la Concientización", "Biblioteca Pública de Montebello"), or a month in a sentence about
 * a month. ("Andrea y Raúl" stays: a list of people.)
 */
export function notAPersonName(name: string, sentence: string): boolean {
  if (!/^(?:\p{Lu}|(?:don|doña|señora?|sra?|srta)\.?\s)/u.test(name)) return true;
  if (/\s(?:de|del|la|las|los|el|al)(?:\s|$)/u.test(name)) return true;
  return MONTH.test(name) && /\b(?:month|mes)\b/i.test(sentence);
}

function patientFrame(ctx: SentenceContext): boolean {
  // "Hope Ava liked her sticker": a feeling about a named person's visit.
  if (/^\W*(?:hope|glad|so glad|so happy|happy to hear)\b/i.test(ctx.text)) return true;
  if (ctx.terms.some((t) => CLINICAL_KINDS.has(t.kind) || t.kind === 'visit' || t.kind === 'body')) return true;
  return VISIT_VERBS.test(ctx.text);
}

const rule: SentenceRule = {
  id: 'patient-name',
  description: "A person's name in a sentence about care or a visit (not staff, not a provider).",
  rationale: 'Names are HIPAA identifiers; with a care detail they disclose who was treated for what.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    // Cheap gate before asking compromise for names: some capitalized word that could be a name.
    if (!mayHaveName(ctx) || !(patientFrame(ctx) || FAMILY_CONTEXT.test(ctx.text))) return [];
    const out: RuleFinding[] = [];
    // "the Johnson family, our newest patients", "Baby #2 for the Hendersons".
    FAMILY.lastIndex = 0;
    for (let m = FAMILY.exec(ctx.text); m; m = FAMILY.exec(ctx.text)) {
      // "the Lions Club", "the Rotarians' drive": an organization, not a family; "the Texas Medical
      // Board", "the Children's Hospital", "the ABCDEs": part of a longer proper name or an acronym.
      const next = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      // "the Sisters of St. Joseph", "the Knights of Columbus": an order or club.
      if (ORG_AFTER.test(next) || /^(?:'s)?\s\p{Lu}|^'s\b|^\sof\s\p{Lu}/u.test(next) || /\p{Lu}{2}/u.test(m[0]))
        continue;
      out.push({ start: m.index, end: m.index + m[0].length, message: MSG });
    }
    for (const n of ctx.names) {
      if (n.staff || n.provider || notAPersonName(n.text, ctx.text)) continue;
      // "Lincoln High", "Roosevelt Elementary", "Jackson Park": a name inside a place or team name.
      if (PLACE_AFTER.test(ctx.text.slice(n.end, n.end + 20))) continue;
      // "Willow Creek Foot Care offers...", "En Clínica del Dolor Pinecrest...": a practice's own name.
      if (inOrgName(ctx.text, n.start, n.end)) continue;
      // "San Lorenzo", "Santa Inés": a town named for a saint, of which the tagger saw only the saint.
      if (/(?:^|\s)(?:San|Santa|Santo)\s$/u.test(ctx.text.slice(Math.max(0, n.start - 7), n.start))) continue;
      // "Marina Blvd", "Grace Fellowship", "Lincoln Elementary Fun Run": the tagger's name ends in
      // (or runs through) a street, business or school word.
      if (
        n.text
          .split(/\s+/)
          .slice(1)
          .some((w) => ORG_WORD.test(w))
      )
        continue;
      // A name right after "Dr." handled above; bare role words like "Coach" stay part of the name.
      out.push({ start: n.start, end: n.end, message: MSG });
    }
    return out;
  },
  examples: {
    flag: [
      'Wendy came to us after months of migraines.',
      'We were all so worried about Gregory and his asthma.',
      // A statement about a named person at the practice's clinic (HHS fined a health system for one).
      'Statement on Lena Voss: Lena Voss presented a forged card at one of our clinics.',
    ],
    pass: [
      // A midwife by her title.
      'Her patients are being seen by Midwife Rae this month.',
      // A provider clients book with.
      'Everyone who had standing appointments with Rachel will get a call from us this week.',
      // A colleague who passed her certification.
      'Team lunch because Brooke finally passed her local anesthesia certification!',
      // A staff member back from her training.
      'Kayla came back from her Allergan training with so many new ideas.',
      // A role's week greets the staff member it celebrates.
      'Happy Nurses Week to Tonya, whose sharp eyes make her the nurse we all want.',
      // A guest speaker, named with her part in the event.
      "We're thrilled to welcome Judge Harriet Cole as a guest speaker at our Skin Health Night.",
      // Clinicians introduced with their credentials.
      'We welcome three new clinicians to our counseling team: Lauren Pierce, LMFT; Darnell Hayes, LCSW.',
      // An order of nuns and two counties, not people.
      'Thank you to the Sisters of Charity and to Adams and Brown counties for funding our vaccine van.',
      // A capitalized Spanish verb opening a tip, not a name.
      'Alergias de primavera: Cierra las ventanas y lava la ropa al llegar a casa.',
      // A holiday named after a person.
      "Happy Valentine's Day from the ortho crew! Chewy candy hearts are braces enemies.",
      // A church lending its lot.
      'Please use the church lot across the street, Grace Methodist kindly said yes.',
      // A credential as the role: "our RT", "our MA".
      'Spotlight: our RT Marisa has fitted more CPAP masks than anyone we know!',
      // Staff framed after an emoji: the office's therapy dog.
      'Rocco 🐶 our therapy dog had a big day in the lobby!',
      // Trainees are the practice's people too.
      'Welcome to our nursing student Kaylee, shadowing Dr. Pratt this semester!',
      // A staff member in a staff frame, with a visit word nearby.
      'Please ask for Keisha, our scheduler, to move an appointment.',
      // A provider.
      'Dr. Alvarez performs every root canal herself.',
      // A name inside a school's name: nobody's visit.
      'Good luck to the Jefferson High swim team at the regional finals this weekend!',
      // A clinic location, not a person.
      'Our Katy clinic also has two therapists who specialize in stuttering.',
      // A Spanish awareness month the English tagger reads as a name.
      'Durante el Mes de la Concientización sobre el Cáncer de Mama, las mamografías tienen descuento.',
      // A role word before the name: staff.
      'Join our free Breastfeeding Basics class with lactation consultant Noor Haddad.',
      // A street, not a person.
      'Correspondence about any patient matter can be sent to 410 Marina Blvd, Suite 200.',
      // The practice's own name, longer than the tagger's name run.
      'Willow Creek Foot Care treats bunions, hammertoes and ingrown nails.',
      // A Spanish practice name opened by its business word.
      'Óptica Visión Clara ofrece exámenes de la vista los sábados.',
      // A church, not a person.
      'We love partnering with Grace Fellowship on the back-to-school backpack drive for patients.',
      // A role acronym before the name: staff.
      'Shoutout to our SLP Tomás Alvarez, who just gave a talk on stuttering at the state conference.',
    ],
  },
};

export default rule;
