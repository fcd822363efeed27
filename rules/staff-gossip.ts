/**
 * Flags talk about specific patients that could identify them: "a celebrity patient today",
 * "the lady in room 3", "a client told us she fainted at the gym" (policy category 5).
 */
import type { SentenceContext } from './engine/context';
import { type Pattern, runPatterns } from './engine/cues';
import type { SentenceRule } from './engine/rule';

const MSG = 'This talks about a specific patient. Even without a name, details like this can identify them.';

const PERSON =
  '(?:patient|client|customer|lady|gentleman|guy|man|woman|girl|boy|kid|teen|toddler|baby|grandma|grandpa|granny|mom|mother|dad|father|couple|nurse|teacher|coach|player|star|celebrity|athlete|quarterback|pitcher|influencer|politician|anchor|singer|actor|actress|officer|firefighter|member|fella|dude|gal|senior|veteran|student|qb|regular|kiddo|principal|pastor|mayor|reporter|streamer|youtuber|rapper|model|reviewer|individual|resident|cyclist|runner|driver|biker|rider|skier|hiker|swimmer|golfer|worker|neighbor|tourist|visitor|stranger|frequent flyer)';

// A narrated event: past tense or a time anchor, not a policy ("a patient who needs ... should").
const narrated = (ctx: SentenceContext) =>
  ctx.past || ctx.anchored || /\b(?:walks|comes|shows) (?:in|up)\b/i.test(ctx.text);

/** Gossip patterns. */
export const PATTERNS: Pattern[] = [
  {
    // "our patient in bed 12", "the client in room 4": a patient located by bed or room.
    re: /\b(?:our|the|a|my) (?:[\w'-]+ ){0,2}?(?:patients?|clients?|residents?) in (?:bed|room|bay|chair|op|suite|exam room|stall) \w+/gi,
    message: MSG,
    severity: 'block',
  },
  {
    // "Our brave little patient today got two teeth pulled": one patient's day, narrated.
    re: /\bour (?:[\w'-]+ ){0,3}?(?:patient|client) (?:today|yesterday|this morning|this afternoon|tonight|just|got|had|was|is back)\b/gi,
    message: MSG,
    severity: 'block',
  },
  {
    // "our favorite marathoner who came in limping": someone's arrival, narrated.
    re: /\b(?:our|the|a|this|that) (?:[\w'-]+ ){0,2}?[\w'-]+ (?:who|that) (?:came|walked|rolled|hobbled|limped|was carried|was wheeled) in (?:with|for|limping|crying|bleeding|holding|on|today|yesterday|this|last)\b/gi,
    message: MSG,
    severity: 'block',
    when: (ctx) => !/\b(?:anyone|everyone|if|whether|whoever)\b/i.test(ctx.text),
  },
  {
    // "the regular from Elm Street is back again": a returning, locatable person.
    re: /\b(?:the|our|that) (?:[\w'-]+ ){0,2}?(?:frequent flyer|regular|guy|lady|gal|fella) (?:from|on|at) (?:[\w'-]+ ){1,3}?(?:is|was) back\b/gi,
    message: MSG,
    severity: 'block',
  },
  {
    re: /\b(?:celebrity|famous|vip|difficult|rude|angry|demanding|crazy|drunk|hilarious|sweet|cute|adorable|feisty|grumpy|needy|nightmare|certain|local) (?:patient|client|customer|lady|gentleman|guy|man|woman|grandma|grandpa|star|quarterback|athlete|celebrity|influencer|player|actor|actress|singer)s?\b/gi,
    message: MSG,
    when: (ctx, m) =>
      narrated(ctx) ||
      /\b(?:dealing with|had|saw|treated|rough|long)\b/i.test(ctx.text) ||
      /\b(?:a|one|another|this|that|the)\s+(?:very\s+|really\s+|so\s+)?$/i.test(
        ctx.text.slice(Math.max(0, m.index - 16), m.index),
      ),
  },
  {
    re: new RegExp(
      `\\b(?:the|this|that) (?:[\\w'-]+ ){0,3}?${PERSON}\\b[^.!?]{0,30}?\\b(?:was|were|had been|has been) (?:treated|seen|admitted|discharged|evaluated|examined|given|prescribed|diagnosed|brought|transported|transferred|airlifted|rushed|intubated|stitched|referred|dismissed|sedated|stabilized)\\b`,
      'gi',
    ),
    message: MSG,
    severity: 'block',
  },
  {
    re: new RegExp(
      `\\b(?:a|one|this|that|the|another) (?:[\\w'-]+ ){0,4}?${PERSON} (?:who|that|from|in (?:room|exam room|bay|bed|chair|the waiting|the lobby|crisis)|with the)\\b`,
      'gi',
    ),
    message: MSG,
    when: narrated,
  },
  {
    re: new RegExp(
      `\\b(?:a|one|this|that|the|another) (?:[\\w'-]+ ){0,2}?${PERSON} (?:[\\w'-]+ ){0,2}?(?:told|said|asked|came|walked|brought|argued|screamed|cried|yelled|fainted|passed out|showed|tried|hurt|broke|had|was|walks|comes|limped|rolled)\\b`,
      'gi',
    ),
    message: MSG,
    // ("a certain team member brought tamales": one of the staff.)
    when: (ctx, m) => narrated(ctx) && !/\bteam members?\b/i.test(m[0]),
  },
  {
    // Any person who came in today, by whatever noun ("una actriz", "el alcalde").
    re: /\b(?:hoy|ayer|esta manana|esta tarde|anoche) (?:vino|llego|estuvo|tuvimos|atendimos|vimos) (?:la|el|una|un|a la|al) [a-z]{3,}\b/gi,
    message: MSG,
  },
  {
    // "a famous guitarist", "a well-known news anchor": any notable person, narrated.
    re: /\b(?:a|an|one|this|the|another) (?:very |really |super )?(?:famous|celebrity|well-known|pro|professional|vip|big-name|reality) [\w-]+(?: [\w-]+)?\b/gi,
    message: MSG,
    when: (ctx) =>
      narrated(ctx) && /\b(?:in|came|was|stopped|walked|had|saw|treated|chair|today|this)\b/i.test(ctx.text),
  },
  {
    re: /\bour (?:[\w'-]+ ){0,3}?(?:patient|client|regular|customer)s? (?:who|with|from|that)\b|\b(?:my|our|your) (?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|morning|afternoon|first|last|next|new|favorite) (?:patient|client)(?= (?:falls|fell|is|was|came|comes|walked|walks|brought|cried|screamed|said|told|showed|asked|just|had|has|fainted|passed)\b)/gi,
    message: MSG,
    when: (ctx) => narrated(ctx) || /\b(?:falls|fell|brought|asleep|cried|screamed|said|told)\b/i.test(ctx.text),
  },
  {
    re: /\b(?:some|certain|a few) (?:patients|clients|people) (?:really )?(?:test|try|drive|push)\b|\byou know who you are\b/gi,
    message: MSG,
  },
  {
    re: new RegExp(
      `\\b(?:the|a|this|that) (?:[\\w'-]+ ){0,2}?${PERSON} (?:in|with|wearing) (?:the|a|an|his|her) (?:[\\w'-]+ ){0,4}?(?:who|that)\\b`,
      'gi',
    ),
    message: MSG,
    when: narrated,
  },
  {
    re: /\b(?:our|the|my) (?:favou?rite|fave|tuesday|monday|wednesday|thursday|friday|saturday|chair \d+|\d{1,2}(?::\d\d)?\s?(?:am|pm)?) (?:[\w-]+ ){0,2}?(?:frequent flyer|regular|klutz|patient|client|customer|guy|lady|gal|kiddo|family)\b|\bthe \d{1,2}(?::\d\d)?\s?(?:am|pm)? (?:cancels|canceled|cancelled|shows up|showed up|no-?shows?|is late|was late)\b|\b(?:somebody|someone)'s (?:grandpa|grandma|mom|dad|kid|son|daughter|husband|wife)\b|\b(?:the )?(?:lady|man|guy|woman|gentleman|kid) in (?:room|op|bay|chair|exam room) \w+\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:\d+|two|three|four|five|six|all|several|both) (?:of (?:our|the) )?(?:[\w-]+ )?(?:patients|clients|babies|kids) (?:are|were|was|overdosed|died|came|had|got|stable|in)\b|\bone of (?:the|our) [\w-]+s who\b|\bour (?:[\w'-]+ ){0,3}?(?:guy|lady|gal|fella) (?:from|who|with)\b|\b(?:had|have) (?:the|a|our) (?:[\w'-]+ ){0,2}?(?:mayor|coach|principal|pastor|anchor|celebrity|star|senator|councilman|councilwoman) in\b|\ba certain (?:famous|local|well-known|celebrity|big-name)\b(?! (?:[\w-]+ )?(?:crew|station|channel|newspaper|paper|business|bakery|restaurant|company|school|church|team)\b)|\ba certain (?:[\w-]+ ){0,2}?(?:anchor|star|celebrity|athlete|player|singer|actor|actress|politician|influencer|coach)\b/gi,
    message: MSG,
    when: (ctx) =>
      narrated(ctx) || /\b(?:today|tonight|this|again|in|every|still|stable|critical|recovering)\b/i.test(ctx.text),
  },
  {
    re: /\b(?:dealing with|dealt with|survived) (?:that|this|the|another|a) (?:[\w'-]+ ){0,2}?(?:mom|dad|lady|guy|man|woman|family|kid|patient|client)\b/gi,
    message: MSG,
  },
  {
    re: /\bour \d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.|o'clock)\b|\bour (?:mon|tues|wednes|thurs|fri|satur|sun)day (?:\d{1,2}(?::\d\d)?(?:\s?(?:am|pm))?|regular)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day's \d{1,2}(?::\d\d)?(?: o'clock)?\b|\bthe (?:twins|kid|kids|family|guy|lady|gentleman|couple) at \d{1,2}(?::\d\d)?\b|\ba certain (?:[\w-]+ ){0,2}?(?:anchor|star|celebrity|athlete|player|singer|actor|actress|politician|influencer|coach|someone|somebody|person)\b/gi,
    message: MSG,
  },
  { re: /\bguess who (?:was|came|stopped|is|walked|sat)\b/gi, message: MSG },
  { re: /\bwe(?:'ll| will)? never tell\b/gi, message: MSG },
  {
    re: new RegExp(
      `\\b(?:we|i) (?:had|saw|treated|got|met) (?:a|an|one|this|the|another) (?:[\\w'-]+ ){0,3}?${PERSON}\\b`,
      'gi',
    ),
    message: MSG,
    when: narrated,
  },
  {
    re: /\b(?:\d+|two|three|four|five|several|some|half|a few|many) of (?:the|our) (?:[\w-]+ ){0,4}?(?:players|students|kids|members|team|employees|firefighters|officers|teachers|nurses|cheerleaders|athletes)\b[^.!?]{0,40}?\b(?:are|were) (?:on our|in our|patients|clients|seeing us|coming|in for)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:survived|dealing with|dealt with) (?:a|another|one|the) (?:[\w'-]+ ){0,2}?(?:patient|client|customer)\b/gi,
    message: MSG,
  },
];

const rule: SentenceRule = {
  id: 'staff-gossip',
  description: 'Talk about a specific patient ("a celebrity patient today", "the lady in room 3").',
  rationale:
    'The seed: "We saw a celebrity patient today!" violates HIPAA even without a name; context clues identify people.',
  category: 'staff-gossip',
  defaultSeverity: 'block',
  scope: 'sentence',
  check: (ctx) => runPatterns(ctx, PATTERNS),
  examples: {
    flag: [
      'We had a famous guitarist in the chair this afternoon!',
      'The gentleman in exam room 2 kept us laughing all morning.',
      'One client told us she fainted at her own wedding.',
    ],
    pass: [
      // One of the staff, not a patient.
      'A certain team member brought homemade tamales to huddle today!',
      // A policy about patients in general, nothing happened to anyone.
      'A patient who needs urgent care after hours should call our on-call line.',
      // Plural, generic.
      'Patients under 18 need a guardian present.',
      // Staff news.
      'Our team had a great time at the charity run this morning.',
      // A news crew is an organization, not a patient.
      'Our team got a surprise visit today from a certain local news crew doing a story on vision screenings.',
    ],
  },
};

export default rule;
