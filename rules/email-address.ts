/**
 * Flags an email address that belongs to the person ("we re-sent it to kevin.o@example.com").
 * The practice's addresses ("email hello@...", the profile's email or web site domain) are exempt.
 */
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = "This puts the person's email address in public. Email addresses are HIPAA identifiers.";

/** Email addresses; the lookbehind pins the start so long runs do not backtrack. */
export const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){0,5}\.[A-Za-z]{2,}(?![\w-])/g;
/** Words before the address that make it the person's. */
export const PERSONAL_BEFORE =
  /\b(?:your (?:email|e-mail|inbox|address)(?: address)?(?: is| of| at)?|(?:his|her|their) (?:email|e-mail)(?: is)?|(?:sent|re-?sent|emailed|mailed|forwarded|shared|resent) (?:[\w'-]+ ){0,6}?to|you at|on file(?: as| is)?)\W{0,4}$/i;
const PRACTICE_BEFORE =
  /\b(?:email|e-mail|contact|reach|write to|message|us at|at)\s{0,2}(?:us\s{0,2})?(?:at\s{0,2})?$/i;
/** Role mailboxes of a business: never a patient's address. */
export const ROLE_LOCAL =
  /^(?:hello|hi|info|office|feedback|jobs|careers|hr|billing|care|contact|support|admin|frontdesk|front\.desk|appointments?|team|reception|marketing|privacy|compliance|noreply|no-reply|scheduling|schedule|records|referrals|patients|clientcare|reviews|help|questions|media|press|pharmacy|nurse|nurses|insurance|payments|accounts|events|sponsorship|sponsorships|partnerships|donations|volunteer|volunteers|community|news|newsletter)$/i;
/** Consumer mail domains (and the reserved example domains used in drafts). */
export const CONSUMER_DOMAIN =
  /^(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|aol|icloud|me|mac|proton|protonmail|comcast|att|verizon|example)\./i;

const rule: SentenceRule = {
  id: 'email-address',
  description: "The person's email address (not the practice's).",
  rationale: 'Email addresses are HIPAA identifiers; the practice profile email and domain are exempt.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(ctx.text); m; m = EMAIL.exec(ctx.text)) {
      const addr = m[0].toLowerCase();
      const domain = addr.split('@')[1] ?? '';
      const o = ctx.options;
      if (o.practiceEmails.has(addr) || o.practiceWebsite?.includes(domain)) continue;
      const local = addr.split('@')[0] ?? '';
      if (ROLE_LOCAL.test(local)) continue;
      const before = ctx.text.slice(Math.max(0, m.index - 80), m.index);
      const personalFrame = PERSONAL_BEFORE.test(before);
      const practiceFrame = PRACTICE_BEFORE.test(before);
      // "first.last@gmail.com" or "jsmith77@...": shaped like a person's address.
      const personShaped = CONSUMER_DOMAIN.test(domain) || /[a-z][._][a-z]|[a-z]\d{2,}$/.test(local);
      if (!(personalFrame || (personShaped && (!practiceFrame || /\byour\b/i.test(before))))) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: MSG,
        suggestion: 'Remove the address; contact the person privately.',
      });
    }
    return out;
  },
  examples: {
    flag: [
      'We emailed the forms to lena.park@example.com this morning.',
      'Your email jsmith77@example.net is on file.',
    ],
    pass: [
      // The practice's address.
      'Email us at hello@brightsmiles.com with any questions.',
      // Careers address.
      'Send your résumé to jobs@brightsmiles.com.',
    ],
  },
};

export default rule;
