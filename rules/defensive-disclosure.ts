/**
 * Flags rebuttals that argue from the patient's record: "our records show", "you were a no-show",
 * "you declined the X-rays", "your balance is outstanding", "you were discharged" (policy category 4).
 */
import { type Pattern, runPatterns } from './engine/cues';
import type { SentenceRule } from './engine/rule';
import { SAFE_PRIVATE } from './engine/wording';

const MSG = "This answers the complaint with facts from the person's record, which discloses their care.";

const notConditional = (ctx: { text: string }, m: RegExpExecArray) =>
  !/\b(?:if|whether|when|anyone who|everyone who)\b[^.!?]*$/i.test(ctx.text.slice(0, m.index));

/** Patterns of a record-based rebuttal. */
export const PATTERNS: Pattern[] = [
  {
    re: /\b(?:our|the|your) (?:[\w-]+ ){0,2}?(?:records?|charts?|notes?|files?|system|logs?|schedule|visit notes?|documentation|billing records|history|account) (?:shows?|indicates?|documents?|reflects?|confirms?|says|states|notes)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:according to|per|based on) (?:our|your|the) (?:records?|charts?|notes?|files?|system|account)\b/gi,
    message: MSG,
  },
  { re: /\bfor the record\b/gi, message: MSG },
  {
    // Ending the relationship, stated as a fact: "I ended our sessions", "we discontinued your care".
    re: /\b(?:i|we) (?:ended|terminated|discontinued|stopped|closed|paused|suspended) (?:our|your|the|his|her) (?:sessions?|treatment|care|therapy|work together|relationship|account|appointments?)\b/gi,
    message: MSG,
  },
  {
    // The reviewer described in the third person: "the patient arrived intoxicated", "was asked to leave".
    re: /\b(?:the|this|that) (?:patient|client|reviewer|individual|person|gentleman|lady|customer)\b(?! who (?:says|said|claims|claimed|wrote|thinks|posted)\b)[^.!?]{0,30}?\b(?:arrived|came in|showed up|left|was (?:asked|escorted|told|discharged|dismissed|seen|treated)|were (?:asked|escorted|told)|refused|declined|became)\b|\b(?:was|were) (?:asked|told) to leave\b/gi,
    message: MSG,
    // ("Your rep was asked to leave because vendors may not approach anyone": a vendor, not a patient.)
    when: (ctx) =>
      !/\b(?:rep|reps|representatives?|vendors?|sales ?(?:person|people|rep)|solicitors?|contractors?|couriers?)\b/i.test(
        ctx.text,
      ),
  },
  {
    re: /\byou (?:never |didn't |did not |didnt )?(?:picked up|answered|returned (?:our|any) calls?|brought(?! the house down\b)|raised your voice|yelled|were asked to leave|showed up (?:late|early|without|an hour)|were scheduled|checked in at|said you were)\b|\b(?:but|and|then) (?:cancel(?:l)?ed|missed|declined|never showed|no-showed)\b(?=[^.!?]{0,40}\b(?:times?|twice|appointments?|visits?)\b)|\b(?:you're|youre|your|you are) the one who\b|\bwe have (?:the|your) (?:signed |recorded )?(?:form|voicemail|recording|signature|consent|agreement|receipt)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:the|your) (?:account|balance|bill)\b[^.!?]{0,40}\b(?:outstanding|overdue|past due|unpaid|collections)\b|\bthe charge stands\b|\bwe (?:left|sent|mailed|emailed|gave) you (?:[\w-]+ ){0,2}?(?:voicemails?|messages?|letters?|reminders?|notices?|warnings?|texts?)\b|\b(?:the|your) account was (?:closed|suspended|terminated)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:this|that) (?:person|individual|patient|client)\b[^.!?]{0,20}\b(?:cancel(?:l)?ed|missed|no-showed|never|refused|declined|was|were)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:segun|de acuerdo con) (?:nuestros|sus) (?:registros|archivos|expedientes)\b|\busted (?:llego|se fue|no vino|no se presento|cancelo|falto|rechazo|firmo)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:our|the) (?:physician|doctor|provider|dentist|surgeon|nurse|team|staff|hygienist|therapist|clinician)s? (?:reviewed|re-?examined|examined|checked|looked at|went over|re-?evaluated) (?:your|his|her)\b|\bdr\.? [\p{L}'-]+ (?:reviewed|examined|checked|looked at|went over) (?:your|his|her)\b|\bstands? by (?:the|our|his|her) (?:diagnosis|decision|treatment|recommendation)\b/giu,
    message: MSG,
  },
  {
    re: /\b(?:the reviewer|this reviewer|she|he|they) (?:left out|neglected to mention|failed to mention|forgot to mention|didn't mention|did not mention|conveniently)\b|\b(?:she|he|they|the reviewer) (?:was|were) (?:intoxicated|drunk|high|under the influence|aggressive|abusive|yelling|screaming|rude)\b/gi,
    message: MSG,
  },
  {
    re: /\bwe (?:only )?(?:prescribed|ordered|performed|billed|charged|recommended|referred)\b[^.!?]{0,40}?\b(?:you|your)\b|\bmedically necessary for (?:you|your)\b/gi,
    message: MSG,
    when: (ctx, m) => !/\b(?:if|would|will|can)\b[^.!?]{0,20}$/i.test(ctx.text.slice(0, m.index)),
  },
  {
    // "we did explain the risks to you", "we told you twice": what was said at the visit.
    re: /\bwe (?:did |clearly |already |had |have )?(?:explain(?:ed)?|told|informed|warned|advised|discussed|went over|reviewed|gave|showed)\b[^.!?]{0,50}?\b(?:to you|with you|you)\b/gi,
    message: MSG,
    when: (ctx, m) =>
      !/\b(?:would|will|can|could|happy to|glad to|love to|if)\b[^.!?]{0,20}$/i.test(ctx.text.slice(0, m.index)) &&
      !/^we (?:explain|discuss|review)\b/i.test(m[0]),
  },
  {
    re: /\b(?:the|this) (?:patient|client|individual|reviewer|person) in question\b|\b(?:long |documented )?history of (?:missed|cancel(?:l)?ed|no-?shows?|late|non-?compliance|not following|unpaid)\b/gi,
    message: MSG,
  },
  {
    // The same rebuttal about the reviewer in the third person.
    re: /\b(?:she|he|they|the reviewer|this (?:patient|client|person|reviewer)) (?:came in|arrived|showed up|checked in)\b[^.!?]{0,25}?\b(?:late|early|without (?:an appointment|insurance|her|his|their))\b|\b(?:she|he|they|the reviewer) (?:never (?:showed up|came|paid|returned|followed)|cancel(?:l)?ed|missed|declined|refused|no-showed|failed to)\b/gi,
    message: MSG,
  },
  {
    re: /\bwe (?:looked|checked|reviewed|pulled|went back|double-checked|looked back)\b[^.!?]{0,30}?\b(?:schedule|records?|chart|notes?|file|account|billing|history|footage|logs?|calendar)\b/gi,
    message: MSG,
  },
  { re: /\bwe checked with (?:billing|the doctor|our billing|the front desk|our \w+ team)\b/gi, message: MSG },
  {
    re: /\byou (?:never|did not|didn't|did)\s+(?:even\s+)?(?:show(?:ed)? up|come in|came in|return(?:ed)?|follow(?:ed)?|pay|paid|call(?:ed)? back|respond(?:ed)?|take|took)\b/gi,
    message: MSG,
    when: notConditional,
  },
  {
    re: /\byou (?:cancel(?:l)?ed|missed|declined|refused|skipped|signed(?! up)|agreed|arrived|ignored|no-showed|failed to|chose not to|decided not to|opted (?:out|not)|went to|left (?:before|without)|stopped (?:taking|coming)|were (?:clearly |already |also )?(?:told|given|informed|advised|warned|offered|sent|late|rude|dismissed|discharged|charged|billed|quoted|a no-show|seen (?:by|on|at))|had (?:already )?(?:been (?:told|given|informed|warned)|signed|agreed|missed|cancel(?:l)?ed))\b/gi,
    message: MSG,
    when: notConditional,
  },
  {
    re: /\b(?:you|your \w+) (?:were|was|have been|has been) (?:dismissed|discharged|terminated|removed) from\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:we|i) (?:had to |have to |were forced to )?(?:dismiss|dismissed|discharge|discharged|terminate|terminated) (?:you|your|him|her|them)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:you|your (?:account|balance|bill))\b[^.!?]{0,40}\b(?:outstanding|overdue|past due|unpaid|in collections|went to collections|sent to collections)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:did not|didn't|never) (?:ignore|rush|dismiss|mistreat|overcharge|misdiagnose|refuse) you\b/gi,
    message: MSG,
  },
  { re: /\bconsidering (?:we|that we|our)\b/gi, message: MSG, when: (ctx) => /\byou\b/i.test(ctx.text) },
  {
    re: /\bwe (?:moved|rearranged|bent over backwards|went out of our way|stayed late)\b[^.!?]{0,40}\byou\b/gi,
    message: MSG,
  },
  {
    re: /\bas (?:explained|stated|discussed|noted|documented|outlined) (?:in|on|during) (?:the|our|your)\b/gi,
    message: MSG,
  },
  {
    re: /\bagainst (?:our|medical|the doctor's|dr\.? \w+'s) (?:\w+ )?(?:advice|instructions|recommendations?|orders)\b/gi,
    message: MSG,
  },
  { re: /\bthe (?:visit|clinical|progress|chart) note\b/gi, message: MSG },
  { re: /\bthis review (?:is|isn't|is not) (?:accurate|true|honest|fair)\b[^.!?]{0,10}\byou\b/gi, message: MSG },
];

const rule: SentenceRule = {
  id: 'defensive-disclosure',
  description: "Rebutting a complaint with what the person's records say (no-shows, refusals, balances, dismissals).",
  rationale:
    'Even a true rebuttal discloses PHI: the seed and the policy say never to defend against a complaint with health or billing details.',
  category: 'defensive-disclosure',
  defaultSeverity: 'block',
  scope: 'sentence',
  check: (ctx) => runPatterns(ctx, PATTERNS).map((f) => ({ ...f, suggestion: SAFE_PRIVATE })),
  examples: {
    flag: [
      'Our notes indicate that the provider explained every option.',
      'To be fair, you skipped two follow-up visits in a row.',
      'You were told about the fee when you booked.',
      'Your account has been past due since spring.',
    ],
    pass: [
      // A vendor's rep, not a patient.
      'Your rep was asked to leave because vendors may not approach anyone in the waiting room.',
      // A policy stated for everyone, not one person's record.
      'Anyone who misses two appointments without notice is asked to pay a deposit.',
      // Conditional advice.
      'If you missed a call from us, just give us a ring back.',
      // Privacy talk.
      'We cannot look up anyone’s records on social media.',
      // A band thanked for a concert, not a patient's conduct.
      'Thanks to the fifth-grade choir: you brought the house down at our open house.',
      // The reviewer's claim quoted back, not a record of what happened.
      "To the person who wrote that we 'refused to help' a relative: we can't discuss anyone here, please call us.",
    ],
  },
};

export default rule;
