/**
 * Flags a phone number that belongs to the person ("we tried reaching you at (555) ...").
 * The practice's own numbers ("call us at ...", the profile's phone) are never findings.
 */
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = "This puts the person's phone number in public. Phone numbers are HIPAA identifiers.";

/** US-style phone numbers; the lookbehind keeps the scan linear on long digit runs. */
export const PHONE = /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)/g;
/** A local number without its area code ("555-0183"): the person's only with a personal cue before it. */
const LOCAL = /(?<![\d-])\d{3}[.-]\d{4}(?![\d-])/g;
/** Words before the number that make it the person's, not the practice's. */
export const PERSONAL_BEFORE =
  /\b(?:(?:reach|reaching|reached|call|calling|called|text|texting|texted|tried|trying|left (?:a )?(?:message|voicemail)s? for) you at|left (?:a |you a )?(?:message|voicemail|vm) (?:at|on)|your (?:cell|phone|number|mobile|home|work)(?: number)?(?: is| of)?|(?:his|her|their) (?:cell|phone|number|mobile)(?: is)?|(?:number|phone) (?:we have )?on file(?: is)?|the number you (?:gave|left|provided)|return(?:ed|ing)? your (?:call|message|voicemail)s? (?:at|to|on))\W{0,4}$/i;

const rule: SentenceRule = {
  id: 'phone-number',
  description: "The person's phone number (not the practice's).",
  rationale: 'Phone numbers are one of the 18 HIPAA identifiers; the practice profile phone is exempt.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    const full: Array<[number, number]> = [];
    const personal = (m: RegExpExecArray) => {
      const digits = m[0].replace(/\D/g, '');
      const practice = [...ctx.options.practicePhones].some((p) => p.endsWith(digits.slice(-10)));
      return !practice && PERSONAL_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 50), m.index));
    };
    const push = (m: RegExpExecArray) =>
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: MSG,
        suggestion: 'Remove the number and ask them to call the office.',
      });
    PHONE.lastIndex = 0;
    for (let m = PHONE.exec(ctx.text); m; m = PHONE.exec(ctx.text)) {
      full.push([m.index, m.index + m[0].length]);
      if (personal(m)) push(m);
    }
    LOCAL.lastIndex = 0;
    for (let m = LOCAL.exec(ctx.text); m; m = LOCAL.exec(ctx.text)) {
      const at = m.index;
      if (full.some(([a, b]) => at >= a && at < b)) continue;
      if (personal(m)) push(m);
    }
    return out;
  },
  examples: {
    flag: [
      'We left a voicemail for you at 555-201-3344 yesterday.',
      'Your cell number 555.777.1212 is on file.',
      // A local number without its area code.
      'We tried returning your call at 555-0183 yesterday afternoon.',
    ],
    pass: [
      // The practice's number.
      'Please call us at (555) 010-2000.',
      // Front desk line.
      'You can reach the front desk at 555-010-9900.',
      // A local number with no personal cue: the practice's.
      'Call 555-0183 to book.',
    ],
  },
};

export default rule;
