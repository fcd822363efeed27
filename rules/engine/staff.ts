/**
 * Frames that make a name one of the practice's own people (staff, providers) rather than a
 * patient: "our billing coordinator, Yesenia", "nuestra vocera, la Lic. Andrea
 * Morales", "Omar, DPT", "office manager Bea", "Tamika runs our referral office", "Welcome to the
 * team, Ren!". The policy: "The practice's own ... staff names are not identifiers". Shared by the
 * name rules (through SentenceContext.describeName), the reply-wide staff memory in analyze.ts and
 * patient-name's cheap gate, so every name rule reads a frame the same way.
 *
 * Role words are people ("manager", "hygienist"), never places or groups on their own: "your
 * visit to our office, Maria!" must not make Maria staff. Groups ("our team: Gina, Tom") count only
 * as a list: after a colon, or from the second name on after a comma ("Our nurses, Patricia and Latoya").
 */

/** Roles a person holds at a practice (English). Lower-case in text: a capitalized word is a name. */
export const ROLE_EN =
  'managers?|coordinators?|leads?|hygienists?|assistants?|specialists?|administrators?|officers?|directors?|doctors?|dentists?|physicians?|surgeons?|nurses?|therapists?|pts?|chiropractors?|optometrists?|opticians?|receptionists?|injectors?|aestheticians?|estheticians?|providers?|counselors?|clinicians?|owners?|founders?|billers?|schedulers?|technicians?|techs?|pharmacists?|midwi(?:fe|ves)|dietitians?|trainers?|ceo|president|partners?|associates?|hosts?|supervisors?|liaisons?|advocates?|concierges?|practitioners?|aides?|caregivers?|volunteers?|chaplains?|navigators?|interpreters?|doulas?|scribes?|employees?|interns?|externs?|students?|educators?|paramedics?|consultants?|workers?|hires?|custodians?|groundskeepers?|janitors?|housekeepers?|cooks?|chefs?|greeters?|colleagues?|coworkers?|co-workers?|teammates?|(?:team|staff|crew|board) members?|secretar(?:y|ies)|spokes(?:person|woman|man)|pta|ota|cota|rbt|bcba|nps?|fnps?|pmhnps?|aprns?|lmts?|dpts?|lcsws?|lmfts?|lpcs?|lmhcs?|crnas?|rns?|lpns?|cnas?|rdhs?|ibclcs?|rdas?|efdas?|attorneys?|lawyers?|counsel|front desk|(?:therapy |office |clinic )?dogs?|mascots?|[a-z]+(?:ists?|ologists?|icians?)';
/** The same in Spanish (accents optional: staff type fast). Never "paciente" or "cliente". */
export const ROLE_ES =
  'gerentes?|asesor(?:a|es|as)?|doctora?s?|recepcionistas?|enfermer[ao]s?|asistentes?|coordinador(?:a|es|as)?|administrador(?:a|es|as)?|director(?:a|es|as)?|encargad[oa]s?|vocer[oa]s?|portavoz|t[eé]cnic[oa]s?|cajer[oa]s?|secretari[oa]s?|jef[ea]s?|due[nñ][oa]s?|fundador(?:a|es|as)?|supervisor(?:a|es|as)?|voluntari[oa]s?|capell[aá]n|int[eé]rpretes?|terapeutas?|fisioterapeutas?|pediatras?|psiquiatras?|quiropr[aá]ctic[oa]s?|cirujan[oa]s?|m[eé]dic[oa]s?|parteras?|promotor(?:a|es|as)?|defensor(?:a|es|as)?|consejer[oa]s?|trabajador(?:a|es|as)?|colaborador(?:a|es|as)?|emplead[oa]s?|\\p{Ll}+(?:[oó]log[oa]s?|istas?|iatras?)';
/** Credentials written after a name ("Omar, DPT", "Mariana Castillo, M.S., CCC-SLP"). */
const CREDENTIAL =
  '(?:DPT|PTA?|OTR(?:\\/L)?|OTA|COTA|OT|CHT|CCC-SLP|SLP|LMFT|LCSW|LPCC?|LMHC|PsyD|Ph\\.?D|MD|M\\.D|DO|DDS|DMD|RDH|RN|LPN|LVN|CNA|C?MA|NP|FNP|APRN|PA-C|PA|RD|LD|CDE|IBCLC|BCBA|RBT|DC|OD|AuD|DPM|M\\.?S|MSN|BSN|CRNA|CNM)\\.?';
/** Titles of the practice's own people, alone before a name ("Nurse Keisha", "Dra. Chen"). Public
 * roles (coach, pastor, officer) are not here: writers greet patients by them ("Thanks, Coach Reggie!"). */
const PRACTICE_TITLE =
  'dr|dra|drs|dras|doctor|doctora|nurse practitioner|nurse|enfermer[ao]|hygienist|higienista|midwife|partera|chaplain|capell[aá]n';
/** A practice title as a whole word (the name rules skip "Nurse Keisha" as a greeting target). */
export const TITLE_WORD = new RegExp(`^(?:${PRACTICE_TITLE})\\.?$`, 'i');
/** Titles written between a role and a name ("nuestra vocera, la Lic. Andrea Morales"). */
const TITLE = `(?:${PRACTICE_TITLE}|lic|licda|licdo|lcda|lcdo|licenciad[oa]|rev|reverend)\\.?`;
const HONOR = '(?:(?:mr|mrs|ms|miss|sr|sra|srta|don|doña)\\.?\\s)?';

const re = (s: string) => new RegExp(s, 'iu');

/** "our office manager, " / "my nurse navigator, " / "Dr. Farouk's assistant, " / "the practice manager, " */
const BEFORE_EN = re(
  `(?:\\bour|\\bmy|\\bthe|\\b(?:dr|dra|doctor)\\.?\\s\\p{L}+'s)\\s(?:very\\s)?(?:own\\s)?(?:new(?:est)?\\s)?(?:[\\p{L}&+-]+\\s){0,3}?(?:${ROLE_EN})(?:\\s(?:of|for)\\s(?:the\\s)?[\\p{L}\\d-]+(?:\\s[\\p{L}-]+)?|\\s(?:and|&)\\s(?:dear\\s)?(?:friend|colleague|mentor)|\\s[\\p{L}-]+)?[,:]?\\s?(?:is\\s)?(?:${TITLE}\\s)?${HONOR}$`,
);
/** "nuestra encargada de cobros, " / "nuestra vocera, la Lic. " / "la recepcionista " / "una coordinadora de referencias, " */
const BEFORE_ES = re(
  `(?:\\bnuestr[ao]s?|\\bmis?|\\bsus?|\\b(?:la|el|las|los)|\\buna?)\\s(?:[\\p{L}-]+\\s){0,2}?(?:${ROLE_ES})(?:\\s(?:de|del)\\s[\\p{L}-]+(?:\\s[\\p{L}-]+)?)?(?:\\s[\\p{L}-]+){0,2}[,:]?\\s(?:(?:la|el)\\s)?(?:${TITLE}\\s)?${HONOR}$`,
);
/** "our very own Fatima", "our own Dr. Feldman". */
const OWN_BEFORE = /\bour (?:very )?own\s(?:dr\.?\s)?$/i;
/** Introductions of a new or celebrated staff member. */
const INTRO_BEFORE = re(
  `(?:welcome (?:to (?:the|our) (?:new(?:est)?\\s)?(?:team|family|staff|practice)(?: members?)?|aboard|back from (?:(?:maternity|paternity|parental) )?leave)|bienvenid[ao]s? (?:al|a nuestro) equipo|say (?:hello|hi) to|(?:staff|team|employee|provider|${ROLE_EN}) spotlight(?:[!:]\\s*(?:[\\p{Extended_Pictographic}\\u200d\\ufe0f]+\\s*)*(?:meet|say (?:hello|hi) to))?|happy (?:national )?(?:${ROLE_EN})'?s? (?:appreciation )?(?:week|day|month)(?:,|\\sto)|(?:employee|emplead[oa]|staff (?:member|star)|team member|volunteer|voluntari[oa]|star|caregiver|nurse|hygienist|assistant|provider)(?: of the| del) (?:month|mes|week|semana|year|a[nñ]o))[^.!?\\p{Lu}]{0,6}?(?:is\\s)?(?:${TITLE}\\s)?${HONOR}$`,
);
/** "our front desk team: Gina, Tom and Lupe" / "our team: Dr. Shah, Brooke, Maya & Luis". */
const LIST_BEFORE = re(
  `(?:\\bour|\\bnuestr[ao]s?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:team|staff|crew|equipo|personal|${ROLE_EN}|${ROLE_ES})(?:\\s[\\p{L}-]+){0,2}?\\s?:\\s(?:(?:(?:la|el)\\s)?(?:(?:${TITLE}|${ROLE_EN})\\s)?\\p{Lu}[\\p{L}'.-]*(?:\\s\\p{Lu}[\\p{L}'.-]*)?(?:,\\s?|\\s(?:and|&|y)\\s)){0,5}(?:${TITLE}\\s)?$`,
);
/** Later names of a list after a plural role or a group and a comma: "Our nurses, Patricia and Latoya". */
const LIST_COMMA_BEFORE = re(
  `(?:\\bour|\\bnuestr[ao]s?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:team|staff|crew|equipo|personal|[\\p{L}-]+s)(?:\\s[\\p{L}-]+){0,2}?,\\s(?:\\p{Lu}[\\p{L}'.-]*(?:,\\s?|,?\\s(?:and|&|y)\\s)){1,5}$`,
);
/**
 * Later names of a list that opened with the practice's titled people, after a colon: "Back row:
 * Dr. Walsh, Dr. Kapoor, Tina, Jessie" (a team photo's caption, not patients).
 */
const LIST_TITLED_BEFORE = re(
  `:\\s(?:(?:la|el)\\s)?${TITLE}\\s\\p{Lu}[\\p{L}'.-]*(?:\\s\\p{Lu}[\\p{L}'.-]*)?,\\s(?:(?:(?:la|el)\\s)?(?:${TITLE}\\s)?\\p{Lu}[\\p{L}'.-]*(?:\\s\\p{Lu}[\\p{L}'.-]*)?(?:,\\s?|,?\\s(?:and|&|y)\\s)){0,6}$`,
);
/** The people a team is left with: "still in great hands with Angie and Luis". */
const HANDS_BEFORE = re(
  `\\bin (?:good|great|expert|capable|caring|safe|the best) hands with\\s(?:(?:${TITLE}\\s)?\\p{Lu}[\\p{L}'.-]*(?:,\\s?|,?\\s(?:and|&|y)\\s)){0,4}(?:${TITLE}\\s)?$`,
);
/** Spelled-out list of roles: "office manager Bea, and treatment coordinators Jo and Luis", "volunteers Kevin, Roberta". */
const LIST_ROLE_BEFORE = re(
  `(?:${ROLE_EN}|${ROLE_ES})\\s\\p{Lu}[\\p{L}'-]+(?:,\\s\\p{Lu}[\\p{L}'-]+){0,5}(?:,?\\s(?:and|&|y)\\s|,\\s)$`,
);
/** ", our office manager" / ", nuestra técnica láser" / ", one of our hygienists" / " is our new..." / " 🐶 our therapy dog" */
const AFTER_OUR = re(
  `^(?:\\s?[\\p{Extended_Pictographic}\\u200d\\ufe0f]+)*,?\\s?(?:\\d{1,3},\\s)?(?:(?:is|es|was|fue)\\s)?(?:(?:one of|una? de)\\s)?(?:our|my|the practice's|the clinic's|nuestr[ao]s?|mis?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:${ROLE_EN}|${ROLE_ES}|c?ma|rr?t|lpn|lvn|cna)\\b`,
);
/** A signature: "Lorena, gerente." / "—Sam, infusion manager". */
/** A list of names closed by their role: "Mandy, Rachel, Colleen and Priya, our hygienists". */
const AFTER_LIST_OUR = re(
  `^(?:,\\s?\\p{Lu}[\\p{L}'.-]*){0,5},?\\s(?:and|&|y)\\s\\p{Lu}[\\p{L}'.-]*,\\s(?:our|nuestr[ao]s)\\s(?:[\\p{L}-]+\\s){0,2}?(?:${ROLE_EN}|${ROLE_ES})\\b`,
);
const AFTER_SIGNATURE = re(
  `^,\\s(?:[\\p{L}-]+\\s){0,2}?(?:${ROLE_EN}|${ROLE_ES})(?:\\s(?:de|of)\\s[\\p{L}-]+)?\\s*(?:[.!]|$)`,
);
/**
 * A role in apposition followed by what it is about: "Lic. Ernesto Galindo, terapeuta familiar con
 * doce años", "la Sra. Delfina Ortiz, gerente de la clínica", "Paola Zúñiga, nutrióloga bilingüe con".
 */
const AFTER_APPOSITION = re(
  `^,\\s(?:[\\p{L}-]+\\s){0,2}?(?:${ROLE_EN}|${ROLE_ES}|president[ae]s?)(?:\\s[\\p{L}-]+)?(?=\\s?[,;:]|\\s(?:with|con|de|del|at|en|in|of|for|para)\\s)`,
);
const AFTER_CREDENTIAL = new RegExp(`^,?\\s${CREDENTIAL}(?:,\\s${CREDENTIAL})*(?=[\\s,.;:!)]|$)`, 'u');
/**
 * What staff do, or what a partner did for the practice: "Tamika runs our referral office",
 * "Denise in intake", "Pastor Jim for hosting our flu clinic".
 */
const AFTER_WORK = re(
  `^,?\\s(?:who\\s)?(?:runs|leads|manages|heads|coordinates|handles|staffs|joins us|joined us|joins our|joined our|works (?:at|in|with) (?:our|the)|from (?:our\\s|the\\s)?(?:billing|front desk|reception|intake|scheduling|the office|our office)|(?:in|at) (?:our\\s|the\\s)?(?:intake|billing|reception|scheduling|referrals?|front office|front desk|(?:[\\p{L}-]+\\s)?department)|and the rest of (?:our|the)|to (?:our|the) (?:[\\p{L}-]+\\s)?(?:front desk|front office|team|staff|crew)|en recepci[oó]n|de recepci[oó]n|de nuestro equipo|se integra|se une a nuestro|on (?:his|her|their) (?:first|last|final) (?:day|week|shift) (?:as (?:an?|our) (?:[\\p{L}-]+\\s){0,2}?(?:${ROLE_EN}|${ROLE_ES})|on the job|at work)|as (?:a|an|our) (?:guest |keynote |featured )?(?:speaker|presenter|panelist|judge|emcee|host|keynote)|came back from (?:his|her|their) (?:[\\p{L}-]+\\s){0,2}?(?:training|conference|course|certification)|(?:on\\s)?(?:finally\\s|just\\s)?(?:pass(?:ed|ing)|earn(?:ed|ing)|finish(?:ed|ing)|complet(?:ed|ing)) (?:her|his|their) (?:[\\p{L}-]+\\s){0,3}?(?:certification|certificate|license|licence|boards|credential|degree|residency|fellowship)|for (?:hosting|sponsoring|donating|catering|organizing) (?:our|us|the)\\b)\\b`,
);

/**
 * The word right before the name, and whether a comma follows it ("office manager Bea", "my PA,
 * Marcus"). A backwards scan: an end-anchored regex would retry from every letter of a long word.
 */
function lastWord(before: string): { word: string; comma: boolean } | null {
  let i = before.length - 1;
  if (i < 1 || !/\s/.test(before[i]!)) return null;
  i--;
  const comma = before[i] === ',';
  if (comma) i--;
  let j = i;
  while (j >= 0 && /[\p{L}'.-]/u.test(before[j]!)) j--;
  return j === i ? null : { word: before.slice(j + 1, i + 1), comma };
}
/** A title or a lower-case role noun right before the name: "Nurse Keisha", "office manager Bea", "OTA Brenda". */
const ROLE_WORD = new RegExp(`^(?:${ROLE_EN}|${ROLE_ES}|ma|cma|np|pa|rn|lpn|rt|rrt|ota|cota|pta|rbt|bcba)$`, 'u');
const TITLE_ONLY = new RegExp(`^(?:${PRACTICE_TITLE}|practitioner)$`, 'iu');
/** Some role word in the window: every appositive frame needs one. */
const ROLE_ANY = new RegExp(`\\b(?:${ROLE_EN}|${ROLE_ES})`, 'u');
const ACRONYM =
  /^(?:MA|CMA|NP|PA|PT|DPT|OT|RN|LPN|LVN|CNA|OTA|COTA|PTA|SLP|RDH|CRNA|RBT|BCBA|LMFT|LCSW|LMT|PA-C|RT|RRT)$/u;

/**
 * True when the text right before a name frames it as the practice's person.
 * Runs for every candidate name while typing, so the word right before the name is checked on its
 * own, and each longer frame only when a cheap cue it needs is present.
 */
export function staffBefore(before: string): boolean {
  const last = lastWord(before);
  if (last) {
    const word = last.word.replace(/\.$/, '');
    if (!last.comma && (TITLE_ONLY.test(word) || ROLE_WORD.test(word))) return true;
    if (ACRONYM.test(word)) return true;
  }
  const lower = before.toLowerCase();
  const role = ROLE_ANY.test(lower);
  return (
    (role && /\b(?:our|my|the)\s|'s\s/.test(lower) && BEFORE_EN.test(before)) ||
    (role && /\b(?:nuestr|mis?\s|sus?\s|la\s|el\s|las\s|los\s|una?\s)/.test(lower) && BEFORE_ES.test(before)) ||
    (lower.includes('own') && OWN_BEFORE.test(before)) ||
    (/welcome|bienvenid|say h|spotlight|month|week|year|happy|mes\b|semana|a[nñ]o/.test(lower) &&
      INTRO_BEFORE.test(before)) ||
    (before.includes(':') && (LIST_BEFORE.test(before) || LIST_TITLED_BEFORE.test(before))) ||
    (/(?:,|\band|&|\by)\s$/.test(lower) && (LIST_COMMA_BEFORE.test(before) || LIST_ROLE_BEFORE.test(before))) ||
    /\bask for(?: me,)?\s{0,2}$/.test(lower) ||
    /\b(?:standing |regular )?appointments? with\s$/.test(lower) ||
    (lower.includes('hands with') && HANDS_BEFORE.test(before)) ||
    /\bpregunt[ea] por\s(?:la\s|el\s)?(?:(?:sra|sr|srta|lic|licda|licdo)\.?\s)?$/.test(lower)
  );
}

/**
 * The next sentence says who the name is: "Meet Rhonda 👋 She's our new office manager",
 * "¡Bienvenida, Ximena! Es nuestra nueva esteticista". Only a pronoun (or Spanish's dropped one)
 * may open it: "Thanks, Maria! Our hygienists loved it" does not make Maria staff.
 */
const AFTER_NEXT_SENTENCE = re(
  `^(?:\\s*[.!]+|\\s*(?=\\p{Extended_Pictographic}))\\s*(?:[\\p{Extended_Pictographic}\\u200d\\ufe0f]+\\s*)*(?:(?:she|he|they)(?:'s|'re|\\s(?:is|was|are|has))|(?:ella\\s|[eé]l\\s)?es)\\s(?:(?:been|now|also|officially)\\s)?(?:(?:one of|una? de)\\s)?(?:our|nuestr[ao]s?)\\s(?:[\\p{L}-]+\\s){0,3}?(?:${ROLE_EN}|${ROLE_ES})\\b`,
);

/**
 * The next sentence says what the person does here, in a celebration of them: "Happy birthday,
 * Rosa! 🎂 Our front desk coordinator has been the first voice...", "¡Feliz cumpleaños, Karla!
 * Nuestra coordinadora de tratamientos cumple años hoy". The role's verb must be about that person's
 * own time here ("Our hygienist says hi" after a patient's name is someone else).
 */
const AFTER_NEXT_ROLE = re(
  `^(?:\\s*[.!]+|\\s*(?=\\p{Extended_Pictographic}))\\s*(?:[\\p{Extended_Pictographic}\\u200d\\ufe0f]+\\s*)*(?:our|nuestr[ao])\\s(?:[\\p{L}-]+\\s){0,3}?(?:${ROLE_EN}|${ROLE_ES})\\s(?:(?:de|del|of|for)\\s[\\p{L}-]+\\s|[\\p{L}-]+\\s)?(?:has (?:been|kept|worked|answered|run|led)|celebrates|is celebrating|turns|started|joined|keeps|cumple|celebra|lleva|empez[oó]|lleg[oó]|comenz[oó])\\b`,
);

/** True when the text right after a name frames it as the practice's person. */
export function staffAfter(after: string): boolean {
  return (
    AFTER_OUR.test(after) ||
    AFTER_LIST_OUR.test(after) ||
    AFTER_SIGNATURE.test(after) ||
    AFTER_APPOSITION.test(after) ||
    AFTER_CREDENTIAL.test(after) ||
    AFTER_WORK.test(after) ||
    (/^\s*[.!\p{Extended_Pictographic}]/u.test(after) &&
      (AFTER_NEXT_SENTENCE.test(after) || AFTER_NEXT_ROLE.test(after)))
  );
}

/** A provider's title right before a name ("Dr. Patel", "la Dra. Chen", "Lic. Galindo"). */
export const PROVIDER_BEFORE = /\b(?:dr|dra|drs|dras|doctor|doctora|lic|licda|licdo|lcda|lcdo)\.?\s*$/i;
