/**
 * A structural back-stop for care-detail: in a reply to a review, a sentence that speaks to the
 * reader (you/your/u/ur, a wish, sympathy, congratulations, an instruction, a question about how
 * something is going) and mentions anything health-related is about the reader's care, unless it
 * is recognizably generic (the practice offering a service, "most people", "if you ...", education
 * framed for anyone, privacy talk, booking calls to action). care-detail needs a known term AND a
 * known tie pattern; this rule needs neither a curated phrase nor a curated tie, so new drug brands,
 * lay symptom words and advice addressed to one patient are caught too.
 */
import nlp from 'compromise';
import type { SentenceContext } from './engine/context';
import { EXPLAINER, POV_MEME, TOPIC_BEFORE } from './engine/cues';
import { inProperName } from './engine/names';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { CLINICAL_KINDS } from './engine/terms';
import { SAFE_PRIVATE } from './engine/wording';

const MSG = (t: string) =>
  `"${t}" in a sentence addressed to the reviewer reads as their own health information. Keep replies free of anyone's care.`;

// Speaking to the reader: second person (with texting forms), not the "thank you"/"see you" formulas.
const SECOND_PERSON = /\b(?:you(?:'re|'ve|'d|'ll)?|your|yours|yourself|u|ur|ya|y'all)\b/i;
const FORMULAS =
  /\b(?:thank you|thanks to you|hear from you|reach you|help you|assist you|contact you|serve you|you can (?:now |also |always |easily )?(?:call|reach|contact|email|message|book|schedule|find|visit|ask|request)|you may (?:call|reach|contact|email|message|book|schedule|ask|request))\b/gi;
// Wishes, sympathy, congratulations, relief: said to one person about their situation.
const FEELING =
  /^\W*(?:[\w']+ ){0,3}?(?:sorry|glad|happy|hope|hoping|congrats|congratulations|relieved|thrilled|proud|great to hear|good to hear|so good to|wishing|fingers crossed|yay|woohoo|praying|good luck|best of luck|hang in there|feel better|get well)\b/i;
// "How is the knee?", "How's the new retainer treating you?": asks about this person's state.
// A prognosis for a particular thing: "The bruise from the IV should fade in a few days".
const PROGNOSIS =
  /^\W*the (?:[\w-]+ ){1,5}?(?:should|will|may|might|is going to) (?:\w+ )?(?:fade|heal|clear|settle|go down|ease|improve|subside|resolve|wear off|kick in|dissolve|fall out|feel better|loosen|soften)\b/i;
// Empathy about what the reader went through: "We know the graft wasn't fun".
// Reassurance is said to the person it concerns: "so don't worry", "nothing to worry about".
const REASSURE = /\b(?:don't worry|do not worry|no need to worry|nothing to worry about|rest assured)\b/i;
const EMPATHY = /^\W*(?:[\w']+ ){0,2}?(?:we|i) (?:know|understand|realize|heard|hear|get|can imagine)\b/i;
const STATE_QUESTION = /^\W*(?:how(?:'s| is| are| was| did| has| have)|is the|are the|did the|has the|have the)\b/i;
// Instructions to one patient ("Keep icing it", "Stay on the lower dose"), not to everyone.
const IMPERATIVE =
  /^\W*(?:(?:so|and|please|just)\s+)?(?:keep|stay|stop|start|continue|take|use|ice|rest|avoid|try|hang|apply|finish|don't|do not|remember to|make sure|go easy|take it easy|give it|give them|let the|let it|enjoy|call us|text us|message us|let us know)\b/i;

// Lay words for a body acting up or getting better (verbs and adjectives, all forms).
const SYMPTOM =
  /\b(?:hurt(?:s|ing)?|ach(?:e|es|ed|ing|y)|throb(?:s|bed|bing)?|swell(?:s|ed|ing)?|swollen|itch(?:es|ed|ing|y)?|heal(?:s|ed|ing)?|bleed(?:s|ing)?|bled|recover(?:s|ed|ing|y)?|sore(?:ness)?|numb(?:ness)?|tender(?:ness)?|bruis(?:e|ed|es|ing)|stiff(?:ness)?|nause(?:a|ous)|dizz(?:y|iness)|flare(?:s|d)?[- ]?ups?|cramp(?:s|ing)?|stitches|sutures|fever|rash|scar(?:s|ring)?|limp(?:ing)?|kick in|wear(?:s|ing)? off|side effects?|dose|dosage|meds|pills?|prescriptions?|shots?|injections?|labs?|scans?|x-?rays?|results?|biops(?:y|ies)|surgery|procedure|stitches|cast|brace|splint|crutches|sling|uncomfortable|discomfort|painful|drain(?:age)?|queasy|groggy|\d+x (?:a|per) (?:day|week)|(?:once|twice|three times) (?:a|per) day|\d+\s?mg|bid|tid|qid|prn)\b/gi;
// Brand-like drug names: capitalized words with the endings drug names are built from.
const DRUG_LIKE =
  /\b\p{Lu}[a-z]{2,}(?:mab|pril|olol|statin|sartan|azole|cillin|mycin|cycline|pam|lam|done|tide|glutide|vir|vid|afil|dipine|oxacin|prazole|triptan|zepam|xetine|pine|ridone|tropin|sone|lone|nide)\b/gu;

// A capitalized word compromise does not know, right after an owner or a care verb ("your
// Menopur", "the new Omnipod", "try Entyvio"): in a reply to a patient, most likely a brand of
// drug or device.
const BRAND_CONTEXT =
  /\b(?:your|ur|the new|the|on|try|trying|started|start|switch(?:ed)? to|of|with|refill(?:ed)?)\s+$/i;
/** After a capitalized word: a noun that makes it a place, school, team or group ("the Lakeview High band"). */
const PLACE_NOUN_AFTER =
  /^\s(?:high|elementary|middle|youth|fire|soccer|football|baseball|basketball|gym|band|team|club|league|school|church|library|park|community|office|clinic|location|campus|neighborhood|crowd|chapter|squad|parking|waiting room|ymca)\b/i;
const BRAND = /(?<![\p{L}'])\p{Lu}[\p{Ll}]{3,}(?:-\p{L}{1,3})?(?![\p{L}'])/gu;
const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

function brandLike(ctx: SentenceContext): Span | undefined {
  BRAND.lastIndex = 0;
  for (let m = BRAND.exec(ctx.text); m; m = BRAND.exec(ctx.text)) {
    if (m.index === 0 || /[.!?:]\s*$/.test(ctx.text.slice(0, m.index))) continue;
    const w = m[0].toLowerCase();
    if (lexicon[w] !== undefined || lexicon[w.replace(/-.*$/, '')] !== undefined) continue;
    if (!BRAND_CONTEXT.test(ctx.text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "the Lakeview High band", "the Westside gym", "the Mesa Verde league": a place or team, not a brand.
    if (PLACE_NOUN_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    if (ctx.isPersonName(m.index, m.index + m[0].length)) continue;
    // A job title's department, not a drug: "our Director of Operations", "Head of Patient Experience".
    const lead = ctx.text
      .slice(Math.max(0, m.index - 24), m.index)
      .trimEnd()
      .split(/\s+/);
    if (lead.at(-1) === 'of' && /^\p{Lu}\p{L}/u.test(lead.at(-2) ?? '')) continue;
    // A provider's surname, not a drug: "Dr. Frazier says ...".
    if (/\b(?:dr|doctor)\.?\s*$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // Insurers and other listed words are the term tables' business.
    if (ctx.terms.some((t) => t.start <= m!.index && t.end > m!.index)) continue;
    return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

// The feeling is about the health thing itself: "Glad physical therapy is helping", "Yay for
// clear skin", "Hope recovery is going well" (the term follows the feeling word directly).
const FEELING_SUBJECT =
  /^\W*(?:[\w']+ ){0,3}?(?:sorry|glad|happy|hope|hoping|relieved|thrilled|yay|hooray|woohoo|congrats|congratulations)(?: (?:that|for|about|on|to hear|to see|to hear that))?\s+(?:[\w-]+\s+)?$/i;
// A particular thing's state right now: "your knee is healing nicely", "looks so much better".
const STATE_NOW =
  /\b(?:is|are|'s|'re) (?:healing|recovering|settling|improving|getting better|coming along|looking (?:great|good|amazing|better))\b|\blooks? (?:great|amazing|fantastic|so good|much better)\b/i;

// Continuing something already under way is one patient's regimen ("keep doing your band
// exercises", "stick with the drops"); "Brush twice a day" is advice to anyone.
// ("Keep sparklers away from ..." is not: "keep" continues only a doing or an owned thing.)
const CONTINUATION =
  /^\W*(?:(?:so|and|please|just)\s+)?(?:keep (?:\w+ing|up|the|your|ur|it|that|those|them)|continue|stay on|stick with|finish|resume|don't stop|do not stop)\b/i;

// Recognizably generic sentences: the practice offering, generic subjects, conditionals,
// education framed for anyone, privacy talk, booking calls to action, questions to everyone.
const GENERIC = [
  /\b(?:we|our (?:[\w-]+ ){0,3}?[\w-]+)(?: now| also| proudly| still| don't| do not| no longer| doesn't| does not)? (?:offers?|provides?|accepts?|carry|carries|specializes?|performs?|treats?|bill|file|welcome|are (?:now )?(?:offering|accepting|welcoming|open))\b|\bin[- ]network\b/i,
  // Practice news: "proud to welcome Dr. Alvarez, who specializes in ...".
  /\b(?:proud|happy|excited|thrilled|pleased|glad) to (?:welcome|announce|introduce|offer|share|serve|be|partner|sponsor|support|host)\b|\bspeciali[sz](?:es|ing) in\b|\bboard[- ]certified\b/i,
  /\b(?:is|are) (?:now )?(?:available|offered|covered by most)\b|\bnow (?:accepting|offering|booking|open)\b|\bask (?:us )?about\b/i,
  /^\W*(?:most|many|some|all|any|every|few)\b|\bevery (?:chair|room|patient|client|family|one|visit|appointment)\b|\bour (?:top )?priority\b|\b(?:most|many|some|all|few) (?:people|patients|adults|kids|children|parents|folks|women|men|teens|clients|of us|of you)\b|\b(?:anyone|anybody|everyone|everybody|no one|nobody|whoever|people)\b/i,
  // Offers and community news: "New client special: $9/unit", "20% off", "strep is going around".
  /\bnew (?:clients?|patients?|members?)\b|\$\s?\d+\s?(?:\/|per |a )\s?(?:unit|syringe|session|area|visit)\b|\b\d+\s?% off\b|\boff your first\b|\bgoing around\b|\b(?:lets|allows|enables) (?:you|u)\b|\b(?:to|for) (?:every|all) (?:[\w-]+ )?(?:sons?|daughters?|parents?|caregivers?|moms?|dads?|families|people|women|men|kids|students|athletes|coaches|teachers|veterans|nurses|grandparents)\b/i,
  /\b(?:common|normal|typical|expected) (?:after|with|for|during) (?:any|most|a|an)\b|\b(?:after|with) any\b|\bfor (?:anyone|all ages|the whole family)\b|\bdid you know\b|\breminder\b|\btips?\b|\bfun fact\b/i,
  // Offers to answer questions: "any questions you have about LASIK".
  /\bany questions\b|\bquestions you (?:may |might )?have\b/i,
  // Direct access, for anyone: "you can start PT without a referral", "see a physical therapist without a prescription".
  /\bdirect access\b|\bwithout (?:a|an) (?:[\w'-]+ )?(?:referral|prescription) for up to\b|\bin (?:our|this) state\b|\b(?:state|law) (?:allows|lets)\b/i,
  /\b(?:privacy|hipaa|confidential|protected health|discuss (?:any|specific|individual|patient)|can(?:'t|not| not) (?:discuss|confirm|comment|share))\b/i,
  /\b(?:book|schedule|request|reserve|make|plan|get|bring|fill out|complete|update|verify)\s+(?:your|a|an)\b|\b(?:book|schedule)\b[^.!?]{0,40}\b(?:online|today|anytime|24\/7)\b/i,
  /\b(?:talk(?:ing)? to|talk(?:ing)? with|ask|check(?:ing)? with|consult|speak(?:ing)? with|see) (?:your|a) (?:own |primary |regular |family )?(?:doctor|provider|dentist|pediatrician|pharmacist|physician|pcp|specialist|insurer|insurance|prescriber|care team)\b/i,
  // Rules for everyone and benefit statements: "never stop ...", "you don't need a referral",
  // "helps your back", "the kindest thing you can do for your gums", "your spine will thank you".
  /^\W*(?:never|always)\b|\byou (?:don't|do not|won't|will not) need\b|\b(?:help|helps|keeps|protect|protects|prevent|prevents|strengthen|strengthens|is (?:good|great|best|bad) for|(?:best|easiest|kindest|simplest) thing (?:you can|to) do for) (?:[\w-]+ )?your\b|\bwill thank you\b|\bfeel the difference\b|\bdeserves? (?:a|an|the|regular|yearly|annual)\b|\b(?:yearly|annual|routine|every year|once a year)\b/i,
];

// Education cues; generic unless the sentence points at a particular thing ("the shots in your knee").
const EDU =
  /\b(?:can help|may help|will help|helps|usually|typically|often|normal|common|commonly|generally|can take|may take|tends? to|is not|(?:doesn't|does not|don't|do not|won't) (?:always|necessarily)|can mean|is (?:real|treatable|nothing to be ashamed of)|(?:can|may|might|could) (?:raise|lower|cause|lead to|increase|reduce|affect|trigger|worsen|last)|signs? (?:that )?(?:your|ur)|naturally (?:drops?|declines?|changes?|slows?|rises?|falls?)|(?:is|are) based on (?:your|ur)|depends? on (?:your|ur)|sufferers|myths?|awareness (?:month|week|day)|(?:know|learn|watch for) (?:the )?(?:warning )?(?:signs|symptoms))\b/i;
// A particular thing: "the shots", "that cast", "your new brace" (a bare "your" is often generic).
// (The words between are modifiers, not a new phrase: "the portal for refills" points at the portal.)
const POINTED =
  /\b(?:that|this|those|these|the|(?:your|ur) (?:new|recent|last|latest))\s+(?:(?!(?:for|of|to|with|in|on|at|about|and|or)\s)[\w.-]+\s+){0,2}$/i;
const pointed = (ctx: SentenceContext, s: Span) => POINTED.test(ctx.text.slice(Math.max(0, s.start - 40), s.start));

function readerAddressed(ctx: SentenceContext): boolean {
  return (
    SECOND_PERSON.test(ctx.text.replace(FORMULAS, '')) ||
    FEELING.test(ctx.text) ||
    EMPATHY.test(ctx.text) ||
    REASSURE.test(ctx.text) ||
    PROGNOSIS.test(ctx.text) ||
    STATE_QUESTION.test(ctx.text) ||
    // "Still feeling sore?": a question about how this person is doing.
    (ctx.question && STATE_WORDS.test(ctx.text)) ||
    IMPERATIVE.test(ctx.text)
  );
}

/** Addressed only by an instruction ("Stay on the lower dose"), not by "you" or a feeling. */
function onlyImperative(ctx: SentenceContext): boolean {
  return (
    !SECOND_PERSON.test(ctx.text.replace(FORMULAS, '')) &&
    !FEELING.test(ctx.text) &&
    !EMPATHY.test(ctx.text) &&
    !REASSURE.test(ctx.text) &&
    !PROGNOSIS.test(ctx.text) &&
    !STATE_QUESTION.test(ctx.text) &&
    !(ctx.question && STATE_WORDS.test(ctx.text))
  );
}

// "back" is a body part only as a noun with an owner ("your lower back"), not "get back to you".
const OWNED_BACK = /\b(?:your|ur|my|his|her|the|lower|upper|mid|sore|bad|achy)\s+$/i;
// Titled service and event names ("Physical Therapy Month", "Allergy Awareness Week").
const EVENT_AFTER = /^\s*(?:month|week|day|awareness|walk|run|5k|foundation|society|association|center|fair|drive)\b/i;
// A cause, campaign or season in any case: "diabetes research", "flu season", "cancer walk".
const CAUSE_AFTER = /^\s*(?:awareness|research|fundraiser|foundation|season|walk|5k|10k|advocacy|charity)\b/i;

/** A health span is the practice's own ("our lab", "our surgery center") or part of an event name. */
function notPersonal(ctx: SentenceContext, start: number, end: number): boolean {
  const before = ctx.text.slice(Math.max(0, start - 24), start);
  if (/\b(?:our|we)\s+(?:[\w-]+\s+)?$/i.test(before)) return true;
  const word = ctx.text.slice(start, end);
  if (/^back$/i.test(word) && !OWNED_BACK.test(before)) return true;
  // The topic of the practice's own content: "our blog post on knee pain".
  if (TOPIC_BEFORE.test(ctx.text.slice(Math.max(0, start - 40), start))) return true;
  if (/^\p{Lu}/u.test(word) && EVENT_AFTER.test(ctx.text.slice(end, end + 20))) return true;
  if (CAUSE_AFTER.test(ctx.text.slice(end, end + 20))) return true;
  // An offer ("free adjustments", "the free blood pressure screening"), the identifier "date of
  // birth", idioms ("the parking lot is a pain", "happy tears") and event names ("Back-to-School").
  if (/\bfree\s+(?:[\w-]+\s+){0,2}$/i.test(before)) return true;
  if (/^birth$/i.test(word) && /\bdate of\s+$/i.test(before)) return true;
  if (
    /^pain$/i.test(word) &&
    /\ba (?:real |total |huge |bit of a )?$/i.test(before) &&
    !/^\s+in\b/i.test(ctx.text.slice(end, end + 5))
  )
    return true;
  if (/^tears$/i.test(word) && /\bhappy\s+$/i.test(before)) return true;
  if (/^-to-/i.test(ctx.text.slice(end, end + 4))) return true;
  return false;
}

interface Span {
  start: number;
  end: number;
  /** Body parts and lay symptom words: health-related, but common in tips for everyone. */
  weak?: boolean;
}

/** The health-related spans of the sentence (terms, drug-like names, lay symptom words). */
function healthSpans(ctx: SentenceContext): Span[] {
  const out: Span[] = [];
  // Billing, visit and provider words alone are care-detail's and confirms-relationship's business.
  for (const t of ctx.terms) {
    if (CLINICAL_KINDS.has(t.kind) || t.kind === 'body')
      out.push({ start: t.start, end: t.end, weak: t.kind === 'body' || t.kind === 'symptom' });
  }
  // A cosmetic result is health information in a wish or congratulation: "so happy your smile is ...".
  const smile = FEELING.test(ctx.text) ? /\b(?:your|ur) (?:new )?smile\b/i.exec(ctx.text) : null;
  if (smile) out.push({ start: smile.index, end: smile.index + smile[0].length });
  DRUG_LIKE.lastIndex = 0;
  for (let m = DRUG_LIKE.exec(ctx.text); m; m = DRUG_LIKE.exec(ctx.text))
    out.push({ start: m.index, end: m.index + m[0].length });
  SYMPTOM.lastIndex = 0;
  for (let m = SYMPTOM.exec(ctx.text); m; m = SYMPTOM.exec(ctx.text)) {
    const span = { start: m.index, end: m.index + m[0].length, weak: true };
    // "Vista Metabolic Surgery respects...", "Crossroads Recovery Health": a practice's name.
    if (!inProperName(ctx.text, span)) out.push(span);
  }
  const brand = brandLike(ctx);
  if (brand) out.push(brand);
  return out.filter((s) => !notPersonal(ctx, s.start, s.end));
}

// Conditionals: generic only when the condition comes before the health words ("if the swelling
// gets worse"), not after a statement about this person ("the shot lasts months, so call if ...").
const CONDITIONAL =
  /\b(?:if|unless|whether|in case|should you|whenever|once you|before you|when you(?! (?:came|were|had|left|got|called|visited|told))|any time you|anytime you)\b/i;

// A question about how something is now ("ur filling ok now?", "is the knee still sore?") asks
// about this person; "Is your child due for a checkup?" invites everyone.
const STATE_WORDS = /\b(?:still|ok|okay|any better|any easier|holding up|healing|hurting|settled|settling|feeling)\b/i;

/** True when the sentence is recognizably generic (offering, generic subject, conditional ...). */
export function genericSentence(ctx: SentenceContext, span: Span, pointedAny = true): boolean {
  if (ctx.question && !STATE_QUESTION.test(ctx.text) && !STATE_WORDS.test(ctx.text)) return true;
  const cond = CONDITIONAL.exec(ctx.text);
  if (cond && cond.index < span.end) return true;
  // "Your eyes deserve a check, even if ...": a trailing condition is generic too unless the
  // sentence is a feeling about, or points at, a particular thing.
  if (cond && !FEELING.test(ctx.text) && !pointedAny) return true;
  return GENERIC.some((re) => re.test(ctx.text));
}

const rule: SentenceRule = {
  id: 'reader-care',
  description: 'A sentence addressed to the reviewer that mentions anything health-related, unless it is generic.',
  rationale:
    'Replying to one reviewer about symptoms, medicines or recovery discloses their care, whatever the words; only sentences framed for everyone are safe.',
  category: 'care-details',
  defaultSeverity: 'block',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    if (!readerAddressed(ctx)) return out;
    const spans = healthSpans(ctx);
    const span = spans[0];
    if (!span) return out;
    // A feeling alone ("So proud of our nurses ... asthma research") speaks to the reader about
    // their care only when it points at a particular thing ("so glad the biopsy was clear") or
    // says how something is now; otherwise it is news about the practice or the world.
    if (
      !SECOND_PERSON.test(ctx.text.replace(FORMULAS, '')) &&
      !spans.some((s) => pointed(ctx, s)) &&
      !STATE_NOW.test(ctx.text) &&
      !PROGNOSIS.test(ctx.text) &&
      !CONTINUATION.test(ctx.text) &&
      !STATE_QUESTION.test(ctx.text) &&
      !(ctx.question && STATE_WORDS.test(ctx.text)) &&
      !spans.some((s) => FEELING_SUBJECT.test(ctx.text.slice(0, s.start)))
    )
      return out;
    // Body parts and lay symptom words alone ("your knees", "soreness") are the stuff of tips for
    // everyone; they speak of this reader only with a feeling, empathy, reassurance, a question
    // about their state, a continuing regimen, a particular thing, or a past event.
    if (
      spans.every((s) => s.weak) &&
      !STATE_NOW.test(ctx.text) &&
      !FEELING.test(ctx.text) &&
      !EMPATHY.test(ctx.text) &&
      !REASSURE.test(ctx.text) &&
      !PROGNOSIS.test(ctx.text) &&
      !STATE_QUESTION.test(ctx.text) &&
      !(ctx.question && STATE_WORDS.test(ctx.text)) &&
      !CONTINUATION.test(ctx.text) &&
      !ctx.past &&
      !ctx.anchored
    )
      return out;
    // An instruction is to one patient only when it points at a particular thing ("stay on the
    // lower dose"); "Start allergy meds early" is advice to anyone.
    if (onlyImperative(ctx) && !CONTINUATION.test(ctx.text) && !spans.some((s) => pointed(ctx, s))) return out;
    if (
      genericSentence(
        ctx,
        span,
        spans.some((s) => pointed(ctx, s)),
      )
    )
      return out;
    // "Soreness that fades in a day is normal": education about no one in particular.
    if (
      (EDU.test(ctx.text) || EXPLAINER.test(ctx.text) || (POV_MEME.test(ctx.text) && !ctx.past)) &&
      !spans.some((s) => pointed(ctx, s))
    )
      return out;
    // An instruction or slogan to everyone ("Know your numbers: blood pressure ..."): it points at
    // nothing in particular and speaks to no one by feeling or empathy.
    if (
      !FEELING.test(ctx.text) &&
      !EMPATHY.test(ctx.text) &&
      !CONTINUATION.test(ctx.text) &&
      !spans.some((s) => pointed(ctx, s)) &&
      ctx.imperative
    )
      return out;
    const t = ctx.text.slice(span.start, span.end);
    out.push({ start: span.start, end: span.end, message: MSG(t), suggestion: SAFE_PRIVATE });
    return out;
  },
  examples: {
    flag: [
      'The drops in your left eye can sting for a day or so, totally normal.',
      'Hope the Zolvatide is settling your stomach by now!',
      'Glad u r not limping anymore 🙌',
      'Keep icing it twice a day and the throbbing should ease.',
      'How is the shoulder holding up?',
      'ur retainer still ok?',
    ],
    pass: [
      // Direct access, for anyone.
      'Good news: you can start PT without a referral for up to 10 business days.',
      // The same, as a state's law.
      'Yes! In our state you can start PT without a physician referral.',
      // A practice's name, not the reader's surgery.
      'To the reviewer: Vista Metabolic Surgery respects your right to raise concerns.',
      // A job title's department, not a drug's brand.
      'Your feedback went to our Director of Operations, who will reach out to you.',
      // A PSA and a how-to for anyone.
      'Pumpkin season PSA: lift with your legs, not your back!',
      // The practice offering a service: nobody's care.
      'We now offer allergy shots on Tuesday evenings.',
      // Conditional advice for anyone.
      'If you notice swelling after a filling, give us a call.',
      // Education with a generic subject.
      'Most people feel a little sore after their first adjustment.',
      // A question inviting everyone, not asking how this person is.
      'Is your teenager due for a sports physical?',
      // Privacy talk: names no one's care.
      "We can't discuss anyone's treatment here, but we'd love to talk by phone.",
      // An offer to new clients.
      'New client special: $9/unit Botox on your first visit with us!',
      // A free service the practice offers.
      'Free adjustments for three years, as many as you need.',
      // Community news about an illness going around.
      'Strep is going around Millbrook, so stay home if you are sick and wash those hands!',
      // Idioms, not symptoms.
      'We know the parking lot is a pain, and the new garage opens next spring.',
      // (Tears of joy.)
      "We're crying happy tears over here, thank you for sharing!",
      // The identifier "date of birth" is the personal-date rule's business.
      "Please don't put your date of birth in the comments!",
      // Education: a natural change for everyone.
      'Men: your testosterone naturally drops about 1% a year after 30.',
      // A school band, not a drug brand after "the".
      'Thank you to the Lakeview High band for the music, you made our health fair!',
      // A provider's surname that looks like a drug name.
      'Thanks! Dr. Frazier says hi to the whole team.',
    ],
  },
};

export default rule;
