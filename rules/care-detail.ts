/**
 * Flags health information tied to a person: a condition, procedure, medication, device, result,
 * body part or bill that belongs to "you", "her", a named person, or "that"/"the" one of a
 * specific event ("your crown", "Harold's pneumonia", "that knee", "the biopsy came back").
 * The same words in general statements ("we offer same-day crowns") are not findings.
 */

import { CREDENTIAL_AFTER, CREDENTIAL_BEFORE, GROUP_OWNERS } from './data/care-terms';
import type { SentenceContext } from './engine/context';
import { addressesYou, EXPLAINER, POV_MEME, possessorOf, TOPIC_BEFORE } from './engine/cues';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { CLINICAL_KINDS, type TermHit } from './engine/terms';
import { SAFE_PRIVATE } from './engine/wording';

const MSG_CLINICAL = (t: string) =>
  `"${t}" here is health information about a specific person. Replies must not discuss anyone's care.`;
const MSG_BILLING = (t: string) => `"${t}" here describes what a specific person owes or how they are insured.`;
const MSG_BODY = (t: string) => `This describes a specific person's body or recovery ("${t}").`;

// After a definite "the X": result and status verbs that narrate a specific case.
const RESULT_AFTER =
  /^(?:\s+[\w'-]+){0,2}?\s+(?:came back|come back|came out|come off|came off|comes off|turned out|is working|isn't working|worked|is helping|helped|did the trick|fixed|fix|wears off|wearing off|starts|showed|shows|revealed|indicated|confirmed|working|helping|healed|is healing|has healed|cleared|is clearing|took|went (?:well|great|smoothly)|looks? (?:great|good|amazing|fantastic)|was (?:denied|approved|ordered|sent|removed|placed|successful|benign|negative|positive)|were (?:denied|approved|ordered|sent|removed|placed))\b/i;

// "after six months of clear aligners", "after three microneedling sessions".
const COURSE =
  /\b(?:after|following|in just|in only)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several)\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|sessions?|rounds?|visits?|treatments?|appointments?|units?)\b/i;

// A sentence opening with a feeling about an outcome: "So glad the IVF worked", "Sorry the stitches came out".
const FEELING_OPENER =
  /^\W*(?:[\w']+ ){0,3}?(?:sorry|glad|happy|hope|hoping|thanks|thank you|congrats|congratulations|relieved|thrilled|proud|great to hear|good to hear|great news about|good news about|love|loved|wishing|can't wait|cannot wait|excited|hopefully|sounds like|fingers crossed|so happy|yay)\b/i;
// State words that make "your knee" a specific knee: "is healing", "looks great", "has come".
const BODY_STATE =
  /\b(?:looks?|looking|is healing|healing|healed|feels better|feeling|improved|improving|recovering|bending|has come|came along|treating you|sore|swollen|stronger|getting better|doing great|moving better|throbbing|hurting|aching|bleeding|infected|still|draining|clearing|fading|settling|softened|recovering)\b/i;
const ACTION_BEFORE =
  /\b(?:(?:stay on|stick with|taking|take|keep|give up on|keep up with|keep doing)\s+(?:the|that|those)\s+(?:[\w-]+\s+){0,2}$)|\b(?:call(?:ed)? in|sen[dt]|refill(?:ed)?|renew(?:ed)?|order(?:ed)?|prescrib(?:e|ed)|approv(?:e|ed)|den(?:y|ied)|adjust(?:ed)?|remov(?:e|ed)|replac(?:e|ed)|redo|re-?cement(?:ed)?|start(?:ed|ing)?|finish(?:ed|ing)?|switch(?:ed)? (?:you )?to)\s+(?:the|your|his|her|that)\s+(?:[\w-]+\s+){0,2}$/i;
const INSTRUCTION_VERBS = /\b(?:bring|have|present|update|verify|provide|upload|remember)\b/i;
const ADVICE_BEFORE =
  /\b(?:check(?:ing)? with|talk(?:ing)? to|talk(?:ing)? with|ask(?:ing)?|call(?:ing)?|contact(?:ing)?|consult(?:ing)?|see|tell|visit|speak(?:ing)? with|call(?:ing)? (?:the )?(?:phone |member services )?number on(?: the back of)?)\s+your\s+(?:[\w-]+\s+)?$/i;
/** An offer to look a plan up: "we can check coverage for you", "we always check discount cards for you". */
const OFFER_TO_CHECK =
  /\b(?:can|could|will|'ll|always|happy to|glad to|able to|love to)\s+(?:help\s+(?:you\s+)?)?(?:check|verify|look up|run|review|confirm)\s+(?:[\w-]+\s+){0,2}$/i;
/** A price or a sale right before the service: "20% off all chem peels", "$50 off any". */
function onSale(head: string): boolean {
  const w = head.trimEnd().split(/\s+/).slice(-4);
  const i = w.lastIndexOf('off');
  return i >= 1 && /^(?:\$?\d+%?|%)$/.test(w[i - 1]!) && /[%$]/.test(w.slice(Math.max(0, i - 2), i).join(''));
}
const EVERY_VISIT = /\b(?:every|each|any|all) (?:appointments?|visits?|check-?ups?)\b|\ba list of your\b/i;
const KIN =
  /\b(?:your|his|her) (?:son|daughter|kids?|kiddo|child|children|little one|baby|husband|wife|partner|mom|dad|mother|father|grandma|grandpa)\b/i;

/** Markers of general education or a public tip, whoever reads it (and see EXPLAINER). */
const EDU_MARKER =
  /^\W{0,8}(?:[\w']+ ){0,3}?(?:myths?|facts?|psa|tips?|101)\b(?! (?:was|is|of|results?|levels?|tests?|came|numbers?)\b)|\bsigns? (?:that )?(?:your|ur)\b|\bnaturally (?:drops?|declines?|changes?|slows?|rises?|falls?)\b|\b(?:is|are) based on (?:your|ur)\b|\bdepends? on (?:your|ur)\b|\bsufferers\b|\bmyth\b|\bawareness (?:month|week|day)\b|\b(?:know|learn|watch for) (?:the )?(?:warning )?(?:signs|symptoms)\b/i;

// Words that single one person out of a count ("including one", "someone", "uno de").
const SINGLED_OUT =
  /\b(?:including|incl|one (?:very |of )|someone|somebody|of them|among them|incluyendo|uno de|una de)\b/i;

/**
 * A share (under 100%) of a group of people: an outcome statistic, nobody's own care. 100% of a
 * named roster is everyone on it.
 */
const SHARE_OF_GROUP =
  /\b\d{1,2}(?:\.\d+)?\s?(?:%|percent|por ciento)\s+(?:of|de)\s+(?:our\s+|the\s+|all\s+|nuestros\s+|nuestras\s+|los\s+|las\s+)?(?:[\w-]+\s+)?(?:clients|patients|people|members|families|moms|mothers|kids|children|adults|participants|residents|seniors|women|men|teens|pacientes|personas|familias|clientes|mujeres|hombres)\b/i;

// Nouns after a care word that make it the name of a unit, team or program of the practice.
// (Or its equipment and the people who run it: "the new rapid strep kits", "our X-ray tech Bri".)
const UNIT_AFTER =
  /^(?:\s+(?:and\s+[\w-]+\s+)?(?:team|teams|nurses|nursing staff|staff|clinic|center|centre|department|dept|unit|wing|program|programs|housing|front desk|coordinator|lead|club|tent|specialists|service line|suite|kits?|supplies|machines?|equipment|techs?|technicians?|technologists?)\b|\s+nurses')/i;

// A term naming a cause or campaign, in any case.
const CAUSE_AFTER = /^\s*(?:awareness|research|fundraiser|foundation|advocacy|month|5k|10k)\b/i;
// A term inside the name of an event or organization ("Breast Cancer Awareness 5K").
const EVENT_AFTER =
  /^\s*(?:awareness|walk|run|5k|10k|month|week|day|foundation|society|association|center|centre|institute|research|fund|fundraiser|gala|support group|drive|fair|benefit)\b/i;

/** Mid-sentence: a letter, digit or comma comes before `at` (not the sentence's opening punctuation). */
const midSentence = (text: string, at: number) => /[\p{L}\d,;:]/u.test(text.slice(0, at).trimEnd().slice(-1));

/** The span sits in a run of capitalized words that does not open the sentence ("at Stride Physical Therapy"). */
function inProperName(text: string, start: number, end: number): boolean {
  const head = text.slice(0, start).trimEnd();
  const at = head.lastIndexOf(' ') + 1;
  const prev = head.slice(at);
  if (/^\p{Lu}[\p{L}'&-]*$/u.test(prev) && !/^(?:I|Dr|Mr|Mrs|Ms)$/.test(prev) && midSentence(head, at)) return true;
  return midSentence(text, start) && /^\s?(?!I\b)\p{Lu}[\p{L}'&-]/u.test(text.slice(end, end + 3));
}

const GROUP = new RegExp(`\\b${GROUP_OWNERS}\\b`, 'gi');
/** Words before a group noun that make it the reader's or a particular one ("your kids", "the twins"). */
// (Or a named family: "the Johnson, Alvarez & Cho families".)
const PARTICULAR_GROUP = /\b(?:your|ur|the|these|those|both|his|her|my|\d+|two|three|four|five)\s+(?:[\w-]+\s+)?$/i;
const NAMED_GROUP = /(?:&|\band|,)\s+\p{Lu}[\p{L}'-]+\s+$/u;

/**
 * "their X" whose owner is a group named earlier in the sentence, not the reader nor one person:
 * "Patients who have concerns about their care", "Our whole staff got their flu shots",
 * "Gym bros who get their labs checked". Not on a particular occasion ("today").
 */
export function groupOwned(ctx: SentenceContext, start: number): boolean {
  const lead = ctx.text.slice(0, start);
  if (!/\btheir\s+(?:[\w-]+\s+){0,3}$/i.test(lead) || ctx.anchored) return false;
  let last: RegExpExecArray | null = null;
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(lead); m; m = GROUP.exec(lead)) last = m;
  if (last === null) return false;
  const before = lead.slice(Math.max(0, last.index - 24), last.index);
  return !PARTICULAR_GROUP.test(before) && !NAMED_GROUP.test(before);
}

/** A staff member's credential names a field of study: "her dry needling certification". */
export function credential(ctx: SentenceContext, hit: { start: number; end: number }): boolean {
  return (
    CREDENTIAL_AFTER.test(ctx.text.slice(hit.end, hit.end + 60)) ||
    CREDENTIAL_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 60), hit.start))
  );
}

function tied(ctx: SentenceContext, hit: TermHit): boolean {
  const titled = /^\p{Lu}/u.test(ctx.text.slice(hit.start, hit.end));
  // "Dr. Feldman": a provider's surname that happens to be in the medical word list.
  if (titled && /\b(?:dr|doctor|mr|mrs|ms|miss)\.?\s*$/i.test(ctx.text.slice(Math.max(0, hit.start - 8), hit.start)))
    return false;
  if (titled && EVENT_AFTER.test(ctx.text.slice(hit.end, hit.end + 20))) return false;
  // "Belmont Plastic Surgery appreciates you", "Stride Physical Therapy": part of a proper name (a
  // practice, a department, a team), not someone's care.
  if (titled && inProperName(ctx.text, hit.start, hit.end)) return false;
  // "speak about mental health awareness", "raised money for cancer research": a cause, not a case.
  if (CAUSE_AFTER.test(ctx.text.slice(hit.end, hit.end + 20))) return false;
  // A unit, team or program named by its care ("the whole infusion team", "our surgery team",
  // "our physical therapy front desk lead", "the thyroid clinic", "the booster club"), nobody's case.
  // (Not "her lymphedema program", "your C-section team": someone's own.)
  if (
    UNIT_AFTER.test(ctx.text.slice(hit.end, hit.end + 24)) &&
    /\b(?:our|the|a|an|whole)\s+(?:[\w-]+\s+){0,2}$/i.test(ctx.text.slice(Math.max(0, hit.start - 30), hit.start)) &&
    !/\b(?:your|ur|his|her|their|\w+'s)\s+(?:[\w-]+\s+){0,2}$/i.test(
      ctx.text.slice(Math.max(0, hit.start - 30), hit.start),
    )
  )
    return false;
  // "her 5,000th cataract surgery": a provider's milestone, a count of everyone's care.
  if (
    /\b(?:\d{1,3},\d{3}|\d{4,})(?:st|nd|rd|th)\s+(?:[\w-]+\s+)?$/i.test(
      ctx.text.slice(Math.max(0, hit.start - 30), hit.start),
    )
  )
    return false;
  // "this kind of pain": a kind, not a case.
  if (
    /\b(?:this|that|these|those)\s+(?:kind|type|sort)s?\s+of\s+$/i.test(
      ctx.text.slice(Math.max(0, hit.start - 24), hit.start),
    )
  )
    return false;
  // The topic of the practice's content ("our blog post on knee pain"), nobody's case.
  if (TOPIC_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 40), hit.start))) return false;
  const clinical = CLINICAL_KINDS.has(hit.kind);
  if (hit.kind === 'visit' || hit.kind === 'provider') return false;
  if (credential(ctx, hit)) return false;
  const who = possessorOf(ctx, hit);
  if (who === 'third' && groupOwned(ctx, hit.start)) return false;
  // "72% of clients who started buprenorphine stayed in treatment": a share of a whole group.
  if (who !== 'second' && who !== 'name' && SHARE_OF_GROUP.test(ctx.text)) return false;
  // "43 shots before 11am", "980 pruebas auditivas": a count of everyone's care, nobody's (unless
  // it singles someone out: "11 ablations today, including one very nervous retired pilot").
  if (
    who !== 'second' &&
    who !== 'name' &&
    /s$/i.test(ctx.text.slice(hit.start, hit.end)) &&
    /\b\d{2,}(?:,\d{3})*\s+$/.test(ctx.text.slice(Math.max(0, hit.start - 12), hit.start)) &&
    !SINGLED_OUT.test(ctx.text)
  )
    return false;
  // Education addressed to any reader: "5 signs your thyroid might be off", "Men: your testosterone
  // naturally drops", "dosing is based on your labs", "PSA: don't use cotton swabs in your ears".
  if (
    who === 'second' &&
    !ctx.anchored &&
    (((EDU_MARKER.test(ctx.text) || POV_MEME.test(ctx.text)) && !ctx.past) || EXPLAINER.test(ctx.text))
  )
    return false;
  const beforeText = ctx.text.slice(Math.max(0, hit.start - 16), hit.start);
  const afterText = ctx.text.slice(hit.end, hit.end + 60);
  const definite = /\b(?:the|that|this)\s+(?:new\s+|old\s+|[\w-]+\s+)?$/i.test(beforeText);
  const otherClinical = ctx.terms.some((t) => t !== hit && CLINICAL_KINDS.has(t.kind));
  // A tip list for everyone: "Wash your hands before touching your lenses", "Pack your
  // medications in your carry-on". Imperatives that continue a regimen ("keep taking your ...")
  // or point at a new or particular thing stay specific.
  if (
    who === 'second' &&
    !ctx.past &&
    !ctx.anchored &&
    !FEELING_OPENER.test(ctx.text) &&
    !/^\W*(?:(?:so|and|please|just)\s+)?(?:keep|continue|stay on|stick with|finish|resume|don't stop)\b/i.test(
      ctx.text,
    ) &&
    !/\b(?:new|recent|last|latest)\s+$/i.test(beforeText) &&
    ctx.imperative
  )
    return false;
  if (hit.kind === 'body') {
    if (ctx.educational && !ctx.anchored) return false;
    if (who === 'demonstrative') return true;
    if (/\bthe new\s+$/i.test(beforeText)) return true;
    if (definite && FEELING_OPENER.test(ctx.text) && BODY_STATE.test(ctx.text)) return true;
    if (who === 'second' || who === 'third' || who === 'name')
      return !ctx.conditional && (ctx.past || ctx.anchored || BODY_STATE.test(ctx.text) || otherClinical);
    if (KIN.test(ctx.text) && (definite || FEELING_OPENER.test(ctx.text)) && !ctx.conditional) return true;
    return false;
  }
  if (hit.kind === 'billing') {
    // "Check with your insurer", "bring your insurance card": advice to anyone, not this person's coverage.
    if (ADVICE_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 40), hit.start))) return false;
    if (OFFER_TO_CHECK.test(ctx.text.slice(Math.max(0, hit.start - 40), hit.start)) && !ctx.past) return false;
    // "call us with your insurance info": booking advice.
    if (/\bwith\s+your\s+$/i.test(beforeText) && /^\s*(?:info|information|details)\b/i.test(afterText)) return false;
    // "Bring your insurance card", "update your card on file": instructions to anyone.
    if (INSTRUCTION_VERBS.test(ctx.text) && !ctx.past) return false;
    // ("Questions about your bill?" invites everyone.)
    if (who === 'second' || who === 'name')
      return !(ctx.conditional && !ctx.past) && !(ctx.question && !ctx.past) && !/\bask about\b/i.test(ctx.text);
    if (who === 'third') return ctx.past && !ctx.generic;
    if (definite && FEELING_OPENER.test(ctx.text) && !ctx.generic) return true;
    return /\bfor you\b/i.test(afterText) && !ctx.generic;
  }
  if (!clinical) return false;
  // "20% off all chem peels": a sale on a service.
  if (onSale(ctx.text.slice(Math.max(0, hit.start - 30), hit.start))) return false;
  const specific = !ctx.educational || ctx.past || ctx.anchored;
  // "Bring a list of your medications to every appointment": an instruction to every patient.
  if (who === 'second' && EVERY_VISIT.test(ctx.text) && !ctx.past) return false;
  // "If your prescription runs out over the weekend": the condition covers the term, whatever
  // time words follow.
  if (
    (who === 'second' || who === 'name') &&
    !/\b(?:was|were|did|had)\b/i.test(ctx.text) &&
    /\b(?:if|whether|in case|should you|unless)\b/i.test(ctx.text.slice(0, hit.start))
  )
    return false;
  switch (who) {
    case 'second':
    case 'name':
    case 'time':
      return !((ctx.conditional || ctx.question) && !ctx.past && !ctx.anchored) && specific;
    case 'third':
      // ("Did your kids get their flu shots yet?" asks everyone.)
      return (!ctx.educational || ctx.past) && !ctx.question;
    case 'demonstrative':
      return !ctx.educational;
    default:
      break;
  }
  // "Your husband is doing great in rehab": a relative of the reader and their care.
  if (KIN.test(ctx.text) && !ctx.educational && !ctx.conditional && !ctx.question) return true;
  if (ctx.generic && !ctx.past && !ctx.anchored) return false;
  if (definite && (RESULT_AFTER.test(afterText) || FEELING_OPENER.test(ctx.text))) return true;
  // "after the peel", "since the ACL reconstruction", "keep taking the Lexapro".
  if (
    /\b(?:after|since|from|following|post|before|during|about|with|for)\s+(?:the|your|her|his|their)\s+(?:[\w-]+\s+)?$/i.test(
      beforeText,
    )
  ) {
    // (Not in a question to everyone: "Wondering about the flu shot?")
    if (!ctx.generic && !ctx.question) return true;
  }
  // "Congrats on finishing chemo", "good luck with the surgery".
  if (
    /\b(?:congrats|congratulations|good luck|best of luck|proud of you|way to go)\b[^.!?]{0,20}?\b(?:on|with|for) (?:[\w-]+ ){0,3}$/i.test(
      ctx.text.slice(Math.max(0, hit.start - 60), hit.start),
    )
  )
    return true;
  // "call in the prescription", "started the new insulin pump", "the second round of Clomid".
  if (ACTION_BEFORE.test(beforeText) && !ctx.educational && !ctx.conditional) return true;
  if (
    /\b(?:round|course|dose|cycle|series|rounds|courses|doses|cycles) of\s+$/i.test(beforeText) &&
    (ctx.past || FEELING_OPENER.test(ctx.text))
  )
    return true;
  if (/\bkeep (?:taking|using|wearing|doing|up with|on)\s+(?:the|those|your|that)\s+(?:[\w-]+\s+)?$/i.test(beforeText))
    return true;
  if (COURSE.test(ctx.text) && !ctx.generic) return true;
  // "You declined the biopsy", "hope you're loving the new frames": a "you" in a specific sentence.
  // (Not in a myth-buster or an explainer for anyone: "Myth: you'll look 'done' after a facelift".)
  if (
    addressesYou(ctx) &&
    !ctx.generic &&
    !ctx.conditional &&
    !ctx.question &&
    !EDU_MARKER.test(ctx.text) &&
    !EXPLAINER.test(ctx.text)
  )
    return true;
  // "handling an emergency extraction that morning": someone's care on a specific occasion.
  if (ctx.anchored && ctx.past && !ctx.generic) return true;
  return false;
}

const rule: SentenceRule = {
  id: 'care-detail',
  description: 'A condition, treatment, medication, device, result, body part or bill tied to a specific person.',
  rationale:
    'Any health information about an identifiable person is PHI: the policy blocks care details even when the reviewer mentioned them first.',
  category: 'care-details',
  defaultSeverity: 'block',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const hit of ctx.terms) {
      if (!tied(ctx, hit)) continue;
      const t = ctx.text.slice(hit.start, hit.end);
      // Highlight the owner too ("ur crown", "Harold's pneumonia"), so the mark shows why.
      let start = hit.start;
      for (let i = hit.first - 1; i >= 0 && i >= hit.first - 4; i--) {
        const tok = ctx.tokens[i]!;
        if (/^(?:your|his|her|their|that|those|these|this)$|'s$/.test(tok.word)) {
          start = tok.start;
          break;
        }
        if (/[,.;:!?]/.test(ctx.text.slice(tok.end, hit.start))) break;
      }
      const message = hit.kind === 'billing' ? MSG_BILLING(t) : hit.kind === 'body' ? MSG_BODY(t) : MSG_CLINICAL(t);
      out.push({ start, end: hit.end, message, suggestion: SAFE_PRIVATE });
    }
    return out;
  },
  examples: {
    flag: [
      // A permission still needed is not one given (engine/whole-post.ts): the care stands.
      'Your son is stable on his current dose; we cannot share more without his written consent.',
      'So sorry your filling cracked over the holiday.',
      "Harold's bronchitis must have been exhausting.",
      'That ankle is looking so much stronger now!',
      'Glad the ultrasound came back clear.',
      'Your copay should be lower next time.',
      'Hope you are enjoying the new hearing aids.',
      // Conditions that everyday dictionaries list, so the curated table must (rules/data/care-terms.ts).
      'Sorry your lupus has been flaring again.',
      'Glad the shingles cleared up before the wedding!',
    ],
    pass: [
      // A hassle and an idiom, not a symptom.
      'Sorry for the parking headache! This brought tears to our eyes.',
      // An awareness month's tips for everyone.
      'Asthma Awareness Month: know your triggers and always carry your rescue inhaler.',
      // A sale on a service.
      'Flash sale today only: 20% off all chem peels!',
      // Advice to anyone about their plan.
      'Plans vary, so call the number on your card to confirm coverage.',
      // A fire drill, and a colleague's face.
      "Rate our receptionist's reaction to the fire alarm test this morning 😂",
      // Equipment the practice bought.
      'FYI the new rapid strep kits worked great yesterday.',
      // The weather and the business's hours, not a diagnosis or surgery.
      'Closed today due to icy road conditions. Our hours of operation resume tomorrow.',
      // A count of everyone's care, nobody singled out.
      'Shot clinic was packed this morning: 43 shots before 11am!',
      // A courier's delivery, not a birth.
      'Sorry about the mixup with the coffee delivery this morning!',
      // The courier named after the word.
      'We are sorry your delivery driver waited so long at the back door.',
      // A share of a whole group: an outcome statistic.
      'Last year 64% of clients who began physical therapy with us met their walking goals.',
      // "Christmas" is the holiday, not Christmas disease.
      'Merry Christmas from all of us, wishing you rest and warmth.',
      // A service the practice offers, nobody's care.
      'We offer same-day crowns and night guards.',
      // General education with a generic "your".
      'Stretching every morning helps your back stay flexible.',
      // General statement about a procedure.
      'Swelling is common after any extraction.',
      // Conditional advice, no person.
      'If a filling ever feels high, a quick adjustment usually fixes it.',
      // A practice's name.
      'Thanks for the love! Belmont Plastic Surgery appreciates you!',
      // A staff member's credential names a field of study.
      'Our therapist Kevin just passed his dry needling certification!',
      // The field of the certification, after it.
      'Our MS nurse Janelle completed her certification in multiple sclerosis nursing.',
      // "their" owned by a group, not by one person.
      'No one deserves blame for their diagnosis.',
      // The staff's own shots, as a group.
      'Our whole staff got their flu shots this week.',
      // A team of the practice named by its care.
      'Our surgery team had a great laugh at the staff holiday party!',
      // A kind of pain, not someone's.
      'Words cannot ease this kind of pain, but we are holding you close.',
      // Education to any reader, marked as such.
      '5 signs your thyroid might be off: tired all the time, cold hands, brain fog.',
      // A provider's milestone counts everyone's care.
      'Dr. Kapoor performed her 5,000th cataract surgery today!',
      // A how-to in a practice's own post: its "your" is any reader.
      'How to clean your glasses the right way (no, not with your shirt)!',
      // A "POV:" meme about a hypothetical reader.
      'POV: your hearing aid is "broken" and it is just a dead battery.',
      // An explainer for anyone.
      'What your audiogram actually means, in 60 seconds.',
    ],
  },
};

export default rule;
