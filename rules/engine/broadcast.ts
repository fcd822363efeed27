/**
 * A practice's week-in-review post to everyone ("What a week! New EKG machine, record flu shots...
 * See you Monday!"): its closing "see you Monday" is the office reopening, not this reader's next
 * visit. Only a post that talks about the practice's week counts: "Thanks for the review, see you
 * Monday!" still confirms a visit.
 */

/** The practice's week, wrapped up (English and Spanish). */
const WEEK_WRAP =
  /\b(?:what a week|wat a week|(?:busy|great|long|crazy|full|wild|fun|good|big|productive|amazing|another(?: great| busy| big| fun)?) week(?:\b(?! of\b))|that'?s a wrap|week in review|this week (?:at|in) |tgif|friday (?:already|feels|vibes|again)|happy friday|se (?:acab[oó]|termin[oó]) (?:la|otra) semana|otra semana|semana (?:intensa|de locos|incre[ií]ble|pesada|bonita|llena)|resumen de la semana|cerramos (?:la|otra) semana|viernes por fin|por fin (?:es )?viernes|lo de esta semana)/iu;

/** The closing that wishes everyone back next week ("See you Monday!", "¡Nos vemos el lunes!"). */
export const REOPENING_CLOSING =
  /^(?:see (?:you|u|ya|y'all)(?: all| guys)?(?: on)? (?:mon|tues|wednes|thurs|fri|satur|sun)day|nos vemos (?:el|este) (?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo))/i;

/** True when the reply wraps up the practice's week. */
export function wrapsUpTheWeek(text: string): boolean {
  return WEEK_WRAP.test(text);
}
