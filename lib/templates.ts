/**
 * Approved reply templates (issue #5): what staff reach for instead of writing from scratch.
 *
 * Every shipped template follows the seed's approved wording ("Thank you for your feedback. We take
 * all patient concerns seriously. Please contact our office at [phone] or [email]...",
 * shared/seed lines 105-107): it never confirms that anyone is a patient, never mentions a visit,
 * a treatment or a bill, and moves every specific conversation offline. Placeholders come only from
 * the practice profile; there is deliberately no slot for the reviewer's or a patient's name.
 */
import { analyze } from '@/rules';
import type { Finding, PracticeProfile, RuleSettings } from '@/rules/types';
import type { CustomTemplate } from './settings';

/** The kinds of review a template answers, in the order the popup lists them. */
export const TEMPLATE_CATEGORIES = [
  { id: 'praise', label: 'Praise', hint: 'A happy review or a thank-you.' },
  { id: 'complaint-care', label: 'Complaint about care', hint: 'Unhappy with results, a provider or a procedure.' },
  {
    id: 'complaint-wait-staff',
    label: 'Complaint about wait or staff',
    hint: 'Waiting, scheduling, phones, courtesy.',
  },
  { id: 'billing', label: 'Billing complaint', hint: 'Bills, charges, insurance, refunds.' },
  { id: 'question', label: 'Question in comments', hint: 'Someone asks something publicly.' },
  { id: 'neutral-mixed', label: 'Neutral or mixed review', hint: 'Some good, some bad, or no clear tone.' },
  { id: 'non-patient', label: 'May not be a patient', hint: 'Job applicant, neighbour, vendor, passer-by.' },
  { id: 'legal-media', label: 'Legal threat or media', hint: 'Lawyers, complaints to boards, reporters.' },
  { id: 'crisis', label: 'Crisis', hint: 'Someone in distress, or a post going viral.' },
] as const;

/** The id of a template category. */
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number]['id'];

/** A shipped, approved reply template. */
export interface Template {
  id: string;
  category: TemplateCategory;
  title: string;
  text: string;
}

/** The placeholders a template may use; all come from the practice profile. */
export const PLACEHOLDERS = ['practice', 'phone', 'email', 'contact'] as const;

/** The human label of a category id (custom templates may carry an unknown one). */
export function categoryLabel(id: string): string {
  return TEMPLATE_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

/** True when `id` is one of the known template categories. */
export function isTemplateCategory(id: string): id is TemplateCategory {
  return TEMPLATE_CATEGORIES.some((c) => c.id === id);
}

/** The shipped library: approved, non-confirming replies, several wordings per category. */
export const templates: Template[] = [
  // Praise: thank without "your visit", "your care" or "welcome back" (all confirm a relationship).
  {
    id: 'praise-seed',
    category: 'praise',
    title: 'Thank you, delighted',
    // The seed's approved wording for positive reviews, verbatim.
    text: "Thank you for sharing your experience! We're delighted to hear about your positive outcome. Our team works hard to provide excellent care, and feedback like yours makes our day.",
  },
  {
    id: 'praise-kind-words',
    category: 'praise',
    title: 'Kind words',
    text: 'Thank you so much for the kind words! Everyone at {practice} works hard to make our office a welcoming place, and it means a lot to read this.',
  },
  {
    id: 'praise-glad',
    category: 'praise',
    title: 'Glad it was positive',
    // The seed's approved social-media wording.
    text: "Thank you for your feedback! We're glad you had a positive experience. Please reach out to our office directly if you ever have any questions.",
  },
  {
    id: 'praise-short',
    category: 'praise',
    title: 'Short and warm',
    text: 'What a lovely review to read. Thank you for taking the time to write it! The whole team at {practice} appreciates it.',
  },
  {
    id: 'praise-shared',
    category: 'praise',
    title: 'Shared with the team',
    text: "Thanks for taking a moment to post this. We've shared it with our team, and it truly made their day.",
  },

  // Complaint about care: never rebut, never discuss the case; move it offline.
  {
    id: 'care-seed',
    category: 'complaint-care',
    title: 'We take concerns seriously',
    // The seed's approved wording for negative reviews.
    text: 'Thank you for your feedback. We take all patient concerns seriously. Please contact our office at {phone} or {email} so we can address your concerns directly and work toward a resolution.',
  },
  {
    id: 'care-privately',
    category: 'complaint-care',
    title: 'Talk privately',
    text: "We're sorry to read this and we want to understand what happened. Privacy rules keep us from discussing any details here, so please {contact} and ask for our office manager.",
  },
  {
    id: 'care-standards',
    category: 'complaint-care',
    title: 'High standards',
    text: 'Thank you for raising this. We hold ourselves to high standards, and concerns like these are reviewed carefully by our leadership. We would welcome a private conversation; please {contact}.',
  },
  {
    id: 'care-listen',
    category: 'complaint-care',
    title: 'We want to listen',
    text: "This isn't what we want anyone to feel, and we'd like the chance to listen. Please {contact} so we can talk this through directly and away from a public forum.",
  },

  // Complaint about wait or staff: no "your wait", no "the day you came in".
  {
    id: 'wait-courtesy',
    category: 'complaint-wait-staff',
    title: 'Courtesy matters',
    text: 'Thank you for raising this. Courtesy and respect for everyone who contacts {practice} matter a great deal to us. We would like to hear more; please {contact}.',
  },
  {
    id: 'wait-time',
    category: 'complaint-wait-staff',
    title: "Everyone's time",
    text: "We value everyone's time and we're always working on how we schedule and communicate. Your feedback helps. If you're willing to share more, please {contact}.",
  },
  {
    id: 'wait-team',
    category: 'complaint-wait-staff',
    title: 'Shared with the manager',
    text: "Thank you for this feedback. We've passed it to our office manager, who would be glad to speak with you directly. Please call {phone} at a time that suits you.",
  },

  // Billing: nothing about a bill, a balance, an account or insurance of a person.
  {
    id: 'billing-private',
    category: 'billing',
    title: 'Billing questions, privately',
    text: 'Thank you for reaching out. Billing questions are best handled privately so that no personal details end up online. Please {contact} and ask for our billing team.',
  },
  {
    id: 'billing-clarity',
    category: 'billing',
    title: 'Clear costs matter',
    text: 'We want costs at {practice} to be clear and fair, and we take feedback like this seriously. Our billing team would be glad to help; please {contact}.',
  },
  {
    id: 'billing-email',
    category: 'billing',
    title: 'Write to billing',
    text: "We're sorry for the frustration. So that we can look into this properly and privately, please write to {email} or call {phone}, and our billing team will follow up.",
  },

  // Questions in comments: answer about the practice only, or invite a private conversation.
  {
    id: 'question-call',
    category: 'question',
    title: 'Happy to help',
    text: 'Thanks for asking! The quickest way to get an answer is to {contact}. Our front desk is happy to help.',
  },
  {
    id: 'question-general',
    category: 'question',
    title: 'General info, then privately',
    text: 'Great question. Our front desk can tell you about our hours, services and the plans we accept. For anything personal, please {contact} rather than sharing details here.',
  },
  {
    id: 'question-privacy',
    category: 'question',
    title: 'Keep details private',
    text: "Thanks for the question! To protect everyone's privacy, we don't discuss personal matters in comments. Please {contact} and we'll be glad to help.",
  },

  // Neutral or mixed: thank, acknowledge, invite.
  {
    id: 'mixed-improve',
    category: 'neutral-mixed',
    title: 'Always improving',
    text: "Thank you for taking the time to share your thoughts. We're always looking for ways to improve, and we'd welcome the chance to hear more. Please {contact}.",
  },
  {
    id: 'mixed-balanced',
    category: 'neutral-mixed',
    title: 'Thanks for the balance',
    text: "We appreciate the honest feedback, the good and the not-so-good. It helps our team at {practice} do better. If there's anything you'd like to discuss, please {contact}.",
  },
  {
    id: 'mixed-short',
    category: 'neutral-mixed',
    title: 'Short thanks',
    text: 'Thank you for the feedback. We read every review, and we would be glad to talk more; please {contact}.',
  },

  // May not be a patient: reply without confirming or denying anything about anyone.
  {
    id: 'nonpatient-business',
    category: 'non-patient',
    title: 'Jobs, vendors, business',
    text: 'Thank you for reaching out. For questions about employment, vendor services or any other business matter, please email {email} and the right person will follow up.',
  },
  {
    id: 'nonpatient-neighbour',
    category: 'non-patient',
    title: 'Good neighbour',
    text: "Thanks for flagging this. We want to be a good neighbour, and we'd like to hear more about this. Please {contact}.",
  },
  {
    id: 'nonpatient-general',
    category: 'non-patient',
    title: 'Whatever the reason',
    text: 'Thanks for your message. Whatever the reason you are getting in touch, we would rather talk directly than here. Please {contact}.',
  },

  // Legal threat or media: do not argue, do not explain, move offline.
  {
    id: 'legal-offline',
    category: 'legal-media',
    title: 'Not the place to discuss',
    text: 'We take concerns like this seriously. Privacy laws prevent us from discussing whether anyone is a patient, so we will not comment here. Please {contact} so the right person can respond directly.',
  },
  {
    id: 'legal-media-enquiries',
    category: 'legal-media',
    title: 'Media enquiries',
    text: 'Thank you for reaching out. Media enquiries can be sent to {email}, and we will respond as soon as we can.',
  },
  {
    id: 'legal-formal',
    category: 'legal-media',
    title: 'Formal and brief',
    text: 'We are unable to respond to this in a public forum. We would welcome a direct conversation; please {contact}.',
  },

  // Crisis: safety first, nothing about the person's health, no diagnosis.
  {
    id: 'crisis-help',
    category: 'crisis',
    title: 'Urgent help',
    text: 'If anyone reading this needs urgent help, please call 911 or go to the nearest emergency room. In the US you can also call or text 988, any time of day, to reach someone who can help right now.',
  },
  {
    id: 'crisis-reach-out',
    category: 'crisis',
    title: 'Reach out now',
    text: 'We want to make sure you are safe. Please call 911 if this is an emergency, or call or text 988 to talk with someone right away. You can also {contact}.',
  },
  {
    id: 'crisis-statement',
    category: 'crisis',
    title: 'Public statement',
    text: 'We are aware of the posts being shared and we are looking into this carefully. Privacy laws prevent us from commenting on whether anyone is a patient. Anyone with concerns is welcome to {contact}.',
  },
];

// ---------------------------------------------------------------------------------------------
// Filling placeholders

/** The {contact} phrase: a verb phrase that follows "please" ("call us at ... or email ..."). */
function contactPhrase(profile: PracticeProfile): string {
  const phone = profile.phone?.trim();
  const email = profile.email?.trim();
  if (phone && email) return `call us at ${phone} or email ${email}`;
  if (phone) return `call us at ${phone}`;
  if (email) return `email us at ${email}`;
  return 'call our office';
}

/**
 * Fills `{practice}`, `{phone}`, `{email}` and `{contact}` from the practice profile. Missing values
 * become generic wording ("our office", "call our office") and phrases built around them collapse
 * ("contact our office at {phone} or {email}" → "contact our office"), so no braces reach a reply.
 */
export function fillTemplate(template: Template | CustomTemplate | { text: string }, profile: PracticeProfile): string {
  const practice = profile.name?.trim();
  const phone = profile.phone?.trim();
  const email = profile.email?.trim();
  let text = template.text;

  // "at {phone} or {email}": keep whichever the practice has; drop the phrase if neither.
  text = text.replace(/\s+at\s+\{phone\}\s+or\s+(?:at\s+)?\{email\}/g, () => {
    const parts = [phone, email].filter(Boolean);
    return parts.length ? ` at ${parts.join(' or ')}` : '';
  });
  // "... write to {email} or call {phone}": keep the half the practice can answer.
  text = text.replace(/write to \{email\} or call \{phone\}/g, () => {
    if (email && phone) return `write to ${email} or call ${phone}`;
    if (email) return `write to ${email}`;
    if (phone) return `call ${phone}`;
    return 'call our office';
  });
  // "(reach us) at {phone}" with no phone: drop it rather than say "at our office".
  if (!phone) text = text.replace(/\s+at\s+\{phone\}/g, '');
  if (!email) text = text.replace(/\s+at\s+\{email\}/g, '');
  // "the {practice} team" with no name reads "our team".
  if (!practice) text = text.replace(/\bthe \{practice\} team\b/g, 'our team');
  // "can be sent to {email}" with no email: point at the office instead.
  if (!email) text = text.replace(/\b(?:sent|emailed|written) to \{email\}/g, 'sent to our office');
  if (!email) text = text.replace(/\bplease email \{email\}/g, 'please call our office');

  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    practice: practice || 'our office',
    phone: phone || 'our office',
    email: email || 'our office',
    contact: contactPhrase(profile),
  };
  text = text.replace(/\{(practice|phone|email|contact)\}/g, (_m, key: keyof typeof values, offset: number, whole) => {
    const value = values[key];
    // At the start of a sentence, the generic wording needs a capital ("Our office", "Call our office").
    const before = (whole as string).slice(0, offset);
    return /(^|[.!?]\s+)$/.test(before) ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
  return text.replace(/ {2,}/g, ' ').trim();
}

/** Placeholders in `text` that fillTemplate does not know (custom templates), e.g. `{name}`. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1] ?? '').filter((p) => !known.has(p));
}

// ---------------------------------------------------------------------------------------------
// Choosing a template for a review

const has = (text: string, re: RegExp) => re.test(text);
/** How many times `re` (a non-global pattern) matches in `text`. */
const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, 'g')) ?? []).length;

const CRISIS =
  /\b(suicid\w*|kill (?:my|him|her)self|end (?:my|it all)|want(?:ed)? to die|self[- ]harm\w*|overdos\w*|hurt (?:my|him|her)self|no reason to live|can'?t go on)\b/;
const LEGAL_MEDIA =
  /\b(lawyers?|attorneys?|lawsuits?|sue|suing|sued|legal action|court|malpractice|licens\w* board|dental board|medical board|state board|report(?:ing)? (?:you|this|them) to|hhs|ocr|hipaa complaint|the news|local news|news station|reporters?|journalists?|the press|media outlets?|tv station|better business bureau|bbb)\b/;
const NON_PATIENT =
  /\b(never (?:been|was) a patient|not a patient|never been (?:there|seen|in)|applied (?:for|to)|job (?:application|interview|posting|opening|offer)|interview(?:ed)? (?:for|with)|hiring|recruiter|neighbou?rs?|next door|parking lot|noise|vendor|sales ?rep|deliver(?:y|ies)|contractor|landlord|tenants?|dumpster)\b/;
const BILLING =
  /\b(bill(?:s|ed|ing)?|charg(?:e|es|ed|ing)|overcharg\w*|invoice\w*|insurance|insurer|copays?|co-pays?|deductible|payments?|paid|pay|refund\w*|collections?|price[ds]?|pricing|cost(?:s|ly)?|expensive|estimate\w*|balance|fees?|\$\d+)\b/;
const WAIT_STAFF =
  /\b(wait(?:ed|ing)?|waits|late|hours?|minutes?|rude\w*|receptionists?|front desk|front office|staff|unprofessional|attitude|hold|on hold|call(?:ed)? back|phones?|voicemail|reschedul\w*|cancel\w*|schedul\w*|manners|disrespect\w*|ignored|dismissive|condescending)\b/;
const CARE =
  /\b(pain\w*|hurt\w*|misdiagnos\w*|diagnos\w*|botched|infect\w*|worse|incompeten\w*|mistake\w*|treatment|procedure|surgery|crown|filling|root canal|extraction|tooth|teeth|prescri\w*|medication|meds|doctor|dr\.?|dentist|nurse|provider|therap\w*|x-?rays?|injur\w*|bleed\w*|swell\w*|results?)\b/;
const NEGATIVE =
  /\b(terrible|horrible|awful|worst|bad|poor|rude|never again|not recommend|wouldn'?t recommend|don'?t go|do not go|avoid|thanks for nothing|not happy|unhappy|not impressed|not satisfied|rip[- ]?off|ripped off|disappoint\w*|unprofessional|angry|upset|furious|scam|ridiculous|waste|overcharg\w*|incompeten\w*|botched|unacceptable|frustrat\w*|careless|ignored|lied|liars?|shame|zero stars|no stars|never again|never going back|never coming back|never return\w*|complain\w*|wrong)\b/;
const POSITIVE =
  /\b(great|amazing|awesome|best|love[ds]?|loving|recommend(?:ed)?|friendly|excellent|wonderful|fantastic|outstanding|kindness|caring|gentle|professional|thank(?:s| you)|helpful|happy|pleased|impressed|perfect|comfortable|welcoming|five stars|5 stars)\b/;
const QUESTION_START =
  /^(do|does|did|are|is|can|could|will|would|what|when|where|how|who|which|why|anyone know|any idea)\b/;

/** The star rating written into a review ("★★★★☆", "2 stars", "1/5"), if any. */
function starsOf(text: string): number | undefined {
  const filled = (text.match(/★/g) ?? []).length;
  if (filled) return filled;
  const m = /\b([0-5])(?:\.\d)?\s*(?:\/\s*5|stars?|out of 5)\b/.exec(text);
  if (m) return Number(m[1]);
  if (/\b(?:zero|no) stars?\b/.test(text)) return 0;
  return undefined;
}

/**
 * Guesses what kind of review `reviewText` is, to pick an approved reply: crisis and legal threats
 * first (they need the most careful answer), then non-patients, then complaints by topic, questions,
 * praise, and neutral or mixed as the safe default.
 */
export function classifyReview(reviewText: string | undefined): TemplateCategory {
  const text = (reviewText ?? '').toLowerCase().replace(/[’‘]/g, "'").trim();
  if (!text) return 'neutral-mixed';
  if (has(text, CRISIS)) return 'crisis';
  if (has(text, LEGAL_MEDIA)) return 'legal-media';
  if (has(text, NON_PATIENT)) return 'non-patient';

  const stars = starsOf(text);
  // "Would not recommend" is not praise: strip the negative phrases before looking for positive ones.
  const positive = has(text.replace(new RegExp(NEGATIVE.source, 'g'), ' '), POSITIVE);
  const negative = has(text, NEGATIVE) || (stars !== undefined && stars <= 2);
  const questionLike = /\?\s*$/.test(text) || has(text, QUESTION_START);

  if (questionLike && !negative) return 'question';
  if (stars !== undefined && stars >= 4 && !has(text, NEGATIVE)) return 'praise';
  if (positive && !negative) return 'praise';
  // A mixed review (some praise, some complaint, or a middling rating) gets a balanced reply.
  if ((positive && negative && (stars === undefined || stars >= 3)) || stars === 3) return 'neutral-mixed';
  if (negative) {
    // The topic with the most cues wins; on a tie billing, then wait/staff (the more specific replies).
    const scores: Array<[TemplateCategory, number]> = [
      ['billing', count(text, BILLING)],
      ['complaint-wait-staff', count(text, WAIT_STAFF)],
      ['complaint-care', count(text, CARE)],
    ];
    const [best, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
    // A complaint with no clear topic gets the seed's approved "we take all concerns seriously".
    return score > 0 ? best : 'complaint-care';
  }
  if (has(text, BILLING)) return 'billing';
  return 'neutral-mixed';
}

/** Shipped and custom templates of `category`, custom ones first (the practice's own choice). */
export function templatesFor(category: string, custom: CustomTemplate[] = []): Array<Template | CustomTemplate> {
  return [...custom.filter((t) => t.category === category), ...templates.filter((t) => t.category === category)];
}

/** Picks a template of `category`; `seed` walks through the variants ("Another wording"). */
export function pickTemplate(category: string, custom: CustomTemplate[] = [], seed = 0): Template | CustomTemplate {
  let pool = templatesFor(category, custom);
  if (!pool.length) pool = templatesFor('neutral-mixed', custom);
  const index = ((Math.trunc(seed) % pool.length) + pool.length) % pool.length;
  return pool[index]!;
}

/** The filled text of an approved template that suits the review; `seed` picks another variant. */
export function suggestTemplate(
  reviewText: string | undefined,
  profile: PracticeProfile,
  custom?: CustomTemplate[],
  seed = 0,
): string {
  return fillTemplate(pickTemplate(classifyReview(reviewText), custom, seed), profile);
}

/**
 * Checks a (custom) template with the rules, filled from the profile and as written: any finding
 * means it would leak or confirm something, so it is refused on save.
 */
export function checkTemplate(text: string, profile: PracticeProfile, settings?: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  const unfilled = unknownPlaceholders(text);
  if (unfilled.length) {
    // A placeholder we cannot fill (e.g. {name}) would reach the reply as braces, or invite a name.
    const at = text.indexOf(`{${unfilled[0]}}`);
    findings.push({
      ruleId: 'template-placeholder',
      category: 'identifiers',
      severity: 'block',
      start: at,
      end: at + (unfilled[0]?.length ?? 0) + 2,
      actual: `{${unfilled[0]}}`,
      message: `Templates may only use {practice}, {phone}, {email} and {contact}; "{${unfilled[0]}}" cannot be filled and there is no slot for a person's name.`,
    });
  }
  // Offsets of these findings are in the filled text; the options page shows `actual` and the message.
  findings.push(...analyze(fillTemplate({ text }, profile), { profile, settings }).findings);
  return findings;
}
