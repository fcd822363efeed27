/**
 * Readings of a reply as one post, which no single sentence shows (engine/analyze.ts applies them
 * after the sentence rules):
 *  - a post that says the patient's written authorization covers what it shares (policy category 6
 *    is a testimonial WITHOUT authorization; rules/testimonial.ts flags the rest);
 *  - a practice's week-in-review post to everyone ("What a week! New EKG machine, record flu
 *    shots... See you Monday!"): its closing "see you Monday" is the office reopening, not this
 *    reader's next visit. Only a post that talks about the practice's week counts: "Thanks for the
 *    review, see you Monday!" still confirms a visit. A closure notice reads the same way ("Closed
 *    Monday for the holiday. See you Tuesday!");
 *  - a post celebrating a role's day or week: the names it greets are the staff celebrated;
 *  - a post introducing or welcoming back a colleague: its "welcome to the family" greets them;
 *  - a post thanking everyone who came to an event, a sponsor's post or office news: its closing
 *    ("¡Nos vemos en la próxima!", "See you on the sidelines", "See you soon!") is to everyone;
 *  - a practice's anniversary post: its "¡Gracias por su confianza!" thanks the whole community;
 *  - a reply to a former colleague: its "we miss you" is the team's.
 */
import type { Category } from '../types';
import { ROLE_EN, ROLE_ES } from './staff';

/** A written or signed permission, in English or Spanish ("Maya's written permission", "autorización firmada"). */
const WRITTEN_PERMISSION =
  /\b(?:(?:written|signed)\s(?:(?:photo|media|hipaa)\s)?(?:permission|authori[sz]ation|consent|release)|agreed in writing|autorizaci[oó]n\s(?:por\s)?escrit[oa]|autorizaci[oó]n\sfirmada|permiso\s(?:por\s)?escrito|consentimiento\s(?:por\s)?escrito)\b/giu;
/** Sharing, posting or publishing, not negated ("nunca se han publicado" is a rebuttal). */
const SHARE =
  /\b(?:shar(?:e|ed|ing)|post(?:ed|ing)?(?!-)|publish(?:ed|ing)?|featur(?:e|ed|ing)|compart(?:ir|id[oa]s?|imos|e|en)|public(?:ar|ad[oa]s?|amos))\b/giu;
/** Words before a permission that make it one still needed ("without his", "requires her", "necesitamos una"). */
const PERMISSION_NEEDED =
  /\b(?:without|requires?|required|need(?:s|ed)?|until|unless|necesit\p{L}*|requier\p{L}*|requerimos|sin|hasta)\b/iu;
const NEGATED = /\b(?:never|not|no|nunca|jam[aá]s|no se ha[n]?|sin)\s(?:\p{L}+\s){0,2}$/iu;

/**
 * The post says the patient's written authorization covers what it shares: "Shared with Maya and
 * Theo's written permission", "With the Danforth family's signed authorization, we're thrilled to
 * share...", "Publicado con su autorización por escrito". The policy's category is a testimonial
 * WITHOUT authorization, and the seed's process is exactly this (a signed release, then the post),
 * so such a post is not flagged for the story, the names or the care it tells
 * (dropWholePostReadings). A rebuttal that cites a signed consent ("you signed the consent for...",
 * "the photos were taken with your signed authorization and never published") shares nothing: the
 * permission must sit next to a share, post or publish that is not negated.
 */
export function statesAuthorization(text: string): boolean {
  WRITTEN_PERMISSION.lastIndex = 0;
  for (let m = WRITTEN_PERMISSION.exec(text); m; m = WRITTEN_PERMISSION.exec(text)) {
    // "We cannot share more without his written consent": a permission still needed, not one given.
    if (PERMISSION_NEEDED.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const from = Math.max(0, m.index - 80);
    const window = text.slice(from, m.index + m[0].length + 80);
    SHARE.lastIndex = 0;
    for (let s = SHARE.exec(window); s; s = SHARE.exec(window)) {
      if (!NEGATED.test(window.slice(0, s.index))) return true;
    }
  }
  return false;
}

/** The practice's week, wrapped up (English and Spanish). */
const WEEK_WRAP =
  /\b(?:what a week|wat a week|(?:busy|great|long|crazy|full|wild|fun|good|big|productive|amazing|another(?: great| busy| big| fun)?) week(?:\b(?! of\b))|that'?s a wrap|week in review|this week (?:at|in) |tgif|friday (?:already|feels|vibes|again)|happy friday|se (?:acab[oó]|termin[oó]) (?:la|otra) semana|otra semana|semana (?:intensa|de locos|incre[ií]ble|pesada|bonita|llena)|resumen de la semana|cerramos (?:la|otra) semana|viernes por fin|por fin (?:es )?viernes|lo de esta semana)/iu;

/** The closing that wishes everyone back next week ("See you Monday!", "¡Nos vemos el lunes!"). */
const REOPENING_CLOSING =
  /^(?:see (?:you|u|ya|y'all)(?: all| guys)?(?: on)? (?:mon|tues|wednes|thurs|fri|satur|sun)day|nos vemos (?:el|este) (?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo))/i;

/**
 * The office closing for a day and reopening ("Closed Monday for Labor Day, see you Tuesday!",
 * "Cerramos el lunes por día festivo. ¡Nos vemos el martes!"): the closing greets everyone back.
 */
const OFFICE_CLOSED =
  /\b(?:(?:we(?:'re| are| will be| ll be)|office (?:is|will be)|we'?ll be) closed|closed (?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|closed (?:for|today|tomorrow)|cerramos (?:el|este|ma[nñ]ana|hoy)|(?:estaremos|estamos|permaneceremos) cerrad[oa]s|cerrad[oa]s? (?:el|este|por)|reabrimos)\b/iu;

/** True when the reply wraps up the practice's week or announces a closure. */
function wrapsUpTheWeek(text: string): boolean {
  return WEEK_WRAP.test(text) || OFFICE_CLOSED.test(text);
}

/**
 * A post celebrating one of the practice's roles ("Happy Nurses Week to Pam, Amy and Rhonda!",
 * "National Hygienist Week: shoutout to Brianna", "Feliz día de la enfermera, gracias Rosa"): the
 * people it greets by name are the staff it celebrates. Only greetings are read this way: a patient
 * the post tells about ("drove Mrs. Huang's antibiotics to her house") is still a finding.
 */
const ROLE_CELEBRATION =
  /\b(?:(?:national |international )?(?:nurses?|nursing|np|pa|ma|medical assistants?|doctors?|physicians?|hygienists?|dental hygiene|dental assistants?|receptionists?|front desk|pharmacists?|pharmacy|therapists?|pt|ot|techs?|rad techs?|radiology|lab|midwi(?:fe|ves)|chiropractic|optometry|audiology|social workers?|counselors?)'?s?'? (?:week|day|appreciation)|day of the midwife|d[ií]a (?:de(?:l| la| las| los| el)? )?(?:enfermer|m[eé]dic|recepcionist|asistente|doctor|higienist|partera|terapeuta)|semana de (?:la |las |los )?(?:enfermer|higienist|asistentes))/iu;

/**
 * A post introducing or welcoming back one of the practice's own people ("Meet our newest surgeon,
 * Dr. Okonkwo... Welcome to the family!", "¡Ya regresó nuestra recepcionista Lety! Bienvenida de
 * nuevo"): its welcome greets a colleague, not a new or returning patient.
 */
const STAFF_ARRIVAL = new RegExp(
  `\\b(?:meet (?:our|\\p{Lu}\\p{L}+,? our) (?:new(?:est)?|latest) (?:[\\p{L}-]+ )?(?:team member|staff member|${ROLE_EN})\\b|(?:please )?join us in welcoming|(?:joins|joined|joining|has joined|is joining) (?:our|the) (?:[\\p{L}-]+ ){0,2}?(?:team|staff|practice|crew)|new (?:hire|team member|staff member|face at the front desk)|newest (?:member of (?:our|the) team|team member)|welcome (?:to|aboard) (?:the|our) team|se une a nuestro equipo|bienvenid[oa] al equipo|(?:ya )?regres[oó] nuestr[oa] (?:\\p{L}+ )?(?:${ROLE_ES}|compa[nñ]er[oa]))`,
  'iu',
);
/** The welcome a staff arrival's post closes with, and its invitation to every reader to say hi. */
const WELCOME =
  /^(?:welcome (?:to (?:the|our) (?:family|practice|clinic|office)|back|aboard)|next time you(?:'re| are) in\b|bienvenid[oa]s? (?:de nuevo|de regreso|a la familia))/i;

/** Thanks to everyone who came ("¡Gracias a todas las que vinieron!", "Thanks to everyone who came out"). */
const THANKS_ALL_WHO_CAME =
  /\b(?:gracias a tod[oa]s (?:l[oa]s )?(?:\p{L}+ )?(?:que|quienes) (?:vinieron|asistieron|participaron|nos acompa[nñ]aron|llegaron)|(?:thanks|thank you) (?:to )?(?:everyone|all|every one of you|all of you) who (?:came|joined|stopped by|showed up|participated))\b/iu;
/** An event the practice threw or joined, or its news to everyone ("Quick updates: ..."). */
const EVENT_OR_NEWS =
  /\b(?:health fair|feria(?: de salud)?|open house|fun run|block party|trunk-or-treat|charity (?:run|walk)|(?:half )?marathon|5k|10k|(?:proud|proudly) (?:to )?sponsor(?:s|ing)?|office news|quick updates?|(?:some|big|exciting) (?:office )?news)\b/iu;
/** The closing that looks ahead to the next event ("¡Nos vemos en la próxima!", "See you next year!"). */
const NEXT_EVENT_CLOSING =
  /^(?:nos vemos (?:en la pr[oó]xima|el pr[oó]ximo a[nñ]o|el a[nñ]o que viene)|hasta la pr[oó]xima|see (?:you|y'all|everyone|u)(?: all)? (?:next year|at the next|there|soon|on the (?:sidelines|field|court)))(?![^.!?]{0,24}\b(?:your|ur|appointment|appt|visit|cleaning|check-?up|follow-?up|session)\b)/iu;
/** A practice's anniversary ("cumple 30 años", "10 años sirviendo a Santa Ana", "turns 15", "celebrating 20 years"). */
const PRACTICE_ANNIVERSARY =
  /\b(?:(?:cumple|cumplimos|celebra|celebramos) \d+ a[nñ]os|\d+ a[nñ]os (?:sirviendo|de servir|al servicio)|turns? \d+ (?:this|today)|celebrat(?:es|ing) \d+ years|\d+ years (?:of )?serving)\b/iu;
/** Its thanks to the community for trust and loyalty. */
const COMMUNITY_THANKS =
  /^(?:gracias por (?:su|tu) (?:confianza|lealtad|preferencia|apoyo)|(?:thank you|thanks) for (?:trusting us|your (?:loyalty|trust|support)))/i;

/**
 * A reply to a former colleague ("Miss you too Alexis!! the team still talks about your tamale
 * potlucks", "nobody has fixed it since you left"): its "we miss you" is the team's, not a missed patient.
 */
const FORMER_COLLEAGUE =
  /\b(?:since you (?:left|retired|moved on)|(?:the )?break ?room|(?:your|her|his) old (?:desk|station|locker|mug)|potlucks?|the (?:whole )?(?:team|staff|gang|girls|(?:\p{L}+ )?(?:night |morning )?crew) still (?:talks?|asks?|misses|laughs?|mentions?|uses?))\b/iu;
const MISS_YOU = /^(?:(?:we|i|everyone|all|already) )?(?:miss|missed|missing) (?:you|ya|y'all)/i;

/** What a whole-post reading may drop: a finding's rule, category and span in the normalized text. */
interface Droppable {
  ruleId: string;
  category: Category;
  start: number;
  end: number;
}

/** What a patient's written authorization to share their story covers (names, story, care). */
export const AUTHORIZED: ReadonlySet<Category> = new Set<Category>([
  'testimonial-without-authorization',
  'care-details',
  'confirms-patient-status',
]);

/**
 * The findings that stand once the reply is read as one post. Runs on every keystroke, so each
 * reading is only tried when some finding is one it could drop.
 */
export function dropWholePostReadings<F extends Droppable>(
  text: string,
  findings: F[],
  isNameRule: (ruleId: string) => boolean,
): F[] {
  const authorizes = (f: F) => AUTHORIZED.has(f.category) || isNameRule(f.ruleId);
  let kept = findings.some(authorizes) && statesAuthorization(text) ? findings.filter((f) => !authorizes(f)) : findings;
  const closing = (f: F) => REOPENING_CLOSING.test(text.slice(f.start, f.end + 12));
  if (kept.some(closing) && wrapsUpTheWeek(text)) kept = kept.filter((f) => !closing(f));
  const greeting = (f: F) => f.ruleId === 'reviewer-name';
  if (kept.some(greeting) && ROLE_CELEBRATION.test(text)) kept = kept.filter((f) => !greeting(f));
  const welcome = (f: F) => f.category === 'confirms-patient-status' && WELCOME.test(text.slice(f.start, f.end + 24));
  if (kept.some(welcome) && STAFF_ARRIVAL.test(text)) kept = kept.filter((f) => !welcome(f));
  const nextEvent = (f: F) => NEXT_EVENT_CLOSING.test(text.slice(f.start, f.end + 24));
  if (kept.some(nextEvent) && (THANKS_ALL_WHO_CAME.test(text) || EVENT_OR_NEWS.test(text)))
    kept = kept.filter((f) => !nextEvent(f));
  const thanks = (f: F) =>
    f.category === 'confirms-patient-status' && COMMUNITY_THANKS.test(text.slice(f.start, f.end + 24));
  if (kept.some(thanks) && PRACTICE_ANNIVERSARY.test(text)) kept = kept.filter((f) => !thanks(f));
  const missed = (f: F) => f.category === 'confirms-patient-status' && MISS_YOU.test(text.slice(f.start, f.end + 4));
  if (kept.some(missed) && FORMER_COLLEAGUE.test(text)) kept = kept.filter((f) => !missed(f));
  return kept;
}

/** True when a reply is read as a whole post (tests and the bench keep such examples out of long pastes). */
export function readsAsOnePost(text: string): boolean {
  return (
    statesAuthorization(text) ||
    wrapsUpTheWeek(text) ||
    ROLE_CELEBRATION.test(text) ||
    STAFF_ARRIVAL.test(text) ||
    THANKS_ALL_WHO_CAME.test(text) ||
    EVENT_OR_NEWS.test(text) ||
    PRACTICE_ANNIVERSARY.test(text) ||
    FORMER_COLLEAGUE.test(text)
  );
}
