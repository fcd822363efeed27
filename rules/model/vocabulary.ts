/**
 * The model's vocabulary: the care terms shared with the rules (rules/data), word classes for the
 * cues (second person, kin, time anchors, staff, visit verbs ...) in English and Spanish, and the
 * name lookups. Data and lookups only; rules/model/features.ts turns them into features.
 */
import nlp from 'compromise';
import { CARE_TERMS } from '../data/care-terms';
import { SPANISH_CARE_TERMS } from '../data/care-terms-es';

type Kind = string;
let careIndex: Map<string, Array<{ words: string[]; kind: Kind }>> | undefined;

const HAS_QUOTE_OR_DIGIT = /['\d]/;
export const canonWord = (w: string) => {
  const l = w.toLowerCase();
  return HAS_QUOTE_OR_DIGIT.test(l) ? l.replace(/'/g, '').replace(/\d/g, '0') : l;
};

export function careTerms(): Map<string, Array<{ words: string[]; kind: Kind }>> {
  if (!careIndex) {
    careIndex = new Map();
    const add = (term: string, kind: Kind) => {
      const words = term
        .toLowerCase()
        .split(/[^\p{L}\p{N}']+/u)
        .map(canonWord)
        .filter(Boolean);
      if (words.length === 0) return;
      const list = careIndex!.get(words[0]!) ?? [];
      list.push({ words, kind });
      list.sort((a, b) => b.words.length - a.words.length);
      careIndex!.set(words[0]!, list);
    };
    for (const [term, kind] of CARE_TERMS) add(term, kind);
    for (const [term, kind] of SPANISH_CARE_TERMS) add(term, kind);
  }
  return careIndex;
}

let foldedCare: Map<string, Array<{ words: string[]; kind: Kind }>> | undefined;
/** One-word Spanish care terms by their folded spelling ("dilatasion", "cirujia"): see foldSpanish. */
export function foldedSpanishCare(): Map<string, Array<{ words: string[]; kind: Kind }>> {
  if (!foldedCare) {
    foldedCare = new Map();
    for (const [term, kind] of SPANISH_CARE_TERMS)
      if (!term.includes(' ')) foldedCare.set(foldSpanish(term), [{ words: [foldSpanish(term)], kind }]);
  }
  return foldedCare;
}

export const SECOND = new Set(['you', 'your', 'youre', 'yours', 'yourself', 'youve', 'youd', 'youll', 'yall', 'ya']);
export const SECOND_ES = new Set([
  'tu',
  'tus',
  'usted',
  'ustedes',
  'su',
  'sus',
  'te',
  'ti',
  'contigo',
  'le',
  'lo',
  'la',
]);
export const POSSESSIVE_2 = new Set(['your', 'yours', 'tu', 'tus', 'su', 'sus']);
export const POSSESSIVE_3 = new Set(['his', 'her', 'their', 'hers', 'theirs']);
export const DEMONSTRATIVE = new Set(['this', 'that', 'these', 'those', 'the', 'new', 'el', 'la', 'los', 'las']);
export const FIRST_PLURAL = new Set([
  'we',
  'our',
  'us',
  'ours',
  'were',
  'weve',
  'nosotros',
  'nuestro',
  'nuestra',
  'nos',
]);
export const KIN = new Set([
  'son',
  'daughter',
  'baby',
  'kid',
  'kids',
  'child',
  'children',
  'husband',
  'wife',
  'mom',
  'dad',
  'mother',
  'father',
  'grandma',
  'grandpa',
  'little',
  'kiddo',
  'family',
  'hijo',
  'hija',
  'esposo',
  'esposa',
  'mama',
  'papa',
]);
export const SPANISH_MARKERS = new Set([
  'el',
  'la',
  'los',
  'las',
  'de',
  'del',
  'que',
  'por',
  'para',
  'gracias',
  'muy',
  'nuestro',
  'nuestra',
  'usted',
  'su',
  'con',
  'una',
  'es',
  'esta',
]);
export const TIME_ANCHOR = new Set([
  'today',
  'yesterday',
  'tonight',
  'tomorrow',
  'morning',
  'afternoon',
  'earlier',
  'recently',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'hoy',
  'ayer',
  'manana',
]);
export const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'march',
  'apr',
  'april',
  'june',
  'july',
  'aug',
  'august',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);
export const NUMBER_WORDS = new Set([
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'twenty',
  'dozen',
  'once',
  'twice',
  'first',
  'second',
  'third',
  'dos',
  'tres',
  'cuatro',
]);
export const FEELING = new Set([
  'glad',
  'happy',
  'sorry',
  'proud',
  'hope',
  'hoping',
  'congrats',
  'congratulations',
  'thrilled',
  'love',
  'loved',
  'enjoyed',
  'miss',
  'pleasure',
  'wishing',
  'feel',
  'feeling',
  'better',
  'healing',
  'recovery',
  'sentimos',
  'alegra',
  'felicidades',
  'esperamos',
]);
export const GENERIC = new Set([
  'if',
  'whether',
  'anyone',
  'everyone',
  'everybody',
  'anybody',
  'most',
  'many',
  'people',
  'adults',
  'usually',
  'typically',
  'often',
  'generally',
  'tips',
  'tip',
  'reminder',
  'should',
  'can',
  'may',
  'offer',
  'offers',
  'available',
  'every',
  'any',
  'all',
  'si',
  'todos',
  'cualquier',
]);
export const PRIVACY = new Set([
  'privacy',
  'private',
  'privately',
  'confidential',
  'confidentiality',
  'hipaa',
  'discuss',
  'directly',
  'offline',
  'privacidad',
  'directamente',
]);
export const CONTACT = new Set([
  'call',
  'contact',
  'reach',
  'email',
  'message',
  'dm',
  'llame',
  'llamenos',
  'comuniquese',
]);
export const STAFF = new Set([
  'hygienist',
  'assistant',
  'nurse',
  'receptionist',
  'manager',
  'coordinator',
  'team',
  'staff',
  'front',
  'desk',
  'doctor',
  'dentist',
  'therapist',
  'provider',
  'tech',
  'injector',
  'esthetician',
]);
export const VISIT_VERBS = new Set([
  'came',
  'come',
  'coming',
  'visited',
  'visit',
  'visiting',
  'saw',
  'seen',
  'seeing',
  'see',
  'met',
  'meeting',
  'stopped',
  'treated',
  'treating',
  'checked',
  'welcome',
  'back',
  'chair',
  'appointment',
  'scheduled',
  'rescheduled',
  'booked',
  'returned',
  'vino',
  'vimos',
  'atendimos',
  'atender',
  'visitarnos',
]);
export const DEFENSIVE = new Set([
  'records',
  'record',
  'chart',
  'notes',
  'documented',
  'refused',
  'declined',
  'missed',
  'noshow',
  'show',
  'balance',
  'owe',
  'owed',
  'outstanding',
  'collections',
  'discharged',
  'told',
  'advised',
  'informed',
  'explained',
  'signed',
  'consent',
  'policy',
]);
export const GOSSIP = new Set([
  'patient',
  'patients',
  'lady',
  'guy',
  'gentleman',
  'woman',
  'man',
  'celebrity',
  'room',
  'someone',
  'somebody',
  'client',
  'clients',
  'paciente',
  'pacientes',
]);
export const TESTIMONIAL = new Set([
  'transformation',
  'journey',
  'results',
  'shoutout',
  'shout',
  'spotlight',
  'congrats',
  'congratulations',
  'smile',
  'story',
  'milestone',
  'graduated',
  'graduation',
  'finished',
]);
/** Clinical chart shorthand (general medical usage): notes about a patient, not prose. */
export const CHART = new Set([
  'pt',
  'hx',
  'dx',
  'sx',
  'tx',
  'rx',
  'prn',
  'bid',
  'tid',
  'qid',
  'wnl',
  'pcp',
  'co',
  'sp',
  'fu',
  'npo',
]);
export const MAIL_DOMAINS = new Set(['gmail', 'yahoo', 'hotmail', 'outlook', 'icloud', 'aol', 'comcast', 'protonmail']);
export const HANDLE_WORDS = new Set(['instagram', 'ig', 'tiktok', 'handle', 'tagged', 'tag', 'twitter', 'snapchat']);
export const RECORD_WORDS = new Set(['mrn', 'account', 'chart', 'claim', 'policy', 'member', 'id', 'file', 'case']);
export const PAST_IRREGULAR = new Set([
  'was',
  'were',
  'had',
  'did',
  'came',
  'saw',
  'got',
  'went',
  'took',
  'told',
  'said',
  'felt',
  'made',
  'left',
  'gave',
  'brought',
  'began',
]);

/**
 * Spanish words of the same cues (general Spanish, accent-free as normalization folds them; issue
 * #9 asks for Spanish coverage). Added to the English sets above once, at load.
 */
const SPANISH_CUE_WORDS: ReadonlyArray<readonly [Set<string>, readonly string[]]> = [
  [
    FEELING,
    [
      'alegramos',
      'contentos',
      'encanto',
      'felices',
      'felicitaciones',
      'gusto',
      'lamentamos',
      'mejore',
      'ojala',
      'orgullosos',
      'placer',
    ],
  ],
  [
    GENERIC,
    [
      'consejos',
      'cualquiera',
      'disponible',
      'disponibles',
      'gente',
      'mayoria',
      'muchos',
      'ofrecemos',
      'personas',
      'puede',
      'pueden',
      'recuerde',
      'siempre',
    ],
  ],
  [PRIVACY, ['confidencial', 'privada', 'privado', 'privadamente']],
  [CONTACT, ['contactenos', 'correo', 'escribanos', 'llamar', 'mensaje']],
  [
    STAFF,
    ['asistente', 'dentista', 'enfermera', 'enfermero', 'equipo', 'gerente', 'higienista', 'personal', 'recepcionista'],
  ],
  [
    VISIT_VERBS,
    [
      'atendimos',
      'bienvenida',
      'bienvenido',
      'consulta',
      'regresar',
      'regreso',
      'verla',
      'verlo',
      'verte',
      'vinieron',
      'viniste',
      'visito',
      'volver',
    ],
  ],
  [TIME_ANCHOR, ['anoche', 'semana', 'pasada', 'pasado']],
  [
    DEFENSIVE,
    [
      'cancelo',
      'consentimiento',
      'deuda',
      'dijimos',
      'expediente',
      'explicamos',
      'falto',
      'firmo',
      'informamos',
      'nego',
      'notas',
      'pendiente',
      'rechazo',
      'registros',
    ],
  ],
  [GOSSIP, ['alguien', 'chica', 'chico', 'senor', 'senora']],
  [TESTIMONIAL, ['felicidades', 'historia', 'logro', 'resultado', 'resultados', 'transformacion']],
  [KIN, ['abuela', 'abuelo', 'bebe', 'hijas', 'hijos', 'nina', 'ninas', 'nino', 'ninos']],
];
for (const [set, words] of SPANISH_CUE_WORDS) for (const w of words) set.add(w);

let lexicon: Record<string, string | string[]> | undefined;
/** compromise's word list (a lookup only: the model never parses). */
function lex(): Record<string, string | string[]> {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  return lexicon;
}
export const hasTag = (w: string, tag: string) => {
  const t = lex()[w];
  return t !== undefined && (t === tag || (Array.isArray(t) && t.includes(tag)));
};
/** A word compromise lists as a first name (what the model reads as a name cue). */
export const isFirstName = (w: string) =>
  w.length > 2 && (hasTag(w, 'FemaleName') || hasTag(w, 'MaleName') || hasTag(w, 'FirstName'));

/** Words that open greetings or are common English words despite being listed as names. */
export const NOT_NAME = new Set([
  'will',
  'may',
  'june',
  'april',
  'grace',
  'hope',
  'faith',
  'joy',
  'sunny',
  'summer',
  'dawn',
  'rose',
  'bill',
  'mark',
  'art',
  'rich',
  'ray',
  'sky',
  'star',
  'honey',
  'sugar',
  'dr',
  'doctor',
  'team',
  'care',
  'new',
  'max',
  'page',
  'bob',
  'chase',
  'lane',
  'hunter',
  'don',
  'pat',
  'sue',
  'guy',
  'tu',
  'su',
]);

/** The first word of each sentence (start of text or after . ! ? or a line break). */
export const SENTENCE_START = /(?:^|[.!?\n]\s*)\W*([A-Za-z]+)/g;
/** Instruction verbs compromise's word list files as nouns ("pack", "call", "brush"). */
export const IMPERATIVE = new Set([
  'apply',
  'ask',
  'book',
  'brush',
  'call',
  'check',
  'drop',
  'floss',
  'pack',
  'rinse',
  'stay',
  'stop',
  'text',
  'wash',
  'watch',
  'wear',
]);
/** Sentence-initial verbs that open statements or greetings, not instructions. */
export const NOT_IMPERATIVE = new Set(['thank', 'hope', 'love', 'welcome', 'see', 'miss', 'wish', 'congrats', 'feel']);

/**
 * How Spanish is heard rather than spelled: texting drops accents and spells by sound ("pasiencia",
 * "resepcion", "abraso", "escojer", "aser"), so the model also sees each word of a Spanish reply in
 * this folded form and one spelling's weights serve them all.
 */
export function foldSpanish(w: string): string {
  return w
    .replace(/h/g, '')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c(?=[aou]|$)/g, 'k')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/(\p{L})\1+/gu, '$1');
}
