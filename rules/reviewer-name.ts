/**
 * Flags a person's name used to address the reader ("Hi Maria", "Thanks, Mr. Delgado!",
 * "Kevin, we ...", "So proud of you, Marcus!"): a name in a public reply is an identifier and
 * confirms who the patient is. The reviewer's first name is allowed when the setting says so.
 */
import nlp from 'compromise';
import type { SentenceContext } from './engine/context';
import { HONORIFIC, inOrgName, isPlaceName, NAME_SOURCE, NOT_NAMES, PLACE_SUFFIX, TITLE_ALONE } from './engine/names';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { TITLE_WORD } from './engine/staff';
import { SAFE_GREETING } from './engine/wording';
import { STREET } from './street-address';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
/** A word compromise's lexicon does not list as a common word (or lists as a name). */
const unknownWord = (w: string) => {
  const tags = lexicon[w.toLowerCase().split(/\s+/)[0] ?? ''];
  return tags === undefined || /Name|Person/.test(Array.isArray(tags) ? tags.join(' ') : tags);
};

/** A group noun right after a capitalized word: the word names a place or club, not a person. */
const GROUP_AFTER =
  /^\s(?:neighbors|neighbours|community|families|residents|parents|moms|dads|fans|vecinos|vecinas|familias|comunidad)\b/i;

/** A suite or unit right before a name ("Suite 300, Carlton"): the name is the address's town. */
const SUITE_BEFORE = /\b(?:suite|ste|unit|apt|floor|fl)(?:\.\s?|\s)#?[\w-]+,\s?$/i;

/** The name at `start` is the town of a street address ("410 Grant Avenue, Millbrook"). */
function afterAddress(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (SUITE_BEFORE.test(before)) return true;
  STREET.lastIndex = 0;
  for (let m = STREET.exec(before); m; m = STREET.exec(before))
    if (/^\d/.test(m[0]) && /^,\s?$/.test(before.slice(m.index + m[0].length))) return true;
  return false;
}

const MSG = "Using the person's name in a public reply identifies them and ties them to the practice.";

/** Greeting at the start of a sentence: "Hi Maria", "Thank you so much, Eleanor". Case-sensitive
 * on purpose ('i' would let \p{Lu} match any letter), so greeting words list both cases. */
export const GREETING = new RegExp(
  `^[¡¿"'\\s]*(?:(?:[Aa]ww+|[Oo]h|[Oo]mg|[Ww]ow|[Yy]ay|[Aa]y)\\W{0,3}\\s)?(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Hh]iya|[Hh]owdy|[Gg]ood (?:morning|afternoon|evening)|[Tt]hanks(?: so much| again)?|[Tt]hank you(?: so much| again| kindly)?|[Cc]ongrats|[Cc]ongratulations|[Ww]elcome(?: back)?|[Aa]ww+|[Ww]ow|[Yy]ay|[Hh]ooray|[Hh]appy birthday|(?:[Mm]uchas |[Mm]il )?[Gg]racias|[Hh]ola|[Bb]uen(?:os|as) (?:d[ií]as|tardes|noches)|[Ff]elicidades|[Ff]eliz cumplea[nñ]os|[Qq]uerid[oa]|[Ee]stimad[oa]|[Bb]ienvenid[oa])\\s?,?\\s(${NAME_SOURCE})`,
  'u',
);
/** A name opening the sentence followed by a comma: "Kevin, we re-sent ...". */
export const OPENING = new RegExp(`^(${NAME_SOURCE})(?:,|\\s-)\\s(?!and\\b|or\\b|\\p{Lu})`, 'u');
/** A name between commas mid-sentence: "Happy birthday next Tuesday, Jim, from all of us". */
export const MIDDLE = new RegExp(`,\\s?(${NAME_SOURCE}),\\s`, 'gu');
/** A name closing the sentence after a comma: "So proud of you, Marcus!". */
export const CLOSING = new RegExp(`,\\s?(${NAME_SOURCE})[!.?\\s\\p{Extended_Pictographic}\\u200d\\ufe0f]*$`, 'u');

/** A valediction before the writer's own name ("Con cariño, Rosa", "Warm regards, Dana"): a signature. */
const VALEDICTION =
  /^\W*(?:con cari[nñ]o|atentamente|sinceramente|cordialmente|un abrazo|bendiciones|warmly|sincerely|respectfully|gratefully|(?:warm |kind |best )?regards|with gratitude|yours truly)\s?,\s?$/i;

function candidate(ctx: SentenceContext, m: RegExpExecArray | null, loose: boolean): RuleFinding | null {
  if (!m?.[1]) return null;
  const name = m[1].replace(/[.!?]+$/, (p) => (/\s\p{Lu}\.$/u.test(m[1]!) ? p : ''));
  const start = m.index + m[0].indexOf(m[1]);
  const end = start + name.length;
  const first = name.replace(HONORIFIC, '').split(/\s+/)[0]!.toLowerCase();
  if (NOT_NAMES.has(first) || /^[A-Z]{2,5}$/.test(name)) return null;
  // "Coach Ramirez", "Padre Tomás", "Nurse Keisha": a person addressed by a role, not as a patient.
  if (TITLE_WORD.test(first)) return null;
  // "Con cariño, Rosa": the writer signing off.
  if (VALEDICTION.test(ctx.text.slice(0, start))) return null;
  // "Thanks, Pastor!": a title alone names nobody ("Reverend and Mrs. Okoro" still names a couple).
  if (TITLE_ALONE.has(first) && !/\s/.test(name) && !/^\s*(?:and|&)\s/i.test(ctx.text.slice(end))) return null;
  // "Welcome to the neighborhood, Sharma Family Dental!", "Thank you, Willow Creek Foot Care":
  // a business or school, not a person.
  if (inOrgName(ctx.text, start, end)) return null;
  // "7700 Ridgeview Parkway, Suite 300, Carlton.": the town of an address.
  if (afterAddress(ctx.text, start)) return null;
  // "Hi Oak Hollow!", "¡Hola Valle Verde!": a neighborhood greeted as a community.
  if (isPlaceName(name)) return null;
  // "Thanks Greenway neighbors!", "Gracias, Eastlake familias": a place naming a group of people.
  if (GROUP_AFTER.test(ctx.text.slice(end, end + 20))) return null;
  const desc = ctx.describeName(start, end);
  if (desc.staff || desc.provider) return null;
  const honorific = HONORIFIC.test(name);
  const person = honorific || ctx.isPersonName(start, end);
  if (!person) {
    // After "Hi"/"Dear" an unknown capitalized word is still most likely a name, unless a place.
    const tags = ctx.tagsAt(start, end);
    if (!loose || tags.has('Place') || tags.has('Organization') || !tags.has('ProperNoun')) return null;
    // Town and neighborhood names ("Harborview", "Brookfield") thanked as a community.
    if (PLACE_SUFFIX.test(first)) return null;
  }
  const o = ctx.options;
  if (o.allowReviewerFirstName && !honorific && !/\s/.test(name)) {
    if (!o.reviewerFirstName || o.reviewerFirstName === first) return null;
  }
  return { start, end, message: MSG, suggestion: SAFE_GREETING };
}

const rule: SentenceRule = {
  id: 'reviewer-name',
  description: 'A name used to greet or address the person ("Hi Maria", "Thanks, Mr. Delgado!").',
  rationale: 'Names are HIPAA identifiers; the policy warns on "Hi Maria, ..." (a name other than staff).',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    // After a greeting or thanks, an unknown capitalized word is most likely a name ("Thank you, Priya!").
    const greeting =
      /^\W*(?:(?:aww+|oh|omg|wow|yay|ay)\W{0,3}\s)?(?:hi|hello|hey|dear|hiya|howdy|good|thanks|thank|congrats|congratulations|welcome|aww|gracias|muchas|mil|hola|buen|felicidades|feliz|querid|estimad|bienvenid)/i.test(
        ctx.text,
      );
    const g = candidate(ctx, GREETING.exec(ctx.text), greeting);
    if (g) out.push(g);
    // "Jasmine, you look amazing": a capitalized word the lexicon does not know, addressed directly.
    const om = OPENING.exec(ctx.text);
    const vocative =
      !!om &&
      /^(?:,|\s-)\s(?:you|we|thank|thanks|your|so|i|hope|just|happy|congrat)/i.test(ctx.text.slice(om[1]!.length)) &&
      unknownWord(om[1]!);
    const o = candidate(ctx, om, vocative);
    if (o) out.push(o);
    const c = candidate(ctx, CLOSING.exec(ctx.text), greeting);
    if (c) out.push(c);
    MIDDLE.lastIndex = 0;
    for (let m = MIDDLE.exec(ctx.text); m; m = MIDDLE.exec(ctx.text)) {
      const f = candidate(ctx, m, false);
      if (f) out.push(f);
    }
    return out;
  },
  examples: {
    flag: [
      'Hello Rebecca, thank you for the lovely words!',
      'Thanks so much, Mrs. Okafor!',
      'We appreciate you, Jonathan!',
      // An interjection before the thanks.
      'Aww thank you Brittany!! We love hearing this!',
      // The same greeting in Spanish.
      '¡Gracias Lupita! Nos da mucho gusto leer esto.',
      // The next sentence is about the practice's people, not about who the name is.
      'Thanks, Maria! Our hygienists loved reading this.',
    ],
    pass: [
      // A list of names closed by their role.
      'A huge thank you to Mandy, Rachel, Colleen and Priya, our hygienists, for everything they do.',
      // The practice's volunteers, listed after their role.
      'Thank you to volunteers Kevin, Roberta, and the Key Club!',
      // A host thanked for hosting the practice's event.
      'Thank you Pastor Jim for hosting our flu clinic at Grace Fellowship!',
      // A colleague back from leave.
      'Welcome back from maternity leave, Jess! The whole team missed you.',
      // The staff a team is left with.
      'She will be missed! Our hygiene team is still in great hands with Angie and Luis.',
      // The practice's groundskeeper.
      'So glad the garden made you smile! Our groundskeeper, Luis, will be thrilled.',
      // A sponsor thanked by its name.
      'Thank you Greenleaf Grocery for sponsoring our diabetes education night!',
      // An employer thanked by its name (occupational health).
      'Thanks for the feedback, Brightline Logistics.',
      // A chaplain named with his title after his role.
      'Our chaplain, Rev. Alan, is happy to arrange a visit.',
      // A studio thanked by its name.
      'Thanks for the shoutout, Harbor Yoga!',
      // A credential as the role before the name.
      'Meet our new PMHNP, Jordan Reyes! Jordan loves hiking and bad puns.',
      // The town at the end of the practice's mailing address.
      'Please write to our privacy officer at 410 Grant Avenue, Suite 2, Millbrook.',
      // The writer signing off after a valediction.
      'Gracias por escribirnos. Con cariño, Rosa',
      // The writer signing off by name and role.
      'I am sorry about the phone line. Call back and ask for me, Marisol, the office manager.',
      // A staff member described with two roles.
      'Happy retirement to our longtime hygienist and friend, Cheryl!',
      // A role held for years, then the name.
      'We are saddened to share the passing of our founding hygienist of 30 years, Doris Hill.',
      // A Spanish club and a county thanked by name.
      '¡Gracias Club de Corredores de Edinburg!',
      // A county, not a person.
      'Thank you Porter County! See everyone at the fair.',
      // A team photo's caption: the practice's titled people open the list.
      'Team photo day! Back row: Dr. Walsh, Dr. Kapoor, Tina, Jessie.',
      // A plural role, then the staff it names.
      'Happy Hygiene Month to our incredible RDHs, Kelly, Simone and Abby!',
      // The platform greeted, not a person.
      'Hi Nextdoor friends, the new lights on our sign now shut off at 10 p.m.',
      // A business thanked by its name.
      'Thank you, Bramble Toys, for donating 200 stuffed animals!',
      // A post celebrating a role's week: the names it greets are the staff celebrated.
      'Happy Nurses Week to Pam, Amy and Rhonda! Bring them a donut if you see them.',
      // The next sentence says what she does here, in a celebration of her.
      'Happy birthday, Rosa! 🎂 Our front desk coordinator has been the first voice on our phones for six years.',
      // A place, not a person.
      'Thanks, Boston!',
      // A neighborhood naming its residents.
      'Thanks Greenway neighbors for the warm welcome!',
      // A role's spotlight frames the name as staff, so the thanks later in the post greets her too.
      'Hygienist spotlight: Kendra has been with us 12 years! Happy anniversary, Kendra!',
      // Staff member in a staff frame.
      'Please call Dana, our office manager, with any questions.',
      // Generic greeting.
      'Hi there, thanks for the review!',
      // Staff introduced in Spanish apposition.
      'Si tiene dudas de cobros, llame a nuestra encargada de facturación, Yesenia, al (555) 010-2000.',
      // A practice title: a staff member, not a patient.
      'Welcome to the team, Nurse Keisha!',
      // A staff member framed once, addressed again later in the reply.
      'Meet Doris, 78, our volunteer greeter. Doris, you are our hero!',
      // A list of names after a group of the practice.
      'A huge shout-out goes to our hygiene team, Priscilla, Omar, and Jen, for 40 years with the practice.',
      // A title alone names nobody.
      'Thanks, Pastor! We love partnering with your church on the backpack drive.',
      // A business, not a person.
      'Welcome to the neighborhood, Sharma Family Dental!',
      // A neighborhood greeted in a post.
      'Hi Maple Heights! Our new location opens Monday.',
      // The same in Spanish.
      '¡Hola Valle Verde! Hoy abrimos hasta las 8.',
      // A business thanked in Spanish.
      '¡Gracias, Panadería La Estrella, por el pan dulce!',
      // A school thanked in Spanish.
      'Gracias Escuela Lincoln por recibirnos en la feria de salud.',
      // The next sentence says who she is: staff (Spanish drops the pronoun).
      '¡Bienvenida, Ximena! Es nuestra nueva esteticista y ya recibe citas para faciales.',
      // The same with the pronoun, after an emoji.
      "Happy birthday, Alana! 🎂 She's our favorite PTA.",
      // A practice whose name runs past three capitalized words.
      'Thank you, Willow Creek Foot Care team, for the warm welcome at the chamber mixer!',
      // A doctor's assistant in Spanish ("su asistente").
      'Puede llamar al (555) 010-7447 y su asistente, Marta, le da una cita.',
      // A role in apposition followed by what it is about.
      'Por favor llame a la Sra. Delfina Ortiz, gerente de la clínica, al (555) 010-2727.',
    ],
  },
};

export default rule;
