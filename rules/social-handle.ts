/**
 * Flags a social media handle that identifies a person ("Tagging @brianna.glows"). Handles of
 * the practice (its name or web site in the profile, "follow us @...") are exempt.
 */
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = "Tagging or naming a person's account publicly identifies them as a patient.";

/** @handles that are not part of an email address. */
export const HANDLE = /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g;
/**
 * The practice pointing readers to its own account: "follow us on IG @...", "Tag @... in your
 * stories", "Síguenos en Instagram @...", "en nuestro Instagram @...", "mensaje directo a @...".
 */
const PRACTICE_BEFORE =
  /\b(?:follow|find|tag|like|join|dm|message) us\b[^.!?]{0,20}$|\bus (?:on|at)\s*$|(?:^|[^\p{L}])(?:follow|tag|s[ií]g(?:uenos|anos|ue|a)|visit(?:a|e)?)\s(?:a\s)?(?:(?:on|en)\s(?:instagram|ig|tiktok|facebook|fb)\s)?:?\s?$|\b(?:their|its|su)\s(?:page|instagram|ig|account|handle|cuenta|p[aá]gina)\s(?:is|es)\s?:?\s?$|\b(?:our|nuestr[oa])\s(?:instagram|ig|tiktok|facebook|page|p[aá]gina|cuenta)\s?:?\s?$|\b(?:mensaje directo|dm|message)\s(?:(?:en|on)\s(?:instagram|ig|facebook)\s)?(?:a|to)\s$/iu;

/** A business or group thanked for what it did for the practice: "Thanks @x for hosting us", "for catering". */
const PARTNER_AFTER =
  /^\s(?:for|por)\s(?:(?:the|your|su|el|la)\s)?(?:hosting|having us|sponsoring|catering|donating|co-?hosting|partnering|inviting (?:us|our|dr)|welcoming us|supporting our|letting us (?:run|set up|host|hold|visit|speak|table|join|use|park)|recibirnos|invitarnos|patrocinar|donar)\b/i;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const rule: SentenceRule = {
  id: 'social-handle',
  description: "A person's social media handle.",
  rationale:
    'Handles that identify a patient are HIPAA identifiers (the policy: "URLs or handles that identify a patient").',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    HANDLE.lastIndex = 0;
    const practice = [...ctx.options.staffWords].join('') + squash(ctx.options.practiceWebsite);
    for (let m = HANDLE.exec(ctx.text); m; m = HANDLE.exec(ctx.text)) {
      const h = squash(m[0]);
      if (practice && h.length > 3 && practice.includes(h.slice(0, 6))) continue;
      if (PRACTICE_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 40), m.index))) continue;
      if (PARTNER_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: MSG,
        suggestion: 'Do not tag or name the person.',
      });
    }
    return out;
  },
  examples: {
    flag: [
      'Shout-out to @jess_runs_far for the sweet words!',
      // A person tagged in the practice's post is still a person.
      'Follow along as @kayla.smiles finishes her aligner journey!',
    ],
    pass: [
      // Another business's page, pointed to.
      "We're a med spa, not the salon next door! Their page is @velvetroomsalon.",
      // The practice's own account.
      'Follow us @maplegrovedental for tips.',
      // Readers asked to tag the practice.
      'Headed to the beach? Tag @eyecandyoptical in your sunny selfies!',
      // Readers pointed to the practice's account, in Spanish.
      '¡Síguenos en Instagram @sonrisasfelices para más consejos!',
      // A business thanked for what it did for the practice.
      'Thanks @fleetfeetdenver for co-hosting shoe-fitting night!',
      // The same for letting the practice set up at its event.
      'Thanks to @MapleGroveYMCA for letting us set up a table at Family Fun Night!',
      // An email address, not a handle.
      'Write to hello@maplegrove.com.',
    ],
  },
};

export default rule;
