/**
 * Flags dates tied to a person: a birth date, a visit or exam date, a call about their account
 * ("born 3/12", "your exam was on 2/3", "following our call on 6/14"). Practice dates ("our new
 * office opens March 3") are not findings.
 */
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = "A date tied to this person's visit or birth is a HIPAA identifier.";

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Numeric (3/12, 03-12-2024) and written (March 3rd, 3 March) dates. */
export const DATE = new RegExp(
  `(?<![\\d/.-])(?:\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?(?![\\d/.-])(?!\\s?(?:weeks?|days?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|times|sessions?|visits?|am|pm|a\\.m|p\\.m|semanas?|d[ií]as|meses|a[nñ]os|horas?)\\b)|\\b${MONTH}\\.?\\s\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s\\d{4})?|\\b\\d{1,2}(?:st|nd|rd|th)?\\sof\\s${MONTH}\\b)`,
  'gi',
);
/** An age-revealing birthday or a birthday with a date ("happy 70th birthday", "birthday next Tuesday"). */
export const BIRTHDAY =
  /\b(?:happy )?\d{1,3}(?:st|nd|rd|th) birthday\b|\bbirthday (?:is |was )?(?:today|tomorrow|yesterday|next \w+|this \w+|on \w+)\b/gi;
/** Sentence cues tying the date to a person. */
export const PERSONAL =
  /\b(?:born|birthday|dob|date of birth|(?:your|his|her|their) (?:[\w-]+ )?(?:appointment|visit|exam|birthday|surgery|procedure|cleaning|checkup|call|admission|discharge|stay|delivery|due date|results?|claim|bill|statement|session|consult|consultation|follow-up|refill|order)|you were|you came|you had|you called|you contacted|before you|after you|our call|we spoke|admitted|discharged|seen on|visit on|exam (?:was|on)|surgery (?:was|on)|appointment (?:was|on))\b/i;
/** What a birthday is wished to when it is not one person's: the practice, a business, everyone. */
const NOT_A_PERSON_AFTER =
  /^\s*(?:,\s*)?to\s+(?:(?:our|the)\s+(?:[\p{L}-]+\s+){0,3}(?:[Pp]ractice|[Oo]ffice|[Cc]linic|[Ll]ocation|[Tt]eam|[Bb]usiness|[Ww]hole|[Ss]tudio|[Ss]pa|[Cc]enter|[Tt]own|[Cc]ity|[Vv]illage|[Cc]ommunity|[Ss]chool|[Ss]tore|[Ss]hop)\b|all\b|everyone|every\b|(?:\p{Lu}[\p{L}'&.-]*\s){1,4}(?:Dental|Dentistry|Orthodontics|Clinic|Cl[ií]nica|Health|Care|Medical|Pediatrics|Center|Spa|Therapy|Chiropractic|Vision|Eye|Smiles?|PT|Wellness|Hospital|Pharmacy|Associates|Group)\b)/u;
/** The business owning a birthday ("our practice's", "the clinic's"). */
const PRACTICE_OWNER = /(?:practice|office|clinic|location|team|business|spa|studio|center|centre)'s$/i;
const PRACTICE =
  /\b(?:we(?:'re| are| will be)? (?:closed|open|opening|moving)|opens|holiday|hours|office|location|event|open house|clinic day|starting|starts|through|until)\b/i;

const rule: SentenceRule = {
  id: 'personal-date',
  description: "A date tied to a person's visit, call or birth.",
  rationale: 'Dates directly related to an individual (birth, admission, visit) are HIPAA identifiers.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    // "Happy 70th birthday", "her birthday is next Tuesday": a birth date tied to a person.
    BIRTHDAY.lastIndex = 0;
    for (let m = BIRTHDAY.exec(ctx.text); m; m = BIRTHDAY.exec(ctx.text)) {
      // The practice's own birthday, or everyone's: "our 10th birthday", "Happy 5th birthday to
      // Brightside Urgent Care!", "Happy 1st birthday to all the babies turning one this month".
      if (/\bour\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 5), m.index))) continue;
      // "our practice's 5th birthday": the business's, not a person's.
      if (PRACTICE_OWNER.test(ctx.text.slice(Math.max(0, m.index - 14), m.index).trimEnd())) continue;
      if (NOT_A_PERSON_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
      // "our hygienist Lucy's birthday today": a staff member's, framed as staff (the policy exempts staff).
      const from = Math.max(0, m.index - 40);
      const head = ctx.text.slice(from, m.index).trimEnd();
      if (head.endsWith("'s")) {
        // (A backwards scan over the owner's letters: an end-anchored regex would retry from each one.)
        let k = head.length - 2;
        while (k > 0 && /[\p{L}'-]/u.test(head[k - 1]!)) k--;
        const d = /^\p{Lu}/u.test(head.slice(k)) ? ctx.describeName(from + k, from + head.length - 2) : null;
        if (d && (d.staff || d.provider)) continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, message: MSG, suggestion: 'Leave the birthday out.' });
    }
    if (!PERSONAL.test(ctx.text)) return out;
    if (PRACTICE.test(ctx.text) && !/\b(?:born|birthday|dob|your|his|her)\b/i.test(ctx.text)) return out;
    DATE.lastIndex = 0;
    for (let m = DATE.exec(ctx.text); m; m = DATE.exec(ctx.text)) {
      // "may" alone is a verb far more often than a month.
      if (/^may\s/i.test(m[0]) && !/^May\s/.test(m[0])) continue;
      // The person cue must be near the date, not anywhere in a long sentence.
      const near = ctx.text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
      if (!PERSONAL.test(near)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, message: MSG, suggestion: 'Leave the date out.' });
    }
    return out;
  },
  examples: {
    flag: [
      'Happy birthday to our little buddy, born 4/18!',
      'Your cleaning on June 3rd went long because of the delay.',
    ],
    pass: [
      // A span of weeks, not a date.
      'Book your consult 4-6 weeks before the big day.',
      // A location's first year.
      'Happy 1st birthday to our little Oak Street location!!',
      // The practice's own birthday.
      "Please join us in celebrating our practice's 5th birthday!",
      // A staff member's birthday, framed as staff.
      "It's our hygienist Lucy's birthday today!",
      // The practice's own date.
      'Our new office opens March 3 with an open house.',
      // Hours.
      'We are closed 12/25 for the holiday.',
      // The practice's own birthday.
      'Happy 5th birthday to Brightside Urgent Care! 🎂',
      // The practice's own birthday, with words between.
      'Happy 3rd birthday to our little skin studio! Three years of facials and laughs.',
      // A town's.
      'Happy 100th birthday to the Town of Cedar Falls!',
    ],
  },
};

export default rule;
