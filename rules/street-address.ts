/**
 * Flags a street address tied to a person ("we'll mail it to your house on Cedar Lane", "the
 * grandma from Maple Ave"). The practice's own address ("our new office at 1200 Harbor Blvd") is
 * not a finding.
 */
import { namesBusiness } from './engine/names';
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = 'This reveals where a patient lives. Street addresses are HIPAA identifiers.';

/** A street name with its suffix, optionally numbered ("12 Birch Street", "Maple Ave"). */
export const STREET =
  /(?<![\p{L}\d])(?:\d{1,6}\s+)?(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|Place|Pl|Circle|Cir|Terrace|Parkway|Pkwy|Highway|Hwy|Trail|Square)\b\.?/gu;
/** Words before the street that tie it to a person. */
export const PERSONAL_BEFORE =
  /\b(?:(?:your|his|her|their) (?:place|home|house|address|apartment|apt|door|street|building|condo)(?: on| at| in| over on)?|(?:to|at) your|(?:who lives|lives|living|moved) (?:on|at|over on)|(?:lady|gentleman|guy|man|woman|grandma|grandpa|granny|family|kid|boy|girl|couple|neighbor|patient|client|mom|dad) (?:from|on|over on))\W{0,3}$/i;

/**
 * Contact details beside the address ("3100 Ridgeview Blvd · Tel: (555) 015-8800 · summitpt.example"):
 * a signature block, or an invitation to call, which gives the practice's own address. A bare
 * phone number is not enough: a post that leaks someone's address often leaks their phone too.
 */
const CONTACT =
  /(?:\b(?:phone|tel|fax)\.?:?\s|\b(?:call|text|ll[aá]m(?:e|enos|anos))(?: us| now| today| at| al){0,3}:?\s)\(?\d{3}\)?[\s.-]\d{3}-\d{4}\b|\b[\w.+-]{1,64}@[\w-]{1,63}\.\w|\bwww\.|\b[\w-]{1,63}\.(?:com|org|net|health|care|example)\b|\s[·|]\s/i;
/** What may follow the street on a line that is only an address (unit, town, state, ZIP): a signature. */
const ADDRESS_LINE =
  /^[\s,.#·|–-]{0,6}(?:(?:[Uu]nit|[Ss]uite|[Ss]te|[Ff]loor|[Ff]l|[Bb]ldg|[Bb]uilding)\.?\s?#?[\w-]{1,8}[\s,.]{0,4})?(?:\p{Lu}[\p{L}'-]{0,30}[\s,.]{0,4}){0,3}(?:\b[A-Z]{2}\b[\s,.]{0,4})?(?:\d{5}(?:-\d{4})?)?[\s.]{0,4}$/u;

/** Signs that a numbered address is the practice's own (where it is, where to apply or drop things off). */
const PRACTICE =
  /\b(?:our|office|clinic|location|suite|ste|located|visit us|find us|open|opens|opening|reopened|moved|moving|address is|parking|building|campus|practice|hiring|apply|resum[eé]s?|drop (?:it |them |yours |one )?off|memorial gifts?|donations? (?:can|may) be|drop-?offs?|attn|still at|we'?re at|we are at|stop by|come by|oficina|cl[ií]nica|contratando|curr[ií]culum|aplique|en persona|ubicad[oa]s?|estamos en|nos mudamos|pase a|venga al?|vis[ií]tenos)\b/i;

const rule: SentenceRule = {
  id: 'street-address',
  description: "A patient's street address or street (not the practice's).",
  rationale: 'Street addresses are HIPAA identifiers; the practice address is exempt.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    STREET.lastIndex = 0;
    for (let m = STREET.exec(ctx.text); m; m = STREET.exec(ctx.text)) {
      if (ctx.options.practiceAddress?.includes(m[0].toLowerCase().replace(/\.$/, ''))) continue;
      const before = ctx.text.slice(Math.max(0, m.index - 40), m.index);
      // A house number with no sign that it is the practice ("our office at", "Suite 200") is a home.
      // ("a 2024 Best Place to Work": a year before a title, not a house number.)
      const numbered =
        /^\d/.test(m[0]) &&
        !PRACTICE.test(ctx.text) &&
        !CONTACT.test(ctx.text) &&
        !namesBusiness(ctx.text) &&
        !(/^[\s·|–-]*$/.test(ctx.text.slice(0, m.index)) && ADDRESS_LINE.test(ctx.text.slice(m.index + m[0].length))) &&
        !(/^(?:19|20)\d\d\s/.test(m[0]) && /\b(?:a|an|the|our|in|since)\s$/i.test(before));
      if (!PERSONAL_BEFORE.test(before) && !numbered) continue;
      out.push({ start: m.index, end: m.index + m[0].length, message: MSG });
    }
    return out;
  },
  examples: {
    flag: [
      'We will mail the brace to your home on Cedar Lane.',
      'Say hi to the sweet couple from Oak Street!',
      // A bare phone number beside a house number: someone's contact details, not a signature.
      'Someone posted (555) 014-7731 and 19 Larch Ct. as her contact info.',
    ],
    pass: [
      // A year before an award's title, not a house number.
      "We're honored to be named a 2024 Best Place to Work.",
      // The practice's own location.
      'Our new office opens at 1200 Harbor Blvd next month.',
      // Directions.
      'Parking is available behind the building on Main Street.',
      // Mail for the practice, to its own address.
      'Drop letters at the front desk or mail them to 800 Oak Park Blvd, Attn: Activities Team.',
      // Where to apply: the practice's own door.
      "We're hiring! Drop off a resume at 410 Birch Ave.",
      // A signature's address line, with the practice's phone beside it.
      'The Quiet Pines team · 1207 Birchwood Pkwy · (555) 018-7740',
      // A signature's address line alone: unit and town, no one's home.
      '1207 Birchwood Pkwy, Unit C, Alder Falls',
      // An invitation to call gives the practice's own door.
      'New hours start Monday, so call (555) 014-2290 before heading to 77 Larch Rd.',
      // "We're at": where the practice is.
      "Wrong office, I think! We're at 77 Larch Rd, past the pharmacy.",
      // A business named beside the address: its own door.
      'Free sports physicals this Saturday. Larkspur Family Medicine, 88 Quarry Rd.',
    ],
  },
};

export default rule;
