/**
 * Flags naming the provider a person saw, or passing greetings between them: "Dr. Patel says hi",
 * "we'll tell Dr. Ortiz you said thanks", "your hygienist says hi" (policy: "the
 * provider they saw" is a care detail, and it confirms the relationship).
 */
import { addressesYou, type Pattern, runPatterns } from './engine/cues';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { SAFE_THANKS } from './engine/wording';

const MSG = 'Naming the provider this person saw confirms they are a patient and reveals part of their care.';

const PROVIDER =
  "(?:dr\\.?\\s+\\p{Lu}[\\p{L}'-]+|doctor\\s+\\p{Lu}[\\p{L}'-]+|(?:your|our|the) (?:doctor|dentist|hygienist|nurse|therapist|provider|surgeon|chiropractor|injector|pt|counselor|optometrist|physician|midwife|dermatologist|esthetician|aesthetician|care team))";

/** Provider-greeting patterns. */
export const PATTERNS: Pattern[] = [
  {
    re: new RegExp(
      `${PROVIDER}\\s+(?:says|said|sends|sent)\\s+(?:hi|hello|hey|thanks|their best|her best|his best|love)(?!\\s+to\\s+(?:all|every(?:one|body)|the whole|our|the (?:town|neighborhood|community))\\b)`,
      'giu',
    ),
    message: MSG,
  },
  {
    re: new RegExp(`\\b(?:let|tell|told)\\s+${PROVIDER}\\s+(?:know\\s+)?(?:that\\s+)?you\\b`, 'giu'),
    message: MSG,
  },
  {
    re: new RegExp(
      `${PROVIDER}\\s+(?:was|is|were|are)\\s+(?:so\\s+|very\\s+|really\\s+|especially\\s+)?(?:happy|glad|thrilled|touched|pleased|proud|delighted|excited|sorry)\\s+(?:to hear|to see|by|with|about|that|you)`,
      'giu',
    ),
    message: MSG,
  },
  {
    re: /\byou (?:enjoyed|loved|liked) (?:seeing|meeting|working with) (?:her|him|them|dr\.?\s+\p{Lu}[\p{L}'-]+)\b/giu,
    message: MSG,
  },
];

const rule: SentenceRule = {
  id: 'provider-seen',
  description: 'Naming the provider a person saw ("Dr. Patel says hi", "your hygienist says hi").',
  rationale: 'Which provider treated someone is part of their care record, and it confirms they were treated.',
  category: 'care-details',
  defaultSeverity: 'block',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = runPatterns(ctx, PATTERNS).map((f) => ({ ...f, suggestion: SAFE_THANKS }));
    // "Dr. Haddad sent the prescription to your pharmacy": a named provider acting for "you".
    // (The cheap checks first: ctx.past may need compromise's parse, and without "dr" or "doctor" there is no provider name.)
    if (out.length === 0 && ctx.mayNameProvider && addressesYou(ctx) && ctx.past && !ctx.conditional) {
      for (const n of ctx.providerNames) {
        const drStart =
          ctx.text.lastIndexOf('D', n.start) >= n.start - 8 ? ctx.text.lastIndexOf('D', n.start) : n.start;
        out.push({ start: Math.max(0, drStart), end: n.end, message: MSG, suggestion: SAFE_THANKS });
      }
    }
    return out;
  },
  examples: {
    flag: ['Dr. Moreno says hi and hopes the new glasses are working out!', "We'll tell Dr. Ruiz you said thanks."],
    pass: [
      // Staff news, no patient.
      'Dr. Moreno is accepting new patients this fall.',
      // Generic reassurance about the team.
      'Our doctors are happy to answer questions by phone.',
      // A greeting to the whole town in the practice's own post.
      'Dr. Alvarez says hello to everyone at the Maple Street block party!',
    ],
  },
};

export default rule;
