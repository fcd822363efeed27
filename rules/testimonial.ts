/**
 * Flags a patient's story, name, photo or result published as marketing: "Check out Sarah's
 * smile makeover!", "Meet Renee! Down 30 lbs", before-and-after posts (policy category 6).
 */
import type { SentenceContext } from './engine/context';
import { type Pattern, runPatterns } from './engine/cues';
import { inOrgName, NAME_SOURCE } from './engine/names';
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = "This publishes a patient's story or result. That needs the patient's written authorization first.";

/**
 * Before-and-after talk that shows no patient: an illustration ("not a real patient", "AI-generated
 * illustration"), the practice's own space ("our lobby ... after the renovation"), or the policy on
 * sharing photos ("we only post before/after photos with written permission").
 */
const NO_PATIENT =
  /\b(?:not (?:a |an )?(?:real|actual) (?:patient|client|person)|illustrat(?:ion|ed)|animat(?:ion|ed)|ai-generated|renovat(?:ion|ed)|remodel(?:ed|ing)?|makeover of our|demo(?:nstration)? (?:model|patient|lash|strip)|simulation|diagrams?|explainer|infographic|step[- ]by[- ]step|how (?:it|an? [\w-]+) works|our (?:clinic|office|practice)'s|our (?:[\w-]+ ){0,2}?(?:lobby|waiting room|building|space|front desk)\b|our own (?:[\w-]+ )?(?:injector|nurse|provider|esthetician|aesthetician|hygienist|team member)\b|only (?:post|share|feature|use)s? [^.!?]{0,40}?\b(?:with|w\/?) (?:(?:written|signed) )?(?:permission|consent|authorization))/i;

const personish = (ctx: SentenceContext) =>
  /\b(?:your|her|his|their|one of our|our (?:patient|client)|client|patient|swipe|photos?|pics?|pictures?|results?)\b/i.test(
    ctx.text,
  ) && !NO_PATIENT.test(ctx.text);

/** What a carousel shows when it shows no patient: the team, tips, what a treatment is designed to do. */
const SWIPE_NOT_A_PATIENT =
  /\bswipe\b\W{0,6}(?:\w+ ){0,3}?(?:our (?:[\w-]+ )?(?:team|staff|nurses|crew|providers|office|lobby|party)|pics of our|\d+ (?:[\w-]+ )?(?:tips|hacks|myths|facts|steps|ways|reasons|signs|things|questions)|what (?:[\w-]+ ){1,6}?(?:is designed to|is meant to|can do|does))\b/i;

/** Patterns of a testimonial. */
export const PATTERNS: Pattern[] = [
  { re: /\bbefore\s*(?:and|&|\/|n|-|\u27a1\ufe0f?|\u2192|->|>|to)?\s*after\b/gi, message: MSG, when: personish },
  {
    // ("Staff Member of the Month" is an employee award.)
    re: /\b(?:success story|patient of the (?:month|week|year)|client of the (?:month|week|year)|(?<!(?:staff|team|employee) )member of the month)(?! (?:drawing|raffle|giveaway|contest|sweepstakes)\b)|\b(?:#?transformation ?(?:tuesday|thursday|friday)|#\w*(?:transformation|beforeandafter|results)\w*)\b/gi,
    message: MSG,
    when: (ctx) => !NO_PATIENT.test(ctx.text),
  },
  {
    re: /\bthrowback to (?:this|that|her|his|our|a) (?:[\w'-]+ ){0,3}?(?:case|smile|transformation|patient|client|results?)\b/gi,
    message: MSG,
  },
  { re: /\b(?:this|that|these) (?:[\w'-]+ ){0,3}?case (?:from|we did|we treated)\b/gi, message: MSG },
  {
    re: /\b(?:feature|share|post|showcase|show off) (?:your|her|his|their) (?:[\w'-]+ ){0,3}?(?:photos?|pictures?|pics|story|results?|transformation|smile|journey)\b/gi,
    message: MSG,
  },
  { re: /\b(?:down|lost|dropped) \d+ ?(?:lbs?|pounds|kg|inches|sizes)\b/gi, message: MSG },
  {
    re: /\b(?:client|patient|(?<!(?:staff|team|employee) )member|family) (?:spotlight|of the (?:month|week|year))\b(?! (?:drawing|raffle|giveaway|contest|sweepstakes)\b)|\bwall of fame\b|\b(?:reposting|sharing|resharing) (?:\p{Lu}[\p{L}'-]+'s|her|his|their|this) (?:story|post|review|photo|video|journey)\b|\bsaid (?:it best|in (?:her|his|their) review)\b/giu,
    message: MSG,
  },
  {
    re: /\b(?:results?|work|treatment|procedure|session|transformation|makeover) (?:on|for|from) (?:a|one of our|our|this|that) (?:[\w'-]+ ){0,2}?(?:clients?|patients?|regulars?|guests?|members?|friends?)\b/gi,
    message: MSG,
  },
  {
    re: /\bon (?:one of our|a|this|our) (?:[\w'-]+ ){0,2}?(?:clients?|patients?|regulars?|guests?)\b/gi,
    message: MSG,
    when: (ctx) => ctx.terms.length > 0,
  },
  {
    re: /\bswipe\b/gi,
    message: MSG,
    // (Not a carousel of the team or of tips: "Swipe to see our nurses as the Scooby-Doo gang",
    // "Swipe for 5 planner hacks".)
    when: (ctx) =>
      (ctx.terms.length > 0 || /\b(?:results?|before|after)\b/i.test(ctx.text)) &&
      !NO_PATIENT.test(ctx.text) &&
      !SWIPE_NOT_A_PATIENT.test(ctx.text),
  },
  { re: /\bbaby #?\d\b/gi, message: MSG, when: (ctx) => ctx.terms.length > 0 },
  {
    // (Not to the staff or a school: "Felicidades a nuestra enfermera Karla", "a la Escuela Lincoln";
    // nor to everyone who does something: "Felicidades a todos los que terminan este mes".)
    re: /\b(?:felicidades|felicitaciones) a\b(?! (?:(?:nuestr[ao]s?|la|el|los|las) (?:[\p{L}]+ )?(?:enfermer|doctor|dra?\b|equipo|personal|recepcionista|higienista|asistente|gerente|colega|compa\u00f1er|terapeuta|m\u00e9dic|dentista|coordinador|quiropr|fisioterapeut|optometr|psic[oó]log|odont[oó]log|esteticista|cosmet[oó]log|estilista)|la escuela|el equipo|los equipos|tod[ao]s? (?:el|la|los|las|nuestr[ao]s?) (?:equipo|personal|escuela)|tod[ao]s(?: l[ao]s)? (?:que|quienes)\b|quienes\b))/giu,
    message: MSG,
    when: (ctx) => /\bsu\b/i.test(ctx.text),
  },
  {
    re: /\b(?:one of our (?:(?:favou?rite|amazing|wonderful|sweetest|bravest|awesome|group|newest|star|youngest|oldest|regular) )?|our (?:favou?rite|amazing|wonderful|sweetest|bravest|awesome|star|youngest|oldest) )(?:clients?|patients?|members?|friends?|regulars)\b/gi,
    message: MSG,
    when: (ctx) => ctx.past || ctx.terms.length > 0 || /\b(?:celebrat|congrat|proud|after|today)/i.test(ctx.text),
  },
  {
    re: /\b(?:celebrating|congrats to|congratulations to|shout ?-?out to|kudos to|hats off to) (?:our (?:buddy|friend|patient|client|member|little)|one of our|this (?:brave|amazing|sweet))\b(?! (?:appreciation|raffle|drawing|giveaway|contest)\b)/gi,
    message: MSG,
  },
  {
    re: /\b(?:marked|marking|celebrat\w*|hit|hitting|reached|reaching) (?:\w+ ){0,2}?(?:years?|months?|days?) (?:of )?(?:sobriety|sober|clean|cancer[- ]free|seizure[- ]free|smoke[- ]free)\b/gi,
    message: MSG,
  },
];

/** Name frames: "Meet Renee", "Congrats to Linda", "Check out Marcus's new smile", "Little Mia". */
export const NAME_FRAMES = new RegExp(
  `(?:\\b(?:[Mm]eet|[Cc]ongrats(?: to)?|[Cc]ongratulations(?: to)?|[Ss]hout ?-?out to|[Kk]udos to|[Hh]ats off to|[Hh]appy birthday(?: to)?|[Cc]elebrating|[Ss]o proud of|[Cc]heck out|[Ll]ook at|[Ss]ay hi to|[Ww]elcome|[Hh]appy (?:[\\w-]+ ){1,3}to|[Aa]sked|[Ss]o fun having|[Oo]ur (?:buddy|friend|little|patient|client)|[Ll]ittle|[Bb]aby)\\s(?:(?:our|[Cc]oach|[Mm]iss|[Ll]ittle|young|sweet|brave|\\d+-year-old)\\s){0,3})(${NAME_SOURCE})`,
  'gu',
);
/** A staff appositive or credential after the name: ", our newest diabetes educator", ", PsyD", ", OTR/L". */
const STAFF_APPOSITIVE =
  /^,\s?(?:\d{1,3},\s)?(?:our|the practice's|the clinic's)\s(?:[\p{L}-]+\s){0,4}?(?:educator|greeter|volunteer|facilitator|intern|scribe|doula|navigator|instructor|coach|lead|ma|lmt|ota|cota|slp|pta|rbt|bcba)s?\b/iu;
/** A credential after the name (two capitals or more, case-sensitive): ", PsyD", ", OTR/L", ", LPC". */
const CREDENTIAL_AFTER_NAME = /^,\s?(?=[\p{L}/-]{0,7}\p{Lu}[\p{L}/-]{0,7}\p{Lu})[\p{L}/-]{2,8}(?![\p{L}])/u;
/** Staff roles that frame a name ("our PT Bianca", "Nurse Tami", "our coach Rosa"). */
const ROLES =
  '(?:nurse|nurses|dr|doctor|hygienist|therapist|pt|pta|ot|ota|cota|slp|ma|rn|lpn|np|pa|cna|lmt|rbt|bcba|staff|team|coach|midwife|assistant|receptionist|esthetician|aesthetician|injector|technician|tech|manager|coordinator|counselor|dietitian|pharmacist|optician|optometrist|educator|facilitator|scribe|doula)';
/** The "name" opens with a staff role: "our PT Bianca Moreno", "our Staff Star of the Month". */
// (Not "Coach Ellis" alone: a sports coach may well be a patient.)
const ROLE_WORD = new RegExp(`^(?!coach$)${ROLES}$`, 'i');
/** The capitalized word names a group of staff: "our PrEP team", "our Fairlane nurses". */
// (Or a place of the practice: "Happy 6th anniversary to our Eastgate dialysis center".)
const GROUP_AFTER =
  /^\s(?:team|staff|crew|nurses|doctors|providers|department|office|(?:[a-z-]+\s)?(?:center|centre|clinic|location|campus|unit|branch))\b/i;
/** A role's week or day: "Happy Nurses Week to Tonya", "Happy Nurse Practitioner Week to Kelly". */
const ROLE_WEEK = new RegExp(`^[Hh]appy (?:[\\w-]+ ){0,2}?${ROLES}s?(?:'s?)? (?:[\\w-]+ )?(?:week|day|month)\\b`, 'i');
/** A staff role between "our" and the name: "Congratulations to our PT Bianca", "our coach Rosa". */
const OUR_BEFORE_NAME = new RegExp(
  `\\bour\\s(?!(?:friend|buddy|patient|client|neighbor)\\b)(?:[\\p{L}-]+\\s){0,2}?${ROLES}\\s$`,
  'iu',
);

/** "Marcus's new smile", "Linda's results". */
export const POSSESSIVE_RESULT =
  /\b(\p{Lu}[\p{L}-]+)'s (?:new |amazing |beautiful |gorgeous |incredible |stunning |fresh |brand[- ]new )*(?:smile|look|results?|transformation|teeth|skin|glasses|nose|body|journey|progress|makeover|glow)\b/gu;

function nameFindings(ctx: SentenceContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const re of [NAME_FRAMES, POSSESSIVE_RESULT]) {
    re.lastIndex = 0;
    for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
      const name = m[1]!;
      const start = m.index + m[0].lastIndexOf(name);
      const end = start + name.length;
      const desc = ctx.describeName(start, end);
      if (desc.staff || desc.provider) continue;
      const first = name.split(/\s+/)[0]!.toLowerCase();
      if (/^(?:dr|doctor|our|the|team|everyone|all)$/.test(first)) continue;
      // Staff framed as staff: a role word or credential next to the name, a group of staff.
      const after = ctx.text.slice(end, end + 60);
      if (
        ROLE_WORD.test(first) ||
        ROLE_WEEK.test(m[0]) ||
        GROUP_AFTER.test(after) ||
        STAFF_APPOSITIVE.test(after) ||
        CREDENTIAL_AFTER_NAME.test(after) ||
        OUR_BEFORE_NAME.test(ctx.text.slice(m.index, start))
      )
        continue;
      // "Shoutout to Sunrise Elementary", "Happy anniversary to ClearTone Audiology": a business or school.
      if (inOrgName(ctx.text, start, end)) continue;
      // A name, not a place or an organization: compromise reads a person, or at least a proper
      // noun that is not a place, organization or date (the frame itself is strong).
      const tags = ctx.tagsAt(start, end);
      const properNoun = tags.has('ProperNoun') && !tags.has('Place') && !tags.has('Organization') && !tags.has('Date');
      if (!ctx.isPersonName(start, end) && !properNoun) continue;
      // "Little Mia" yes, "the Little League" no: after Little/Baby the name must read as a person.
      if (/^(?:little|baby)\s/i.test(m[0]) && !ctx.isPersonName(start, end)) continue;
      out.push({ start: m.index, end, message: MSG });
    }
  }
  return out;
}

const rule: SentenceRule = {
  id: 'testimonial',
  description: "A patient's story, name, photo or result published as a testimonial.",
  rationale:
    "Publishing a patient's name, photo or before-and-after result is a disclosure that needs written HIPAA authorization.",
  category: 'testimonial-without-authorization',
  defaultSeverity: 'block',
  scope: 'sentence',
  check: (ctx) => [...runPatterns(ctx, PATTERNS), ...nameFindings(ctx)],
  examples: {
    flag: [
      "Check out Priya's brand new smile!",
      'Meet Gerald, who can finally hike again.',
      'Before and after: her skin after our peel series!',
      'Huge congrats to one of our group members on two years of sobriety.',
    ],
    pass: [
      // A volunteer introduced in a spotlight.
      'Volunteer spotlight! 🌻 Meet Harold, who has given every Wednesday to our reading program.',
      // A new hire's first day in her role.
      'Congrats to Kylie on her first day as a dental assistant!',
      // A carousel of tips, not of a patient.
      'Swipe for 5 planner hacks our ADHD coaches swear by!',
      // A role's week: the names it greets are the staff it celebrates.
      'Happy Nurses Week to Tonya, whose 25 years of experience make her the nurse we all want.',
      // The next sentence says she is staff (read over the whole reply).
      "Meet Renee! She's been our front desk coordinator since we opened.",
      // A location of the practice, not a person.
      'Happy 6th anniversary to our Eastgate dialysis center!',
      // A monthly prize drawing for everyone who books, not a patient featured.
      'Our Client of the Month drawing is back! Everyone who books in May is entered.',
      // Everyone who finishes, nobody in particular.
      '¡Felicidades a todos los que terminan este mes! Ustedes pueden.',
      // The post says the patient's written authorization covers it (engine/whole-post.ts).
      "Shared with Denise's written permission: Denise's smile makeover, eight veneers in two visits!",
      // A staff member's milestone, framed as staff.
      'Congratulations to Maria, our lead hygienist, on ten years with us!',
      // A provider's news.
      'Meet our newest provider, Dr. Lee, who joins us in May.',
      // Service description, no person.
      'Ask us about smile makeovers and whitening.',
      // Staff framed by a role before the name.
      'Congratulations to our PT Bianca Moreno on finishing the Boston Marathon!',
      // Staff framed by an appositive after the name.
      'Meet Priya, our newest certified diabetes educator!',
      // A credential after the name.
      'Please welcome Tom Wheeler, LPC, to our team!',
      // An employee award.
      'Staff Member of the Month: Gloria at the front desk!',
      // An illustration, not a patient.
      'Before and after (illustration only, not a real patient): how aligners move teeth.',
      // The practice's own space.
      'Swipe to see our lobby before and after the renovation!',
      // A demonstration, not a patient.
      'Swipe to see what one syringe of lip filler can look like on our demo model. Results vary.',
      // A school thanked, not a patient.
      'Shoutout to Sunrise Elementary for letting us do ear safety talks with the 4th graders!',
      // A staff member congratulated in Spanish.
      'Felicidades a la enfermera Rocío por su premio de este año.',
      // A staff member introduced by a role after the name.
      'Meet Jolene, one of our companion caregivers! She has been with us six years.',
    ],
  },
};

export default rule;
