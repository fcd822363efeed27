/**
 * Flags wording that confirms the reader is, was or will be a patient: visits, meeting them,
 * seeing them again, "welcome back", "your appointment" (policy category 1).
 */
import { credential, groupOwned } from './care-detail';
import type { SentenceContext } from './engine/context';
import { EXPLAINER, type Pattern, possessorOf, runPatterns } from './engine/cues';
import type { RuleFinding, SentenceRule } from './engine/rule';
import { SAFE_THANKS } from './engine/wording';

const KIN =
  '(?:little ones?|son|daughter|kids?|kiddo|children|child|baby|family|husband|wife|partner|mom|dad|mother|father|grandma|grandpa|grandmother|grandfather|boys?|girls?|twins|sister|brother)';
const MSG = 'This confirms the reviewer is a patient, which is itself private health information.';
const KIDS =
  '(?:little ones?|son|daughter|kids?|children|child|baby|family|husband|wife|mom|dad|boys?|girls?|twins|grandkids|pup)';

/** Visits that are not for care: interviews, deliveries, installs, service calls. */
const NOT_CARE_VISIT =
  /\b(?:interview|applicants?|hiring|r[eé]sum[eé]|deliver(?:y|ies)|install(?:ation)?|service (?:visit|call|tech)|vendor|contractor)\b/i;

/** Patterns of the relationship, on the normalized sentence (all case-insensitive, linear). */
export const PATTERNS: Pattern[] = [
  {
    // A future visit of this reader: "looking forward to your yearly checkup", "see you at your 3 o'clock".
    re: /\b(?:look(?:ing)? forward to|see (?:you|y'all)(?: and [\w.]+(?: [\w.]+)?)? at|ready for|all set for|prepped for|reminder about|confirm(?:ing|ed)?) your (?:[\w-]+ ){0,2}?(?:check(?:-?up)?|checkups?|visit|appointment|appt|cleaning|session|follow[- ]up|consult(?:ation)?|exam|adjustment|fitting|recall|slot|\d{1,2}(?::\d\d)?\s?(?:am|pm|o'clock))\b/gi,
    message: MSG,
  },
  {
    // Someone's appointment named by its time: "your 10am", "her 3 o'clock".
    re: /\b(?:your|his|her|their) (?:\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|(?:\d{1,2}(?::\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o'clock)(?! (?:deadline|call|meeting|webinar))/gi,
    message: MSG,
    when: (ctx) => !/\b(?:book|schedule|pick|choose|grab|request|reserve)\b/i.test(ctx.text),
  },
  {
    // Staff greet the reader: "our hygienist Priya says hi", "Dr. Lee sends her best".
    re: /\b(?:(?:our|the) (?:[\w-]+ ){0,2}?(?:hygienists?|nurses?|doctors?|assistants?|therapists?|receptionists?|techs?|technicians?|providers?|dentists?|surgeons?|injectors?|coordinators?|manager|front desk|office)|dr\.?)(?: \p{Lu}[\p{L}'-]+)? (?:says|say|sends|send) (?:hi|hello|hey|love|hugs|their best|his best|her best|regards)\b(?! to (?:all|every(?:one|body)|the whole|our|the (?:town|neighborhood|community))\b)/giu,
    message: MSG,
  },
  {
    // "thanks for you being such a champ", "you being so patient with the needles".
    re: /\byou being (?:such |so )?(?:a |an )?(?:trooper|champ|rockstar|brave|good sport|patient with|great sport)\b/gi,
    message: MSG,
  },
  {
    // Holding the reader's place: "keeping your spot warm", "we saved your chair".
    // (Not the imperative "Save your spot online!", a booking call to action.)
    re: /\b(?:(?:we(?:'re|'ll| are| will)? )?keep(?:ing)?|hold(?:ing)?|saved|saving) your (?:spot|seat|chair|slot|place|room)\b/gi,
    message: MSG,
  },
  {
    // Glad about the reader's convenience or recovery: "glad the new office is closer for you",
    // "so glad you can finally eat again".
    re: /^\W*(?:[\w']+ ){0,3}?(?:glad|happy|thrilled|relieved|so good to hear|great to hear)\b[^.!?]{0,60}?\b(?:(?:closer|easier|quicker|shorter|more convenient) for (?:you|u)|(?:you|u) (?:can|could|are able to) (?:finally |now )?(?:[\w-]+ ){1,3}?(?:again|anymore)|(?:you|u)(?:'re| are| r) (?:finally |now )?(?:[\w-]+ ){0,2}?(?:again|anymore|no longer)|(?:you|u)(?:'re| are| r) (?:finally )?back (?:in|on|to|at)\b|(?:you|u)(?: and (?:the|your) [\w-]+)?(?:'re| are| r) (?:both |all )?(?:home|doing (?:well|great|better)|on the mend|up and about|back on your feet))\b/gi,
    message: MSG,
  },
  {
    // How long this reader sat waiting: "sorry you were stuck in the lobby so long".
    re: /\byou (?:were|got) (?:stuck|left|kept|sitting) (?:in|waiting|out|there)\b/gi,
    message: 'How long a specific person waited is a detail of their visit.',
    severity: 'block',
  },
  {
    // Their own provider or progress: "the therapist you worked with", "you've made so much progress".
    re: /\b(?:the|your) (?:[\w-]+ )?(?:therapist|doctor|hygienist|nurse|provider|dentist|counselor|surgeon|trainer|assistant|injector|coach) (?:you|u) (?:worked with|saw|see|had|were seeing|met|liked)\b|\byou(?:'ve| have) made (?:so much|such|great|real|huge|amazing|incredible|a lot of) (?:[\w-]+ )?progress\b/gi,
    message: MSG,
  },
  {
    // What happened to this reader at the office, or a call about their own results:
    // "you were turned away at the desk", "Dr. Shah will call you about the report".
    re: /\byou were (?:turned away|sent home|sent away|checked in|rushed|bumped|double-booked|rescheduled|squeezed in|seen)\b|\b(?:call|text|email|phone|ring) you (?:back )?(?:about|with|regarding) (?:the|your) (?!concerns?\b|feedback\b|review\b|experience\b|comments?\b|questions?\b|options\b)|\byour (?:[\w-]+ ){1,4}?(?:is|are) (?:ready (?:for pick-?up|to pick up)|(?:waiting )?at the front desk)\b/gi,
    message: MSG,
  },
  {
    // Remembering this reader at earlier visits: "we remember how nervous you were".
    re: /\b(?:we|i|everyone|the team) (?:still )?remember(?:ed)? (?:how|when|that|the day) (?:you|u|your)\b|\blook at you now\b/gi,
    message: MSG,
  },
  {
    // A feeling about how this visit went compared with others: "glad check-in was quicker this time".
    re: /^\W*(?:[\w']+ ){0,3}?(?:glad|happy|sorry|thrilled|relieved)\b[^.!?]{0,60}?\b(?:this time|that time|on this visit)\b/gi,
    message: MSG,
    // ("Sorry the MA job didn't work out this time": an applicant.)
    when: (ctx) => !NOT_CARE_VISIT.test(ctx.text) && !/\b(?:job|position|application)s?\b/i.test(ctx.text),
  },
  {
    // The reader or their people at the office, met in person, or on their way in:
    // "loved having your boys in the lobby", "nice to put a face to the name", "the drive in".
    re: /\b(?:having|seeing|meeting) your (?:[\w-]+ ){0,2}?(?:in|at) (?:the|our) (?:waiting room|lobby|office|chair|clinic|exam room)\b|\bput a face to (?:the|your) name\b|\bthe (?:drive|trip|ride|walk|commute) (?:in|over|here)\b(?=[^.!?]*\b(?:today|this morning|this afternoon|yesterday|wasn't|was|were)\b)|\b(?:thanks|thank you) for sticking with (?:dr\.?|doctor|our|us)\b/gi,
    message: MSG,
  },
  {
    // Something kept for this reader: "saved you the corner chair", "the 7pm slot open for you".
    re: /\b(?:saved|saving|held|holding|reserved|reserving|kept|keeping|we'll save|we'll hold|i'll save|i'll hold) (?:you|u|y'all) (?:a|the|your)\b(?! (?:slice|piece|plate|cupcake|cookie|donut|treat|bite|taco|cup)s?\b)|\b(?:keep|hold|save|reserve|leave)\b[^.!?]{0,40}?\b(?:slot|spot|chair|seat|time|appointment|room)s? (?:open |free |reserved |available )?for (?:you|u|y'all)\b/gi,
    message: MSG,
  },
  {
    // Attendance narrated: "you and Sam showed up every week", "your son who drove you in".
    re: /\byou (?:and \w+ |both |two |guys )?(?:showed up|came in|kept showing up|kept coming|came every|never missed)\b|\b(?:drove|brought|walked|wheeled) you in\b|\bsay (?:hi|hello) to your (?:[\w-]+ )?(?:son|daughter|kids?|husband|wife|partner|mom|dad|mother|father|family|sister|brother|grandma|grandpa)\b/gi,
    message: MSG,
  },
  {
    // Someone said to be a patient here: "Deb's mom is a patient here too", "you're one of our clients".
    // (Not anyone who is: "every child who is a patient here", "whether someone is a patient here".)
    re: /\b(?:is|are|'s|'re) (?:also |still )?(?:a |one of our |our )(?:patients?|clients?)(?: here| of ours| with us| too)\b/gi,
    message: MSG,
    when: (ctx, m) =>
      !/\b(?:who|whether|if|anyone|everyone|anybody|someone|somebody|any (?:individual|person|one))\b/i.test(
        ctx.text.slice(Math.max(0, m.index - 40), m.index),
      ),
  },
  {
    // Someone's start as a patient, told in a post about them: "Hector first came to us as a patient",
    // "she started here as a patient after her car accident", "she was once a patient here herself".
    re: /\b(?:(?:first )?came to us|started (?:here|with us|out here|out with us)) as (?:a |an |our )?(?:patient|client)\b|\b(?:she|he|they) (?:was|were) (?:once|first|originally) (?:a |one of our )?(?:patients?|clients?)(?: here| of ours| with us)?\b/gi,
    message: MSG,
  },
  {
    // Forms and paperwork kept for this reader: "your intake forms are already on file".
    re: /\byour (?:[\w-]+ ){0,2}?(?:paperwork|forms?|intake|history|records?|chart|card|insurance) (?:is |are )?(?:already |still |now )?on file\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:thanks|thank you)(?: so much| again)? for (?:coming in|coming by(?! (?:our|the) (?:booth|table|tent|stand)\b)|coming back|coming to see us|stopping by(?! (?:our|the) (?:[\w-]+ )?(?:booth|table|tent|stand|page|post|profile|feed|channel|website|site|blog|open house|thrift store|shop|event|party|fair|grand opening|ribbon cutting|bake sale|drive)\b)|stopping in|visiting(?! (?:our|the) (?:booth|table|tent|stand|page|post|profile|feed|channel|website|site|blog)\b)(?: us| our \w+)?|choosing us|trusting (?:us|our (?:[\w-]+ )?(?:team|staff|doctors?|providers?|clinicians?|nurses?))|sticking with us|staying with us|letting us (?:care for|treat|help|take care|be part(?! of (?:so many|the|this|our) (?:[\w-]+ )?(?:families|community|communities|neighbou?rhood|town|city)\b)|see)|being (?:a|our|such a) (?:\w+ )?(?:patient|client)|being (?:with|part of) (?:us|our (?:practice|clinic|office|family|team))|your visit|bringing (?:in )?your)/gi,
    message: MSG,
    suggestion: SAFE_THANKS,
  },
  {
    // Not a colleague back from leave: "Welcome back, Dr. Lin!", "Welcome back to our front desk, Jess!".
    re: /\bwelcome (?:back\b(?!,?\s+(?:(?:to\s+)?(?:our|the)\s+(?:team|front desk|staff|crew)\b|(?:Dr|Doctor|Nurse|Coach)\b|to\s+(?:all|every|everyone)\b|from\s+(?:(?:maternity|paternity|parental|family)\s+)?leave\b|from\s+(?:(?:his|her|their)\s+)?sabbatical\b))|to (?:the|our) (?:practice|family|clinic|office))\b/gi,
    message: MSG,
    suggestion: SAFE_THANKS,
  },
  {
    re: /\b(?:enjoyed|enjoy|loved|love|adored|liked|miss|missed)\s+(?:meeting|seeing|having|treating|working with|caring for|taking care of|catching up with|chatting with|talking with|visiting with)\s+(?:you|y'all)\b/gi,
    message: MSG,
  },
  { re: new RegExp(`\\b(?:loved|adored|enjoyed|love) (?:meeting |seeing )?your ${KIDS}\\b`, 'gi'), message: MSG },
  {
    re: /\b(?:pleasure|privilege|honou?r|joy|treat|blast)\s+(?:of\s+)?(?:having|seeing|caring for|treating|serving|meeting|working with|taking care of)\s+(?:you|y'all)\b/gi,
    message: MSG,
  },
  {
    // A day of theirs, told back: "so glad Thursday went smoothly", "we're sorry Monday was
    // frustrating", "glad this morning went well", "your time with us yesterday".
    re: /\b(?:glad|happy|sorry|thrilled|delighted|(?:great|good|nice) to hear)\b[^.!?]{0,25}?\b(?:(?:last |this past )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|afternoon|evening|night))?|this morning|this afternoon|yesterday|last night)(?:'s (?:visit|appointment|wait))? (?:went|was|wasn't|didn't|felt|turned out|ran|worked)\b|\byour (?:time|visit) with us (?:yesterday|today|this morning|last week|(?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:since|when) you were (?:here|in) (?:yesterday|today|this morning|last week|(?:on |last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/gi,
    message: MSG,
  },
  {
    // Visits that happened before: "another positive experience", "with us once again", "let you
    // down again", "the wait was long again".
    re: /\b(?:had |have |on )?(?:yet )?another (?:positive |good |great |wonderful |smooth )?(?:experience|visit|appointment) (?:with us|here|at our)\b|\b(?:had|have) (?:yet )?another (?:positive |good |great |wonderful |smooth )?(?:experience|visit)\b|\b(?:experience|visit|time) with us (?:once (?:again|more)|again|yet again)\b|\b(?:let you down|(?:the )?wait was (?:long|longer)|this happened) (?:again|a second time)\b|\bonce again for your (?:loyalty|trust|continued)\b/gi,
    message: MSG,
  },
  {
    // The reader's family told back as patients: "glad your daughter had a positive experience",
    // "so glad your mom is doing better", "sorry your wife had a frustrating evening".
    re: /\b(?:glad|happy|sorry|delighted|thrilled)\b[^.!?]{0,20}?\byour (?:daughter|son|mom|mother|dad|father|wife|husband|kids|kid|little (?:one|guy|girl)|child|children|grandma|grandpa|parents?|twins|baby)(?:'s)? (?:(?:both )?(?:had|has|was|were|is doing|are doing|experience|visit|appointment|felt|feels|went))\b/gi,
    message: MSG,
  },
  {
    // Thanks that run on from earlier visits: "thanks so much, as always!", "as always, a pleasure".
    // ("As always, privacy rules mean..." and "100% pass rate, as always" are about the practice.)
    re: /\b(?:thanks|thank you|ty|thx)\b[^.!?]{0,40}?\bas always\b|\bas always\b[,!]?\s(?:(?:it(?:'s| is| was) )?(?:a (?:pleasure|joy|treat)|so (?:nice|good|great) to (?:see|hear from)|great to (?:see|hear from)|good to (?:see|hear from)|nice to (?:see|hear from))|(?:thanks|thank you))\b/gi,
    message: MSG,
    suggestion: SAFE_THANKS,
  },
  {
    re: /\b(?:see|seeing) (?:you|y'all)(?: all| both| two| guys)? (?:again|next|back|soon|then|at (?:your|the|our) next|for your|in (?:a|an|\d+|one|two|three|four|six|a few|the) \w+|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this (?:week|month|spring|summer|fall|winter)|on (?:the|your|\w+days?)|in (?:jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec)\w*)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:we'll|we will|can't wait to|cannot wait to|look forward to|looking forward to)\s+(?:see|seeing|treating|caring for)\s+(?:you|y'all)\b/gi,
    message: MSG,
  },
  { re: /\bsee you (?:all|both) (?:next|again|soon|in)\b/gi, message: MSG },
  {
    re: /\b(?:you )?(?:finally )?gave us a (?:try|chance|shot)\b|\b(?:provider|patient|appointment|doctor) (?:before|after) you\b|\b(?:said|says|told us) (?:that )?you(?:'ve| have)? (?:two |both )?(?:had|were|are|looked|seemed|been|did)\b/gi,
    message: MSG,
  },
  { re: /\bcome (?:see|visit) us again\b|\b(?:says|said) you (?:were|are) (?:the|so|such)\b/gi, message: MSG },
  {
    // Calling the reviewer "the patient": "the patient who left this review", "this client's review".
    re: /\b(?:the|this|that|our) (?:patient|client|customer)s? (?:who|that) (?:left|wrote|posted|submitted|shared|is writing|writes)\b|\b(?:this|the) (?:patient|client)'s (?:review|post|comment)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:great|nice|good|lovely|wonderful|fun|awesome|so good|a pleasure|a joy|a treat) (?:seeing|meeting|having|to see|to meet|to have|catching up with|chatting with|working with) (?:you|y'all)\b/gi,
    message: MSG,
  },
  { re: /\bwhen you (?:came|come|were|visited|stopped|checked|arrived|walked|first came)\b/gi, message: MSG },
  { re: /\byou came (?:in|by|back|to (?:us|see us|our))\b/gi, message: MSG },
  {
    re: /\b(?:we|i) (?:last |first |recently |just )?(?:saw|treated|examined|met|have seen|have treated|were seeing|were treating) (?:you|y'all)\b|\bwe (?:miss|missed) (?:you|seeing you|having you)\b|\bsince (?:we|you) last (?:saw|visited|came|were)\b/gi,
    message: MSG,
  },
  {
    re: /\byou(?:'ve| have)? been (?:coming|seeing us|a patient|a client|with us|in to see)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:coming|came|come) (?:here|in|to us|to see us) for (?:\d+|many|so many|a few|over|the past|years)\b/gi,
    message: MSG,
  },
  { re: /\b(?:coming|came) in for (?:their|his|her|your|a|an|the)\b/gi, message: MSG },
  {
    re: /\b(?:having|have|had) (?:you|y'all) (?:back|in the chair|in our chair|as (?:a|our|part|one)|with us|here|in)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:one of )?our (?:long-?time|long-?term|long-?standing|longtime|loyal|valued|regular|favou?rite|sweetest|bravest|oldest|returning) (?:patients?|clients?|members?)\b/gi,
    message: MSG,
  },
  {
    // The reader as one of the practice's patients: "as a longtime patient, you ...", "thank you for
    // being part of our patient family".
    re: /\bas a (?:long-?time|long-?term|loyal|regular|returning|valued) (?:patient|client)\b(?=[^.!?]*\byou)|\b(?:you(?:'re| are)|being|been) (?:a )?part of our (?:patient|client) family\b/gi,
    message: MSG,
  },
  { re: /\bas (?:a|one of our|our) (?:\w+ )?(?:patients?|clients?) of ours\b/gi, message: MSG },
  { re: /\byour (?:new )?(?:medical|dental|healthcare|health care|chiropractic) home\b/gi, message: MSG },
  { re: /\b(?:you chose|you've chosen|you picked|choosing) us\b/gi, message: MSG, suggestion: SAFE_THANKS },
  // "We appreciate your family choosing our practice": the reader's household picked us for care.
  {
    re: /\b(?:you|y'all|your (?:whole )?(?:family|families|kids|children|household|son|daughter|husband|wife|mom|dad|parents?)) (?:chose|choosing|picked|picking|selected|selecting|(?:have|has|had) (?:chosen|picked|selected)) (?:us|our (?:practice|office|clinic|team|center|group))\b/gi,
    message: MSG,
    suggestion: SAFE_THANKS,
  },
  {
    re: /\bcontinu(?:e|ing) (?:to )?(?:support|see|treat|care for|work with|working with|supporting|seeing|treating|caring for) (?:you|y'all)\b/gi,
    message: MSG,
  },
  { re: /\b(?:fit|get|got|squeeze|squeezed) (?:you|y'all) in\b/gi, message: MSG },
  {
    re: new RegExp(
      `\\bhow (?:grown[- ]up|big|tall|much) your ${KIDS} (?:are|is|have|has) (?:getting|gotten|grown)\\b`,
      'gi',
    ),
    message: MSG,
  },
  { re: /\b(?:he|she|they) (?:was|were) so (?:brave|good|sweet|strong)\b/gi, message: MSG },
  { re: /\b(?:you|your \w+) (?:crushed|rocked|nailed|killed) it\b/gi, message: MSG },
  { re: /\bkeep up the (?:hard|great|good) work\b/gi, message: MSG },
  {
    re: new RegExp(
      `\\b(?:honou?r|privilege|pleasure|joy|blessing) (?:to care for|caring for|to treat|treating|to serve|serving|to help|helping|to work with|working with) your ${KIN}\\b|\\b(?:can't wait|cannot wait|look forward|looking forward) to (?:see|seeing) (?:the whole family|you all|the kids|your ${KIN})\\b`,
      'gi',
    ),
    message: MSG,
  },
  {
    re: /\b(?:thanks|thank you) for (?:making the (?:trip|drive)|referring (?:your|a|us)|bringing (?:the|those|in|us)(?![^.!?]{0,40}\battention\b)|being (?:one of )?(?:our|a) (?:[\w-]+ ){0,2}?(?:patients?|clients?|families|members?))\b(?! of (?:our|the) (?:online|facebook|instagram|social|tiktok|youtube)\b)|\b(?:\d+|many|so many|all these|ten|twenty) years with us\b/gi,
    message: MSG,
    // A staff member's work anniversary: "Hygienist Brenda just hit 20 years with us",
    // "Congrats to Dr. Ramirez on 10 years with us" (not "Congrats on 2 years with us!" to the reader).
    when: (ctx, m) => !STAFF_MILESTONE_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 80), m.index)),
  },
  {
    re: /\b(?:we|everyone|our (?:[\w-]+ ){0,2}?(?:team|staff|receptionist|front desk|hygienist|doctor|nurses?)) (?:still )?remembers? you\b/gi,
    message: MSG,
  },
  {
    re: new RegExp(
      `\\b(?:tell|give) your ${KIN} (?:we said |that we said )?(?:hi|hello|hey|our best|a hug)\\b|\\byour ${KIN} (?:is|was|are|were) (?:such |always |so )?(?:a |an )?(?:champ|trooper|star|rockstar|sweetheart|delight|joy|angel|hoot|riot|so well behaved|so brave|so sweet)\\b`,
      'gi',
    ),
    message: MSG,
  },
  {
    re: new RegExp(
      `\\byour ${KIN} (?:[\\w-]+ )?(?:asked|loved|wanted|picked|chose|drew|sat|cried|laughed|smiled|told us|brought|did great|did so well)\\b`,
      'gi',
    ),
    message: MSG,
  },
  {
    re: /\b(?:you were|you're|you are) (?:such )?(?:a |an )?(?:delight|joy|pleasure|sweetheart|champ|trooper|rockstar|family here|one of us)\b|\byou're family\b/gi,
    message: MSG,
    // ("You're a rockstar for leaving a review": praise for the review, not for a visit.)
    when: (ctx, m) =>
      !/^\W{0,3}for (?:leaving|writing|sharing|posting|taking the time)\b/i.test(ctx.text.slice(m.index + m[0].length)),
  },
  {
    re: /\b(?:looking forward to|see you|until|till|have it ready|ready for you|ready(?: for)?) next time\b|\bnext time you(?:'re| are) in\b(?! the (?:neighbou?rhood|area))|\b(?:it's|it has) been too long\b|\bdon't be a stranger\b|\bmiss your (?:smile|face|laugh)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:ran|running|were running) (?:late|behind) (?:on|for) you\b|\b(?:for you|you) (?:[\w-]+ ){0,4}?(?:this|last) time\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:glad|happy|so glad) you found us(?! (?:helpful|useful|informative|interesting|entertaining|funny))\b|\b(?:your|his|her) (?:[\w-]+ )?(?:card|payment|insurance|chart|records?|address|number|phone|email|account|x-rays?|photos?|consent|forms?|prescriptions?) (?:[\w-]+ )?on file\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:feeling|feel|doing) better (?:after|since) (?:\w+day|yesterday|the|your)\b|\bcome (?:back|see us|in) (?:in|again in) (?:\d+|a few|six|three|two)[\w-]* (?:months?|weeks?)\b/gi,
    message: MSG,
  },
  {
    re: /\byour (?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day) (?:yesterday|today|appointment|slot|visit|mornings?|afternoons?|sessions?)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:you're|you are) (?:now )?(?:part|a member|one) of (?:the|our) (?:practice|family|clinic|office|patient family)\b|\bwelcome aboard\b/gi,
    message: MSG,
  },
  { re: /(?:^|\b(?:we|i|everyone|all|already)\s)(?:miss|missing) (?:you|ya|y'all)\b/gi, message: MSG },
  {
    re: /\b(?:our|the|your) (?:[\w&-]+ ){0,2}?(?:team|staff|crew|front desk|nurses|girls|gang) (?:says|say|sends|send) (?:hi|hello|hey|love|their best)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:our|the) (?:[\w&-]+ ){0,2}?(?:team|staff|nurses|doctors) (?:is|are) (?:thinking of|praying for|rooting for|cheering for|here for) you\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:thanks|thank you)(?: so much| again)? for (?:coming|visiting|stopping)(?: in| by| out)? to (?:our|the) (?!(?:[\w-]+ )?(?:fair|event|open house|party|bash|picnic|celebration|gala|cookout|bbq|parade|carnival|luncheon|mixer|meetup|booth|fundraiser|drive|festival|seminar|class|webinar|5k|run|walk|career day|talk)(?![\w-]))[\w-]+/gi,
    message: MSG,
    suggestion: SAFE_THANKS,
  },
  {
    re: /\b(?:value|appreciate|love|treasure) you as (?:a|our|one of our) (?:\w+ )?(?:patients?|clients?|members?)\b/gi,
    message: MSG,
  },
  { re: /\bcontinu(?:e|ing) (?:to serve|serving|to care for|caring for|to treat|treating) your\b/gi, message: MSG },
  {
    re: /\bkept you waiting\b|\byour (?:request|decision) to (?:switch|change|transfer|see|reschedule|cancel|stop|move)\b/gi,
    message: MSG,
  },
  {
    re: /\bwelcom(?:e|ed|ing) (?:your|the|baby|little) (?:new |little |sweet |beautiful )?(?:baby|daughter|son|twins|little one|bundle of joy|boy|girl)\b|\binto the world\b/gi,
    message: MSG,
    when: (ctx) => /\b(?:you|your|baby|born)\b/i.test(ctx.text),
  },
  {
    re: /\b(?:great|nice|good|awesome|amazing|fantastic) (?:job|work|session|effort)\b(?=[^.!?]{0,40}\b(?:today|yesterday|tonight|this (?:morning|afternoon|week)|last (?:week|time|session))\b)/gi,
    message: MSG,
  },
  {
    re: /\b(?:in|back in|out of) (?:the|our) (?:chair|waiting room|exam room) (?:today|yesterday|this)\b/gi,
    message: MSG,
  },
  {
    re: /\b(?:your|his|her) (?:first|last|next|recent|latest|upcoming|annual) (?:time|day) (?:with us|here|in)\b/gi,
    message: MSG,
  },
  { re: /\breward points\b/gi, message: MSG, when: (ctx) => /\byour\b/i.test(ctx.text) },
  { re: /\bwas in (?:the|our) (?:chair|office) today\b/gi, message: MSG },
  {
    re: /\b(?:take|took|taking|taken) (?:good |great |such good |such great |wonderful )?care of (?:you|y'all|your (?:son|daughter|kids?|little one|family|mom|dad|baby))\b/gi,
    message: MSG,
    when: (ctx, m) =>
      !/\b(?:would|we'd|love to|happy to|if|whenever|ready to|here to)\b[^.!?]*$/i.test(ctx.text.slice(0, m.index)),
  },
  { re: /\bwhile you were (?:in|here|at|with|waiting|under|being|getting)\b/gi, message: MSG },
  { re: /\b(?:still )?(?:talks?|talking|asks?|asking|asked|raves?|raving) about you\b/gi, message: MSG },
  {
    re: /\b(?:we|i) (?:sent home with|sent you home with|gave|showed|prescribed|fitted|handed|ordered|recommended)\b[^.!?]{0,25}?\byou\b/gi,
    message: MSG,
    when: (ctx, m) => !/\bif\b/i.test(ctx.text.slice(0, m.index)),
  },
  {
    re: /\b(?:you )?(?:being|been) (?:a |our )?(?:\w+ )?(?:patient|client|member)s? (?:with|of|at) (?:us|ours|our (?!(?:online|facebook|instagram|social|tiktok|youtube)\b)\w+)\b/gi,
    message: MSG,
    // Privacy talk about nobody: "we cannot confirm whether any person has been a patient of our practice".
    when: (ctx, m) =>
      !/\bwhether\b|\b(?:any|anyone|anybody|someone|a person|an individual|any individual)\s+(?:is or\s+)?(?:has|have)\s+$/i.test(
        ctx.text.slice(0, m.index),
      ),
  },
  { re: /\b(?:you|y'all)(?: and your \w+)? (?:keep|keeps) (?:at it|it up|coming)\b/gi, message: MSG },
  {
    re: /\bthe (?:[\w-]+-(?:minute|hour|long) )wait\b|\b(?:you waited|(?:had|have) to wait|your (?:[\w-]+ )?wait|the (?:long |[\w-]+-(?:minute|hour) |extra |unexpected )?wait(?: time)?)\b(?=[^.!?]{0,60}\b(?:today|yesterday|last \w+|this (?:morning|afternoon|week)|on \w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\w+day's|past your|for your|minutes|hours?|while you|so long|that long|forever)\b)/gi,
    message: 'How long a specific person waited is a detail of their visit.',
    severity: 'block',
    // A job applicant's interview or a vendor's delivery, not a visit for care.
    when: (ctx) => !NOT_CARE_VISIT.test(ctx.text),
  },
];

/** A work anniversary's verb before "N years with us": "just hit", "celebrates", "congrats to Jess on". */
const STAFF_MILESTONE_BEFORE =
  /\b(?:hits?|hitting|reach(?:es|ed|ing)?|celebrat(?:es|ed|ing|e)|mark(?:s|ed|ing)?)\s+$|\b(?:congrat\w*|kudos|shout-?out|cheers)\s+to\b[^!?]{1,60}?\bon\s+$/i;

/** Calls to action before "your": "book your cleaning", "schedule your exam". */
const CTA_BEFORE = /\b(?:book|schedule|request|reserve|make|plan|start|get)\s+your\s+(?:[\w-]+\s+)?$/i;
/** New-patient instructions: "bring your card", "arrive 15 minutes early", "fill out the forms". */
const INSTRUCTION = /\b(?:bring|arrive|fill out|complete|plan to|prepare for|before)\b/i;

const VISIT_MSG = 'Mentioning their visit or their care team confirms the reviewer is a patient.';
/** A possessor that is nobody in particular: "any patient's care", "a loved one's care", "each client's". */
const ANYONE_BEFORE =
  /\b(?:any|a|an|every|each|no|another|anyone's|someone's|everyone's)\s+(?:[\w-]+\s+)?(?:patient|client|person|child|kid|loved one|family member|individual|one|member)'s\s+(?:[\w-]+\s+)?$|\b(?:anyone's|someone's|everyone's|one's)\s+(?:[\w-]+\s+)?$/i;
/** "Your own doctor", "your provider can confirm": the reader's own care elsewhere or advice to anyone. */
const OWN_OR_ADVICE_BEFORE =
  /\b(?:your|ur)\s+own\s+(?:[\w-]+\s+)?$|\b(?:bring(?:ing)? (?:it |this |that )?up with|discuss(?:ed)? (?:it |this |that )?with|go over (?:it |this |that )?with|message|worth asking)\s+(?:your|ur)\s+$/i;
/** A day or time that makes a conditional one person's visit ("if your visit yesterday ..."). */
const TIME_ANCHOR_HERE =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|last (?:week|night|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|on the \d|\d{1,2}\/\d{1,2}|you (?:mentioned|told|said|asked))\b/i;
/** A sentence that opens with an instruction to anyone ("Ask us ...", "Bring ...", "Come see ..."). */
const INSTRUCTION_OPENER = /^\W*(?:(?:just|simply|please|so)\s+)?(?:ask|bring|mention|come see|check)\b/i;

/** An exam someone studies for or passes is a credential: "passing her IBCLC exam". */
const STUDY_BEFORE =
  /\b(?:pass(?:ed|es|ing)?|ac(?:e|ed|es|ing)|stud(?:y|ied|ies|ying) for)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,3}$/i;

/** A new client's first visit offered in a promotion, not a visit that happened. */
const OFFER =
  /\b(?:special|offer|free|\$\s?\d|\d+\s?%|off\b|new (?:patients?|clients?)|book|schedule|includes?|included|complimentary|what to expect)\b/i;

/** After "appointment": the post someone was named to ("as chair of", "to the state board"). */
const APPOINTED_TO =
  /^\s(?:as (?:the |a |an |our )?(?:new |interim |incoming )?(?:chair\w*|director|president|head|chief|member|dean|fellow|professor|officer|commissioner|trustee)|to (?:the |a |an )?(?:[\w-]+ ){0,2}(?:board|council|committee|commission|faculty|panel|task force))\b/i;

/** "your visit", "your next cleaning", "your care team", "her first dental visit". */
function possessiveVisits(ctx: SentenceContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const hit of ctx.terms) {
    if (hit.kind !== 'visit' && hit.kind !== 'provider') continue;
    // "Talk to your doctor about ...": health advice to anyone, not a confirmation.
    const lead = ctx.text.slice(Math.max(0, hit.start - 30), hit.start);
    if (
      hit.kind === 'provider' &&
      (/\b(?:talk(?: \w+)? (?:to|with)|ask|check with|see|consult|call|tell|visit|speak with|as|by|contact|reach out to|follow)\s+(?:your|ur)\s+(?:child's\s+|kid's\s+|baby's\s+)?$/i.test(
        lead,
      ) ||
        // "Follow your podiatrist's instructions": advice to anyone.
        /^'s\s+(?:instructions|advice|orders|directions|guidance|recommendations?)\b/i.test(
          ctx.text.slice(hit.end, hit.end + 24),
        ) ||
        /^\s*(?:directs|recommends|advises|prescribes|suggests)\b/i.test(ctx.text.slice(hit.end, hit.end + 20)))
    )
      continue;
    if (ANYONE_BEFORE.test(lead) || OWN_OR_ADVICE_BEFORE.test(lead)) continue;
    // "things your podiatrist wants you to stop doing: 1) ...": an explainer for any reader.
    if (EXPLAINER.test(ctx.text) && !ctx.anchored) continue;
    // "your service visit", "the delivery visit": a vendor's, not a visit for care.
    if (hit.kind === 'visit' && /\b(?:service|site|sales|vendor|delivery|install(?:ation)?)\s+$/i.test(lead)) continue;
    // "her exam room" is a room; "her visit to teach handwashing" is a visit she paid, not care.
    if (
      hit.kind === 'visit' &&
      /^\s*(?:rooms?\b|to (?:teach|talk|speak|read|present|share|show|demonstrate|lead|host|judge|volunteer|cheer)\b)/i.test(
        ctx.text.slice(hit.end, hit.end + 16),
      )
    )
      continue;
    // "his appointment as chair of the board": a post he was named to, not a visit.
    if (hit.kind === 'visit' && APPOINTED_TO.test(ctx.text.slice(hit.end, hit.end + 60))) continue;
    // A staff member's credential ("her IBCLC exam" she passed, "his board certification") and a
    // group's own visits ("Kids love picking one after their appointment").
    if (credential(ctx, hit) || STUDY_BEFORE.test(lead) || groupOwned(ctx, hit.start)) continue;
    // An instruction to anyone about their next visit: "Ask us at your next checkup!", "Bring your
    // new card to your next appointment", "Come see the new space at your next appointment".
    if (
      INSTRUCTION_OPENER.test(ctx.text) &&
      /\b(?:at|to|during|before|reason for)\s+(?:your|ur)\s+(?:[\w-]+\s+){0,2}$/i.test(lead) &&
      !ctx.past
    )
      continue;
    // What any patient's provider will do, in general: "Your surgeon will let you know",
    // "your care team will tailor this", "your provider helps choose" (not "will call you today").
    if (
      hit.kind === 'provider' &&
      /\b(?:your|ur)\s+(?:[\w-]+\s+)?$/i.test(lead) &&
      /^\s*(?:will|'ll|would|helps?|decides?)\b/i.test(ctx.text.slice(hit.end, hit.end + 12)) &&
      !ctx.anchored &&
      !/\b(?:tomorrow|tonight|(?:this|next) (?:week|month|morning|afternoon|evening|time)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i.test(
        ctx.text,
      )
    )
      continue;
    if (
      hit.kind === 'provider' &&
      /^\s*(?:can|may|could|should|is the best|are the best|is best)\b/i.test(ctx.text.slice(hit.end, hit.end + 20))
    )
      continue;
    // (The owner last: possessorOf may need compromise's parse for "Harold's visit".)
    const who = possessorOf(ctx, hit);
    if (who !== 'second' && who !== 'third' && who !== 'name') continue;
    // "Please bring your insurance card to your first visit": a practice policy, not a confirmation.
    // (Except "his next visit", "her last cleaning": a particular person's own visits.)
    const particular = /\b(?:his|her|their)\s+(?:next|last|recent|upcoming)\s+$/i.test(lead);
    if (ctx.generic && !ctx.past && !particular) continue;
    // Inside an opening "if" clause about anyone, with no day named and nothing the reader told us:
    // "If it's been 3 years since your last visit, ...", "If your appointment was before 10, ...".
    if (
      who === 'second' &&
      /^\W*(?:(?:hi|hello|hey|ok|so|and|also)\b\W*)?if\b[^,;.!?]*$/i.test(ctx.text.slice(0, hit.start)) &&
      !TIME_ANCHOR_HERE.test(ctx.text)
    )
      continue;
    // Calls to action and new-patient instructions: "Book your cleaning today", "arrive early for your first visit".
    if (CTA_BEFORE.test(lead) || (/\bfirst\s+$/i.test(lead) && (INSTRUCTION.test(ctx.text) || OFFER.test(ctx.text))))
      continue;
    // ("Did your teens get their physicals yet?" invites everyone, though "did" is past.)
    if (ctx.question && (!ctx.past || /^\W*did\b[^?]*\byet\?/i.test(ctx.text))) continue;
    let start = hit.start;
    for (let i = hit.first - 1; i >= 0 && i >= hit.first - 4; i--) {
      start = ctx.tokens[i]!.start;
      if (/^(?:your|his|her|their)$|'s$/.test(ctx.tokens[i]!.word)) break;
    }
    out.push({ start, end: hit.end, message: VISIT_MSG, suggestion: SAFE_THANKS });
  }
  return out;
}

const rule: SentenceRule = {
  id: 'confirms-relationship',
  description:
    'Wording that confirms the reader is, was or will be a patient (visits, "welcome back", "your appointment").',
  rationale:
    'Under HIPAA the mere fact that someone is a patient is protected; thanking someone for a visit or promising to see them again confirms it in public.',
  category: 'confirms-patient-status',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check: (ctx) => [...runPatterns(ctx, PATTERNS), ...possessiveVisits(ctx)],
  examples: {
    flag: [
      // An event post still confirms a visit when its closing names one.
      'Thanks for coming to the health fair! See you soon for your cleaning.',
      // A staff member's start as a patient.
      'Staff spotlight: meet Hector! Fun fact: Hector first came to us as a patient in 2004.',
      'If the pain you mentioned at your visit comes back, call us.',
      'It was lovely meeting you on Tuesday, thanks for stopping by!',
      'We will see you at your next appointment.',
      'Welcome back, we missed having you around.',
      'Our front desk team adored meeting your twins.',
      'Thanks for choosing us and we hope to see you again in a few months.',
      'Thank you for being part of our patient family!',
      'Thanks so much for the kind words, as always!',
      'So glad Thursday went smoothly, thanks for the review!',
      'We are glad you had another positive experience with us.',
      'We are so glad your daughter had a positive experience.',
    ],
    pass: [
      // A former colleague, missed by the team (read over the whole post).
      'We miss you too! Nobody has fixed the bike since you left 😂',
      // A staff member's room.
      'We decorated her exam room with 40 balloons.',
      // A visit she paid to teach.
      'The kids drew pictures for Dr. Amy after her visit to teach them about handwashing.',
      // A colleague back from leave.
      'Welcome back from maternity leave! The whole team missed you.',
      // Cake at the open house, not a saved chair.
      "We'll save you a slice of cake at the open house!",
      // A news post's closing to everyone (read over the whole post).
      'Quick updates: the parking lot is repaved and we added Sunday hours. See you soon!',
      // A sponsor's post looks ahead to the season.
      'Proud to sponsor the Westside Youth Soccer League again! See you on the sidelines this fall.',
      // Anyone who is a patient, nobody in particular.
      "Whether you're a patient here or not, our flu clinic is open to all.",
      // An event anyone could come to.
      'Thanks so much for stopping by our open house!',
      // A practice's anniversary thanks its whole community.
      "Thank you for letting us be part of so many families' lives.",
      // A staff arrival's post invites every reader to say hi (read over the whole post).
      "Meet Jasmine, our new hygienist! Say hi next time you're in!",
      // Everyone back for the season, nobody's visit.
      'Welcome back to all our snowbirds! Spring checkup slots are filling up fast.',
      // A post a colleague was named to, not a visit.
      'Congratulations to Dr. Wells on his appointment as chair of the state board!',
      // A new colleague's welcome (engine/whole-post.ts).
      'Meet our newest surgeon, Dr. Okonkwo! Welcome to the family!',
      // A closure notice: the closing greets everyone back.
      'We are closed Thursday for Thanksgiving. See you Friday!',
      // A booth at a fair is open to anyone.
      'Thanks for coming by our booth at the farmers market, the kids loved the toothbrush race!',
      // An explainer: anyone's podiatrist.
      'Things your podiatrist wants you to stop doing: ignoring heel pain.',
      // An applicant, not a patient.
      "Sorry the MA job didn't work out this time, but we keep applications on file.",
      // An event the practice threw, not a visit.
      'Thanks for coming to our Brace-Off Bash!',
      // A job applicant's wait for an interview, not a visit for care.
      'Sorry you had to wait 20 minutes before your interview with our hiring manager.',
      // A condition about anyone, no day named: billing policy, not this reader's visit.
      "If it's been more than 3 years since your last visit, you may be considered a new patient again.",
      // A day of the practice's, not the reader's.
      "We're sorry Monday's storm closed the office early; we reopen Tuesday at 8.",
      // "As always" about the practice, not the reader's visits.
      'As always, privacy rules mean we cannot discuss anyone’s care online.',
      // A week-in-review post to everyone: the office reopens Monday (engine/whole-post.ts).
      'What a week: a new X-ray machine, record flu shots and a surprise smoothie bar. See you Monday!',
      // Instructions for anyone who is new, not this reader's status.
      'As a new patient, you will fill out forms online.',
      // Privacy talk: conditional about being a patient, confirms nothing.
      'If you are a patient, please contact us directly.',
      // Practice policy addressed to everyone, not a visit that happened.
      'Please bring a photo ID to every new appointment.',
      // A generic invitation, no visit implied.
      "We'd love to hear from you, so give us a call.",
      // Thanks for the review itself.
      'Thank you for your feedback and your kind words.',
      // A privacy statement about nobody in particular.
      "The practice cannot discuss any patient's care online.",
      // Advice to anyone about their own doctor.
      'Morning headaches can be a sign of sleep apnea, worth bringing up with your doctor!',
      // A promotion for new clients.
      'New client special: $9 a unit on your first visit with us!',
      // A staff member's work anniversary.
      'Hygienist Brenda just hit 20 years with us!',
      // A doctor back from leave, welcomed in the practice's post.
      "Welcome back, Dr. Lin! She's seeing patients again starting Monday.",
      // A colleague back at the front desk.
      'Welcome back to our front desk, Jess!',
      // A group's own visits, not the reader's.
      'Kids love picking a sticker after their appointment.',
      // A staff credential: the exam she passed.
      'Congratulations to our midwife Priya on passing her IBCLC exam!',
      // What any patient's surgeon does, in general.
      'Most people can drive the next day. Your surgeon will let you know for sure!',
      // Thanks for finding the post useful.
      'Glad you found us helpful, thank you!',
      // An instruction to anyone about their next visit.
      'Changed insurance? Bring your new card to your next appointment.',
      // Privacy talk about nobody in particular.
      'We cannot confirm whether any person has been a patient of our practice.',
      // Advice to anyone about their own provider.
      "After surgery, follow your podiatrist's instructions. Ask your child's provider about RSV shots.",
      // A visit to the practice's page or booth, not to the office.
      'Thanks for stopping by our page!',
      // Praise for the review itself.
      "You're a rockstar for leaving a review!",
      // A member of the online community, not a patient.
      'Thank you for being a valued member of our online community.',
    ],
  },
};

export default rule;
