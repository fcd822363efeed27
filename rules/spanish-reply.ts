/**
 * Spanish replies, which US practices post often: "su cita", "su tratamiento", "lo atendimos",
 * "gracias por su visita". Accents are folded by normalization, so patterns are written without
 * them. The Spanish version of the approved template ("gracias por contarnos", "su resultado
 * positivo") stays clean.
 */
import type { TermKind } from './data/care-terms';
import { SPANISH_CARE_TERMS } from './data/care-terms-es';
import { EXPLAINER, type Pattern, runPatterns } from './engine/cues';
import type { SentenceRule } from './engine/rule';

const CONFIRM = 'Esto confirma que la persona es paciente (this confirms the person is a patient).';
const CARE = 'Esto revela detalles de su atención médica (this reveals details of their care).';
const SUGGESTION =
  'Gracias por sus comentarios. Por favor, comuníquese directamente con nuestra oficina si tiene alguna pregunta.';

/** Offers and cheers to any reader: "te explicamos", "te esperamos", "¡tú puedes!", "no te rindas". */
const OFFER =
  /\b(?:te|le|les) (?:explicamos|esperamos|invitamos|contamos|compartimos|ayudamos|atendemos|orientamos)\b|\btu puedes\b|\bno te rindas\b|\bpreguntanos\b|\bagenda tu\b/gi;
/**
 * Tips, myths and posts for everyone: "¿Sabías que...?", "abierto a todos". (Conditions, privacy
 * talk and people in general silence every pattern: see nobodyInParticular.)
 */
const EVERYONE =
  /\b(?:sabias|sabian|mitos?|tips?|consejos?|abierto a todos|todos los que|todas las que|dato (?:curioso|importante|util)|recordatorio|por lo general|en general|generalmente|normalmente|suelen|para todos|para todas|buena pregunta|por si acaso|para quien)\b/i;

/** Present-tense care verbs, which offer care to anyone ("le atendemos") rather than recall a visit. */
const OFFER_NOW = /(?:atendemos|recibimos|tratamos)$/i;
/**
 * An offer or a habit around a present-tense "le atendemos": "con gusto" before it, a channel after it
 * ("por teléfono", "en privado", "hoy mismo", "de inmediato"), or a clause of any time ("mientras los atendemos",
 * "en cuanto los recibimos"). "De nuevo", "otra vez", "igual que la vez pasada" still recall a visit.
 */
function offered(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(start + length, start + length + 40);
  if (/^\s*(?:de nuevo|otra vez|igual|como (?:la vez|siempre|antes))\b/i.test(after)) return false;
  return (
    /\b(?:con (?:mucho )?gusto|gustosamente|mientras|en cuanto|cuando)\s+$/i.test(before) ||
    /^\s*(?:\p{L}+\s+)?(?:en privado|por (?:telefono|whatsapp|correo|mensaje|chat|dm|inbox|privado)|personalmente|hoy mismo|de inmediato|enseguida|al \(?\d)/iu.test(
      after,
    )
  );
}
/**
 * Events open to anyone: fairs, parties, talks, contests ("¡Gracias por venir a la feria!", "nos vemos
 * en nuestro próximo evento"). Coming to one is not being a patient.
 */
const EVENT =
  /\b(?:ferias?|eventos?|fiesta|inauguracion|talleres|taller|charlas?|seminarios?|conferencias?|caminata|carrera|kermes|kermesse|posada|festival|concursos?|jornada|open house|trunk-or-treat|celebracion|colecta|desfile|torneo|convivio|rifa|sorteo|dia mundial|dia nacional)\b/i;
/** Thanks for the review itself: "gracias por elegirnos para dejar su reseña". */
const REVIEW_THANKS =
  /\bpara (?:dejar |escribir |compartir )?(?:esta|su|tu|una|sus|tus) (?:resena|opinion|comentario|calificacion|estrellas)/i;

/**
 * A care word that is nobody's: as a topic or a service ("experiencia en cirugía",
 * "coordinadora de cirugías", "opciones de tratamiento", "tiempo de
 * recuperación"), or part of a proper name ("En
 * Terapia Física Movimiento", "Alergias y Asma del Desierto", "lentes Transitions").
 */
function anyones(text: string, start: number, word: string): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(start + word.length, start + word.length + 30);
  return (
    /\b(?:toma|tomas|deteccion|cobertura|experiencia|especialistas?|especializad[oa]s|certificad[oa]s?|certificacion|educador[a]?|coordinador[a]?|investigacion|libro|charlas?|platicas?|talleres|taller|clases?|conferencias?|congreso|entrevista|opciones|tipos?|tiempo|centro|unidad|departamento|area|costo|precio|precios|paquetes?|metodos?) (?:en|sobre|de|del|para) (?:la |el |los |las )?$/i.test(
      before,
    ) ||
    // A capital mid-sentence (the text is one sentence) followed by another capital (a name), or a
    // brand right after the word.
    (/^\p{Lu}/u.test(word) && /\p{L}/u.test(before) && /^\s+(?:(?:y|de|del|de la)\s+)?\p{Lu}/u.test(after)) ||
    /^\s+(?!(?:Dr|Dra|Sr|Sra)\b)\p{Lu}\p{Ll}+\b/u.test(after)
  );
}

/** A promotion or an invitation to every reader. */
const PROMO =
  /\b(?:descuentos?|\d+ ?%|gratis|gratuita|gratuito|promocion|precio especial|estrena|estrenen|vengan|preguntanos|pregunten|te explicamos|le explicamos)\b|%/i;

/** Kinds of the Spanish care table that are clinical details on their own ("su lupus", "su cesárea"). */
const CLINICAL: ReadonlySet<TermKind> = new Set([
  'condition',
  'symptom',
  'procedure',
  'medication',
  'device',
  'result',
]);
/**
 * Table words that say nothing clinical alone or that the patterns read in context: "sus puntos"
 * (loyalty points), "su resultado positivo" (the approved template), a bill's "seguro", a fertility
 * or flu service offered to anyone, "audífonos" that are often headphones.
 */
const CONTEXTUAL = new Set([
  'puntos',
  'resultados',
  'sangre',
  'azucar',
  'fertilidad',
  'gripe',
  'covid',
  'recuperacion',
  'audifonos',
]);
/** The table's clinical words as regex alternatives, longest first (multi-word terms allow any spacing). */
const tableWords = (keep: (term: string, kind: TermKind) => boolean) =>
  SPANISH_CARE_TERMS.filter(([t, k]) => keep(t, k))
    .map(([t]) => t.replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
const CLINICAL_ES = tableWords((t, k) => CLINICAL.has(k) && !CONTEXTUAL.has(t));

/** Spanish patterns (accent-free, case-insensitive). */
export const PATTERNS: Pattern[] = [
  {
    re: /\b(?:su|sus|tu|tus) (?:proxim[ao]s? |ultim[ao]s? |primer[ao]? |reciente )?(?:dos |tres |otras? )?(?:cita|citas|visita|visitas|consulta|consultas|sesion|sesiones|expediente|cuenta|historial|dentista|doctora?|medico|medica|higienista|terapeuta|enfermera|quiropractico)\b/gi,
    message: CONFIRM,
    severity: 'warn',
    // An offer to any reader for a coming visit: "20% de descuento en tu primera sesión", "vengan a
    // probarlas en su próxima visita", "pregúntanos en tu próxima consulta".
    when: (ctx, m) => !/^(?:su|sus|tu|tus) (?:primer|proxim)/i.test(m[0]) || !PROMO.test(ctx.text),
  },
  {
    // The words here, then the clinical words of rules/data/care-terms-es.ts.
    re: new RegExp(
      `\\b(?:su|sus|tu|tus) (?:nuev[ao]s? )?(?:tratamiento|tratamientos|limpieza|examen|procedimiento|cirugia|operacion|receta|medicamento|medicamentos|medicina|factura|saldo|seguro|diagnostico|resultados (?:de|del)|analisis|terapia|corona|implante|implantes|frenos|lentes|vacuna|dolor|rodilla|espalda|muela|diente|dientes|embarazo|parto|radiografias?|biopsia|lesion|recuperacion|condicion|enfermedad|alergia|ansiedad|depresion|presion|${CLINICAL_ES})\\b`,
      'gi',
    ),
    message: CARE,
    severity: 'block',
  },
  {
    re: /\b(?:lo|la|los|las|le|les|te) (?:atendimos|atendemos|vimos|veremos|tratamos|recibimos|operamos|examinamos|esperamos (?:ver|de nuevo))\b/gi,
    message: CONFIRM,
    severity: 'warn',
    // "Con gusto le atendemos por teléfono", "mientras los atendemos": an offer or a habit, not a visit.
    when: (ctx, m) => !OFFER_NOW.test(m[0]) || !offered(ctx.text, m.index ?? 0, m[0].length),
  },
  {
    // Thanks that run on from earlier visits: "gracias como siempre", "como siempre, un gusto".
    re: /\bgracias\b[^.!?]{0,40}?\bcomo siempre\b|\bcomo siempre\b[,!]?\s(?:(?:es |fue )?(?:un (?:gusto|placer)|un honor|un gustazo|da gusto|nos da gusto|qu[eé] gusto)|gracias)\b/gi,
    message: CONFIRM,
    severity: 'warn',
  },
  {
    re: /\b(?:verlo|verla|verle|verte|verlos|atenderlo|atenderla|atenderle|atenderte) (?:de nuevo|pronto|otra vez|en su)\b/gi,
    message: CONFIRM,
    severity: 'warn',
  },
  {
    re: /\bgracias por (?:su|tu) (?:visita|preferencia|confianza|lealtad)\b|\bgracias por (?:visitarnos|venir|elegirnos|escogernos|confiar en nosotros)\b/gi,
    message: CONFIRM,
    severity: 'warn',
    // "¡Gracias por venir a la feria!", "gracias por elegirnos para dejar su reseña": an event or the
    // review itself, not a visit.
    when: (ctx) => !EVENT.test(ctx.text) && !REVIEW_THANKS.test(ctx.text),
  },
  {
    // Caring for the reader's family: "nos encantó atender a tus hijos".
    re: /\b(?:atender|ver|conocer|tratar|recibir|cuidar) a (?:tus|sus|su|tu) (?:hij[oa]s?|nin[oa]s?|bebes?|esposo|esposa|mama|papa|familia|abuel[oa]s?|pequen[oa]s?)\b/gi,
    message: CONFIRM,
    severity: 'warn',
  },
  {
    // A visit moved or booked for someone, a touch-up visit: "reprogramamos la cita", "vienes para el retoque".
    re: /\b(?:reprogramamos|programamos|cambiamos|movimos|cancelamos|confirmamos|agendamos) (?:la|su|tu) (?:cita|consulta|visita)\b|\b(?:vienes|viene|vuelves|vuelve|regresas|regresa) (?:para|a) (?:el|la|tu|su) (?:retoque|control|revision|cita|consulta|seguimiento|limpieza|tratamiento)\b/gi,
    message: CONFIRM,
    severity: 'warn',
  },
  {
    // "fue un honor tenerlo como paciente", "hasta la próxima, don Luis", "parte de nuestra familia de pacientes",
    // "como paciente nuestro desde hace años" (one reader: "como nuestros pacientes saben" is everyone).
    // Not staff ("¡qué orgullo tenerla en el equipo!"), nor "de parte de la familia" (from), "la parte
    // de la familia" (the family's share of a bill) or "nos sentimos parte de la familia" (the practice).
    re: /\bbienvenid[oa]s? de nuevo\b|\bnos vemos (?:pronto|en|el|la)\b|\bfue un (?:placer|gusto|honor) (?:atender|ver|conocer|tener)|\b(?:tenerl[oa]s?|tenerle|tenerte) (?:en|como|aqui|con)\b(?! (?:el |nuestro |este |parte del )?equipo\b)|\bhasta la proxima\b|(?<!\b(?:de|la|sentimos|somos) )\bparte de (?:nuestra|la) familia\b|\bfamilia de pacientes\b|\bcomo (?:paciente|cliente) nuestr[oa]\b|\bcomo (?:nuestr[oa] (?:paciente|cliente)|un[ao] de nuestr[oa]s (?:pacientes|clientes))\b/gi,
    message: CONFIRM,
    severity: 'warn',
    // "¡Nos vemos en la feria del sábado!", "¡Hasta la próxima feria!": an event open to anyone.
    when: (ctx) => !EVENT.test(ctx.text),
  },
  {
    re: /\b(?:la|su) (?:larga )?espera\b(?=[^.!?]{0,40}\b(?:horas?|minutos|tuvo|ayer|hoy|urgencias)\b)/gi,
    message: CARE,
    severity: 'block',
  },
  {
    // A feeling about a person's health: "esperamos que su bebé se sienta mejor de la fiebre".
    // The words here, then the clinical words of rules/data/care-terms-es.ts.
    re: new RegExp(
      `\\b(?:fiebre|dolor|dolido|duele|gripe|tos|infeccion|alergias?|asma|diabetes|azucar|insulina|embarazo|cirugias?|operacion|fractura|hueso|yeso|herida|puntos|recetas?|medicamentos?|medicinas?|vacunas?|caries|coronas?|implantes?|dentadura|frenos|lentes|terapia|tratamientos?|urgencias|emergencia|lesion|recuperacion|resultados|analisis|biopsia|quimioterapia|ansiedad|depresion|consumir|sobriedad|sobrio|sobria|recaida|adiccion|rinoplastia|transformacion|radiografias?|muela|extraccion|inyecciones?|rodilla|espalda|oido|gotas|cateterismo|aspirina|suboxona|metadona|presion|colesterol|niveles|programa|pastillas|botox|relleno|retoque|dosis|nebulizacion|inhalador|a1c|glucosa|libras|kilos|ozempic|mounjaro|semaglutida|insulina|crema|pomada|${CLINICAL_ES})\\b`,
      'gi',
    ),
    message: CARE,
    severity: 'block',
    // "se siente mejor", "te recuperas": the reflexive addresses the reader too; instructions to this
    // reader ("sigue con la dosis", "recuerde aplicarse") address them too. Offers and cheers to any
    // reader ("te explicamos", "¡tú puedes!") and tips for everyone do not, nor a neuter or
    // thing "lo" ("lo mejor", "lo que", "lo sentimos", "una corona lo resuelve").
    when: (ctx, m) =>
      !EVERYONE.test(ctx.text) &&
      !anyones(ctx.text, m.index ?? 0, m[0]) &&
      /\b(?:su|sus|tu|tus|usted|le|lo(?! (?:que|cual|mas|mejor|peor|indicado|recomendable|ideal|importante|preocupante|contrario|sentimos|sabemos|hacemos|explicamos|platicamos|revisamos|resuelve|cubren|cubre|realiza|sepan|antes posible)\b)|te|se (?:siente|sienta|recupera|recupere|ve|mejoro)|sigue|siga|toma|tome|recuerde|recuerda|aplica|aplique|vienes|vuelve|vuelves)\b/i.test(
        ctx.text.replace(OFFER, ' '),
      ),
  },
  {
    re: /\bnuestros (?:registros|archivos) (?:muestran|indican)\b|\busted (?:no se presento|no asistio|no vino|no pago|cancelo|falto|rechazo|firmo)\b|\brecuerde (?:aplicarse|tomar|tomarse|usar|ponerse|seguir)\b/gi,
    message: CARE,
    severity: 'block',
  },
];

/**
 * Words right before "su/tu X" that make it a call to action or advice to anyone: booking ("agende su
 * consulta", "puede cambiar su cita", "llegue 10 minutos antes de su cita"), advice about the reader's
 * own provider ("avise a su terapeuta", "siga las indicaciones de su médico", "sin hablar con su
 * médico"), or a condition ("depende de su seguro", "").
 */
const CALL_TO_ACTION =
  /\b(?:agende|agenden|agenda|agendar|reserve|reserven|reserva|reservar|programe|programen|programa|haga|hagan|hacer|haz|pidan|soliciten|al hacer|solicite|pida|pide|pedir|para|cambiar|cambie|reagendar|reagende|reagenda|aparte|aparten|apartar|llame para|pregunte (?:a|en|por)|pregunta (?:a|en|por)|preguntele a|preguntale a|consulte(?: con)?|consultar (?:con|a)|hable con|habla con|hablar con|llame a|llama a|llamar a|avise a|avisa a|avisele a|avisale a|platique con|platica con|platicar con|platiquelo con|platicalo con|comentelo con|comentalo con|vaya con|ve con|acuda (?:a|con)|(?:indicaciones|instrucciones|recomendaciones|aprobacion|autorizacion) de|depende de|dependiendo de|sin importar|preguntas (?:de|sobre)|dudas (?:de|sobre)|informes (?:de|sobre)|revisar|verificar|checar|(?:llegue|llega|llegar) (?:\d+ minutos )?antes (?:de|a))\s+$/i;

/**
 * A day or hour right after "su cita": "puede cambiar su cita del jueves", "su cita dice 16 de
 * noviembre". That is one person's visit, whatever the call to action around it ("los martes" is a
 * habit and does not count).
 */
const SPECIFIC_AFTER =
  /^[^.;!?]{0,20}?(?<!\blos )\b(?:manana|ayer|lunes|martes|miercoles|jueves|viernes|sabado|domingo|a las \d|\d{1,2}(?::\d\d| de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|\s?[ap]\.?m\b))/i;

/** The reader's own provider, who will decide: "su dentista le indicará", "tu médico te dirá". */
const PROVIDER_WILL =
  /^(?: general| de cabecera| familiar)?,? (?:le |te |les )?(?:indicara|dira|explicara|recomendara|confirmara|decidira|sabra|ayudara|orientara|podra|puede ajustar)\b/i;
const PROVIDER_END = /(?:dentista|doctora?|medic[oa]|higienista|terapeuta|enfermera|quiropractico)$/i;

/**
 * A sentence about nobody in particular: a privacy statement ("no hablamos de ningún paciente"),
 * a condition or an invitation ("si alguien quiere hablar de su tratamiento, llame"), people in
 * general ("cada persona", "algunas personas", "muchos"), or a question to any reader
 * ("¿Te van a hacer una biopsia?"). Its "su" is anyone's (Spanish "su" is also his, her, their).
 */
/**
 * A question to any reader ("¿Nervios antes de tu cita?", "¿Le dan miedo las gotas?"), but not one
 * about how this person's care is going ("¿Cómo sigue su rodilla?").
 */
// (A short heading may come first: "Regreso a clases 🎒 ¿Ya tienen...?")
const QUESTION =
  /^(?:[^,¿.!?]{0,30}\p{Extended_Pictographic}\s*|\W*)\u00bf(?!\s*(?:como|que tal) (?:sigue|sigues|siguen|va|vas|van|esta|estas|estan|le fue|te fue|les fue|se siente|te sientes|le va|te va|salio|quedo|quedaron|le quedo|te quedo)\b)[^?]*\?/iu;

function nobodyInParticular(text: string): boolean {
  return (
    /\b(?:ningun|ninguna|ningunos|cualquier|cualquiera|alguien|nadie|cada (?:persona|paciente|caso|cliente|familia)|tod[oa]s l[oa]s [a-zñ]+ que|tod[oa]s nuestr[oa]s (?:pacientes|pacientitos|clientes|clientas|familias)|todas las familias|algunas personas|algunos pacientes|muchas personas|muchos pacientes|la mayoria|todos los pacientes|las personas|los pacientes|por privacidad|por ley|no podemos (?:confirmar|hablar|comentar|discutir|compartir))\b/i.test(
      text,
    ) ||
    /\bsi (?:a (?:su|tu|sus|tus) |usted|tiene|tienes|necesita|necesitas|nota|notas|quiere|quieres|alguien|es|eres|su|tu|le|te|hay|siente|sientes|piensa|piensas|cree|crees|ya|un|una|unos|unas|algun|alguna|algunos|algunas|despues de una?|eso|esto|prefiere|prefieres|desea|deseas|estas|(?!(?:puedes|apenas|antes|entonces|veces|ademas)\b)[a-zñ]{2,}(?:as|es)\b(?=\s(?!\d)))\b/i.test(
      text,
    ) ||
    QUESTION.test(text) ||
    EXPLAINER.test(text) ||
    /^[\s\u00bf\u00a1]*(?:(?:te|le) van a\b|(?:vas|va|tienes|tiene|sabias|sabia|es tu|es su|necesitas|necesita|buscas|busca)\b[^?]*\?)/i.test(
      text,
    )
  );
}

const rule: SentenceRule = {
  id: 'spanish-reply',
  description: 'Spanish confirmations and care details ("su cita", "su tratamiento", "lo atendimos").',
  rationale: 'The same policy applies in every language; Spanish replies are common for US practices.',
  category: 'confirms-patient-status',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check: (ctx) => {
    const nobody = nobodyInParticular(ctx.text);
    return (
      runPatterns(ctx, PATTERNS)
        // "Agende su consulta gratis": a call to action, not someone's visit; "pregunte a su médico": advice
        // to anyone; "si tiene dudas sobre su tratamiento": anyone's. A day or an hour right after the
        // finding ("su cita dice 16 de noviembre, ... si hay cambios") still makes it one person's visit.
        .filter(
          (f) =>
            !(nobody || CALL_TO_ACTION.test(ctx.text.slice(Math.max(0, f.start - 30), f.start))) ||
            SPECIFIC_AFTER.test(ctx.text.slice(f.end, f.end + 40)),
        )
        // "Su dentista le indicará cuándo": advice about the reader's own provider.
        .filter(
          (f) =>
            !PROVIDER_END.test(ctx.text.slice(f.start, f.end)) ||
            !PROVIDER_WILL.test(ctx.text.slice(f.end, f.end + 40)),
        )
        .map((f) => ({
          ...f,
          category: f.severity === 'block' ? ('care-details' as const) : ('confirms-patient-status' as const),
          suggestion: SUGGESTION,
        }))
    );
  },
  examples: {
    flag: [
      'Gracias por su visita, lo esperamos pronto.',
      'Esperamos que su tratamiento vaya muy bien.',
      'Nos vemos en su próxima cita.',
      // A call to action around one person's visit on a given day.
      'Sí, puede cambiar su cita del jueves para la próxima semana.',
      'Como paciente nuestro desde hace años, su opinión nos importa mucho.',
      '¡Gracias como siempre por sus palabras!',
      // A condition from the Spanish care table (rules/data/care-terms-es.ts), accents folded.
      'Qué gusto que su psoriasis esté más tranquila con la crema nueva.',
      'Lamentamos que su cesárea haya sido tan difícil.',
    ],
    pass: [
      // A post thanking everyone who came: its closing looks ahead to the next event (read over the whole post).
      '¡Gracias a todas las que vinieron a convivir con nosotras! ¡Nos vemos en la próxima!',
      // A practice's anniversary thanks the whole community (read over the whole post).
      'Felicidades a todo nuestro equipo por 10 años sirviendo a Santa Ana. ¡Gracias por su confianza!',
      // Everyone who came to a vaccination day, nobody in particular.
      'Gracias a todos los abuelitos que vinieron por su vacuna del neumococo.',
      // A free screening offered to anyone.
      'Prueba de glucosa: gratis los miércoles. Toma de presión: gratis siempre.',
      // A question to every parent after a heading, then a call to action to all of them.
      'Regreso a clases 🎒 ¿Ya tienen el examen físico y las vacunas de sus hijos? Hagan su cita antes de agosto.',
      // An offer to anyone who writes in.
      'Disculpe la espera en el teléfono. Escríbanos por mensaje y le atendemos de inmediato.',
      // A listicle for anyone.
      '3 cosas que tu podólogo quiere que dejes de hacer: aguantarte el dolor de talón por meses.',
      // The same condition as a topic of a talk for anyone.
      'Este jueves hablamos de psoriasis y eccema en la biblioteca, ¡todos bienvenidos!',
      // A condition put to any reader ("si juegas…"), not this reader's care.
      'Si juegas fútbol y tienes dolor de rodilla, ya sabes con quién ir.',
      // The practice's week wrapped up for everyone: the office reopens Monday.
      '¡Se acabó la semana! Gracias al equipo por tanta paciencia. ¡Nos vemos el lunes!',
      // "Como siempre" about the practice's hours, not the reader's visits.
      'Estamos abiertos como siempre el sábado, con pan dulce en la recepción.',
      // Everyone who is a patient, not this reader.
      'Como nuestros pacientes saben, cerramos el lunes festivo.',
      // The approved template in Spanish.
      '¡Gracias por contarnos! Nos da gusto saber de su resultado positivo.',
      // Invitation to call, no confirmation.
      'Por favor, llame a nuestra oficina si tiene preguntas.',
      // A privacy statement about anyone's treatment.
      'Por privacidad, si alguien quiere hablar sobre su tratamiento, llame a la directora.',
      // Advice to any reader about their own doctor.
      'Pregunte a su médico si tiene dudas sobre la dosis.',
      // Education for everyone.
      'Recomendamos radiografías una vez al año, según el riesgo de cada persona.',
      // An offer to call, in the present tense: nobody's visit.
      'Por privacidad no hablamos de casos en redes. Con gusto le atendemos por teléfono al (555) 010-2000.',
      // An event open to anyone.
      '¡Gracias por venir a nuestra feria de salud! Nos vemos en el próximo evento.',
      // A member of staff, not a patient.
      'Felicidades a nuestra higienista Rosa por sus 10 años. ¡Es un orgullo tenerla en el equipo!',
      // Thanks for the review itself, and the practice as part of the neighbourhood.
      'Gracias por elegirnos para dejar su reseña. Llevamos 15 años aquí y nos sentimos parte de la familia.',
      // A question to any reader.
      '¿Nervios antes de tu cita? Es normal: trae tus audífonos y pide una manta.',
      // A condition, and advice about the reader's own doctor.
      'Si siente mareos, es importante llamar a su médico ese mismo día.',
      // A call to action about anyone's appointment.
      'Puede cambiar su cita en línea hasta 24 horas antes sin cargo.',
      // The reader's own provider will decide.
      'Su dentista general le indicará cada cuánto hacerse una revisión.',
      // A topic of staff news, not anyone's care.
      'Felicidades a nuestra enfermera Keisha por su certificación como educadora en diabetes.',
      // The practice's name.
      'Gracias por su opinión. En Terapia Física Movimiento valoramos su tiempo.',
      // A fact for everyone.
      'Dato curioso: el hueso tarda unas 8 semanas en unirse al implante; su sonrisa vale la espera.',
      // A neuter "lo": nobody's care.
      'Comprendemos lo preocupante que es la fiebre alta en un bebé.',
      // An offer to every reader for a coming visit.
      '¡Nuestras sillas con masaje ya llegaron! Vengan a probarlas en su próxima visita.',
    ],
  },
};

export default rule;
