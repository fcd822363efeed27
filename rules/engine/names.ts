/** Shared name cues: honorifics and words that look like names but are not people. */

/** An honorific before a name ("Mrs. Whitfield"). */
export const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|mister|sir|madam)\.?\s/i;

/** Capitalized words that open greetings but are not names ("Hi there", "Thanks, team"). */
export const NOT_NAMES = new Set([
  'again',
  'all',
  'aww',
  'congrats',
  'congratulations',
  'dad',
  'dear',
  'doctor',
  'dr',
  'everybody',
  'everyone',
  'folks',
  'friend',
  'friends',
  'glad',
  'good',
  'great',
  'guys',
  'happy',
  'hello',
  'hey',
  'hi',
  'hiya',
  'honey',
  'hooray',
  'hope',
  'howdy',
  'hun',
  'love',
  'mom',
  'neighbor',
  'neighbors',
  'our',
  'please',
  'sir',
  'so',
  'sorry',
  'team',
  'thank',
  'thanks',
  'that',
  'the',
  'there',
  'this',
  'we',
  'welcome',
  'wow',
  "y'all",
  'yall',
  'yay',
  'you',
  'reviewer',
  // Salutations to nobody in particular ("Dear Community Member", "Dear Valued Reviewer").
  'community',
  'valued',
  'member',
  'customer',
  'guest',
  'madam',
  'concerned',
  'anonymous',
  'usuario',
  'usuaria',
  'persona',
  "we're",
  'doc',
  // Spanish forms of address to a group or an institution ("¡Gracias, equipo!", "Gracias Escuela Lincoln").
  'amigas',
  'amigos',
  'comunidad',
  'equipo',
  'escuela',
  'gente',
  'iglesia',
  'todas',
  'todos',
  'vecinas',
  'vecinos',
  // The platforms themselves ("Hi Nextdoor friends", "Thanks, Instagram fam!").
  'facebook',
  'fb',
  'google',
  'healthgrades',
  'instagram',
  'ig',
  'linkedin',
  'nextdoor',
  'tiktok',
  'yelp',
  // Service clubs thanked by their one-word name ("Thanks, Rotary!").
  'kiwanis',
  'rotary',
  'ymca',
  'ywca',
]);

/**
 * A role, title or family word used alone as a form of address: "Thanks, Pastor!", "Congratulations,
 * Chef!", "Thanks Grandma!!". No name, so no identifier; with a name after it ("Coach Reggie",
 * "Grandma Rose", "Reverend and Mrs. Okoro") the name is still judged.
 */
export const TITLE_ALONE = new Set(
  'chef coach coaches padre pastor principal professor rabbi reverend rev grandma grandpa granny nana auntie aunt uncle abuela abuelo abuelita abuelito'.split(
    ' ',
  ),
);

/** Street suffixes ("Marina Blvd"): ORG_WORD counts them (a street is no person); namesBusiness does not (nor a business). */
const STREET_SUFFIX = 'blvd|boulevard|street|avenue|ave|road|rd|lane|highway|hwy';

/**
 * Last words of a business, school or organization's name ("Sharma Family Dental", "Grace
 * Fellowship", "Lincoln Elementary"): the capitalized words before them are not a person.
 */
export const ORG_WORD = new RegExp(
  `^(?:dental|dentistry|orthodontics|pediatrics|dermatology|chiropractic|optical|optometry|vision|eyecare|hearing|audiology|pharmacy|clinic|hospice|hospital|medical|health|healthcare|wellness|counseling|recovery|fertility|therapy|rehab|surgery|associates|group|center|centre|institute|foundation|fellowship|church|methodist|baptist|lutheran|catholic|presbyterian|episcopal|ministries|parish|school|elementary|academy|college|university|library|living|bakery|cafe|coffee|restaurant|grill|kitchen|diner|pizzeria|pizza|tacos|taqueria|bbq|deli|donuts|bagels|burgers|catering|creamery|bistro|cantina|pub|tavern|auto|insurance|printing|roofing|movers|brewery|brewing|market|grocery|groceries|print|prints|press|signs|graphics|photography|designs|sweets|toys|books|bookstore|boutique|florist|farms|hardware|motors|realty|supply|construction|plumbing|landscaping|cleaners|logistics|builders|trucking|transport|freight|manufacturing|industries|enterprises|contractors|electric|media|magazine|radio|gallery|theater|theatre|museum|shelter|rescue|pantry|station|troop|salon|spa|studio|gym|fitness|yoga|pilates|barre|crossfit|dojo|karate|dance|daycare|preschool|club|association|society|league|council|chamber|rotary|kiwanis|bank|inc|llc|company|${STREET_SUFFIX})$`,
  'i',
);

/** Endings of town and neighborhood names ("Harborview", "Brookfield", "Westside"). */
export const PLACE_SUFFIX =
  /(?:view|ville|town|gate|wood|woods|field|fields|land|side|port|burg|burgh|ford|dale|brook|shire|ton|city|park|heights|hills|valley|lake|springs|beach|bay|creek|ridge|grove|haven|mont|point)$/;

/**
 * Land words that end a neighborhood's two- or three-word name ("Oak Hollow", "Maple Heights",
 * "Fox Run") or open a Spanish one ("Valle Verde", "Lomas del Sol"). Only words that are not also
 * common surnames (Park, Hill, Woods, Lake and Brooks are left out).
 */
const PLACE_LAST =
  /^(?:county|township|borough|hollow|hills|heights|valley|creek|ridge|springs|run|meadows|grove|estates|village|acres|crossing|commons|falls|lakes|harbor|harbour|bluffs|pines|oaks|terrace|trails?|landing|glen|knolls?)$/i;
// ("San Benito", "Santa Inés": towns named for saints; nobody is called San or Santa.)
const PLACE_FIRST_ES = /^(?:valle|lomas|colinas|barrio|colonia|rancho|playa|pueblo|san|santa|santo)$/i;

/** A capitalized name of several words that names a neighborhood or town, not a person. */
export function isPlaceName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length > 1 && (PLACE_LAST.test(words[words.length - 1]!) || PLACE_FIRST_ES.test(words[0]!));
}

/** Specialty and service words that end a practice's name ("Willow Creek Foot Care", "Clearwater Bone & Joint"). */
const PRACTICE_WORD =
  /^(?:care|joint|spine|pain|imaging|radiology|orthopaedics|orthopedics|orthopaedic|orthopedic|podiatry|cardiology|oncology|urology|neurology|gastroenterology|allergy|diagnostics|laboratory|labs|medicine|physicians|partners|specialists|clinics|centers|practice|aesthetics|smiles|eyes?|skin)$/i;
/** Capitalized words that open a Spanish practice's name ("Óptica Visión Clara", "Clínica del Dolor Pinecrest"). */
const ES_ORG_WORD =
  '(?:[ÓO]ptica|Cl[ií]nica|Agr[ií]cola|Constructora|Transportes|Casa|Cocina|Cafeter[ií]a|Pizzer[ií]a|Carnicer[ií]a|Mercado|Gimnasio|Pasteler[ií]a|Tortiller[ií]a|Librer[ií]a|Florer[ií]a|Centro|Club|Asociaci[oó]n|Fundaci[oó]n|Colegio|Universidad|Comit[eé]|Farmacia|Panader[ií]a|Taquer[ií]a|Restaurante|Tienda|Escuela|Iglesia|Parroquia|Liga|Consultorio|Laboratorio|Im[aá]genes|Diagn[oó]sticas?|Ortopedia|Podolog[ií]a|Medicina|Deportiva|Odontolog[ií]a|Grupo|Instituto|Hospital|Radiolog[ií]a|Pediatr[ií]a|Fisioterapia|Terapia|Dermatolog[ií]a|Cardiolog[ií]a|Salud|Dental|Integral|Audiolog[ií]a|Optometr[ií]a|[ÓO]pticas|Rehabilitaci[oó]n|Fisio)';
const ORG_BEFORE_ES = new RegExp(
  `(?:^|\\s)${ES_ORG_WORD}(?:\\s(?:del?|la|los|las)|\\s\\p{Lu}[\\p{L}'-]*){0,3}\\s$`,
  'u',
);
/** A Spanish business word opening the name itself ("Panadería La Estrella"). */
const ORG_FIRST_ES = new RegExp(`^${ES_ORG_WORD}$`, 'u');

/** Capitalized words running on after a name ("Willow Creek| Foot Care"). */
const CAPITALIZED_RUN = /^(?:\s(?:&\s)?\p{Lu}[\p{L}'-]*){1,3}/u;
/** Lower-case county words after one name or two ("Harris and Lee counties"). */
const COUNTY_AFTER =
  /^(?:\s(?:and|&|y)\s\p{Lu}[\p{L}'-]*)?\s(?:counties|county|parish|parishes|townships?|boroughs?|condados?)\b/iu;
/** Plural words that open the name of an order or club ("Sisters of Mercy", "Friends of the Library"). */
const ORDER_WORD =
  /^(?:sisters|brothers|daughters|sons|knights|friends|ladies|veterans|hermanas|hermanos|amigos|caballeros)$/i;

/**
 * The capitalized name at [start, end) is part of a business's name: it, or the capitalized words
 * running on after it, ends in a business or specialty word ("Sharma Family Dental", "Willow Creek
 * Foot Care offers", "Clearwater Bone & Joint is"), or a Spanish business word opens it ("Óptica
 * Visión Clara").
 */
export function inOrgName(text: string, start: number, end: number): boolean {
  // ("Harbor Recovery's new center": the business's possessive.)
  const own = text.slice(start, end).replace(/'s$/, '').split(/\s+/);
  if (own.length > 1 && (ORG_WORD.test(own[own.length - 1]!) || ORG_FIRST_ES.test(own[0]!))) return true;
  // "Club de Corredores", "Fundación del Valle": a Spanish business word before de/del/la.
  if (ORG_FIRST_ES.test(own[0]!) && /^\s(?:de|del|la|los|las)\s/.test(text.slice(end, end + 6))) return true;
  // "Harris and Lee counties", "Sisters of St. Joseph", "Knights of Columbus": places and orders.
  const next = text.slice(end, end + 40);
  if (COUNTY_AFTER.test(next) || (ORDER_WORD.test(own[own.length - 1]!) && /^\s(?:of|de)\s/.test(next))) return true;
  const after = CAPITALIZED_RUN.exec(text.slice(end, end + 60));
  if (after) {
    const last = after[0].trim().split(/\s+/).pop()!;
    if (ORG_WORD.test(last) || PRACTICE_WORD.test(last)) return true;
  }
  return ORG_BEFORE_ES.test(text.slice(Math.max(0, start - 60), start));
}

/** A street suffix ends a street's name, not a business's ("Elm Street"). */
const STREET_WORD = new RegExp(`^(?:${STREET_SUFFIX})$`, 'i');
/** Two to five capitalized words in a row. */
const CAPITALIZED_NAME = /(?<![\p{L}'-])\p{Lu}[\p{L}'-]{0,30}(?:\s(?:&\s)?\p{Lu}[\p{L}'-]{0,30}){1,4}/gu;

/** The text names a business ("Peak Sports Medicine, 410 Ridge Rd.", "Summit Orthopedic now has"). */
export function namesBusiness(text: string): boolean {
  CAPITALIZED_NAME.lastIndex = 0;
  for (let m = CAPITALIZED_NAME.exec(text); m; m = CAPITALIZED_NAME.exec(text)) {
    const last = m[0].split(/\s+/).pop()!;
    if ((ORG_WORD.test(last) && !STREET_WORD.test(last)) || PRACTICE_WORD.test(last)) return true;
  }
  return false;
}

/** A capitalized name of one to three words, optionally with an honorific or an initial. */
export const NAME_SOURCE =
  "(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}\\.(?!\\p{L})|\\s+\\p{Lu}[\\p{L}'-]*){0,2}";

/** Words before a capitalized word that do not make it part of a name ("Your Recovery Plan"). */
const NOT_NAME_START = /^(?:your|my|our|his|her|their|the|this|that|a|an|su|tu|la|el)$/i;

/**
 * A care word that is part of a business's capitalized name rather than anyone's care ("Vista
 * Metabolic Surgery", "Crossroads Recovery Health", "Helix Genetic Counseling"). Only capitalized
 * words mid-name count: "Recovery is hard" and "Your Surgery Day Checklist" stay care words.
 */
export function inProperName(text: string, hit: { start: number; end: number }): boolean {
  if (!/^\p{Lu}/u.test(text.slice(hit.start, hit.end))) return false;
  const before = text.slice(Math.max(0, hit.start - 40), hit.start);
  // The word before, read backwards (an end-anchored regex would retry from every letter).
  const words = before.split(/\s+/).filter((w) => w && w !== '&');
  const prev = /\s$/.test(before) ? words[words.length - 1] : undefined;
  if (!prev || !/^\p{Lu}[\p{L}'&-]*$/u.test(prev) || NOT_NAME_START.test(prev)) return false;
  const run = CAPITALIZED_RUN.exec(text.slice(hit.end, hit.end + 60))?.[0] ?? '';
  const last = (text.slice(hit.start, hit.end) + run).trim().split(/\s+/).pop()!;
  // ("No Cavity Club" is a club for what the name says: still care.)
  return (ORG_WORD.test(last) || PRACTICE_WORD.test(last)) && !/^(?:club|society|association|league)$/i.test(last);
}
