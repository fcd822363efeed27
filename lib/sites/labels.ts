/**
 * The words the three sites put on their reply boxes and buttons, per UI language (issue #10:
 * "La tua risposta pubblica", "Rispondi" left an Italian office unguarded). Labels are the second
 * anchor: the adapters try stable attributes and structure first (lib/sites/<site>.ts).
 *
 * Every entry is compared after `normLabel` (lower case, accents and a trailing ellipsis removed),
 * so "Write a comment…", "Write a comment..." and "write a comment" are one entry. Sources: the
 * evidence in shared/spec/site-evidence.md (Google's Italian and Spanish strings, Facebook's
 * Spanish ones) and each site's own public help pages for the rest.
 */

/** The UI languages the guard reads. */
export const LANGS = ['en', 'es', 'fr', 'de', 'it', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

/** One language's vocabulary. All phrases are already normalized (see `normLabel`). */
export interface Vocabulary {
  /** Names of boxes that answer someone, matched as the start of the box's name. */
  replyBox: readonly string[];
  /** Names of boxes that are not replies (the status composer, search), matched as a start. */
  notReply: readonly string[];
  /** Google Business Profile's post button (the whole name). */
  googleSubmit: readonly string[];
  /** Facebook's send control (the whole name). */
  facebookSubmit: readonly string[];
  /** Yelp for Business's post button inside a review card (the whole name). */
  yelpSubmit: readonly string[];
  /** Buttons beside a box that never post it (the whole name). */
  notSubmit: readonly string[];
  /** "Comment as <Page>" and kin: the name that follows is who the reply is posted as. */
  actingAs: readonly string[];
  /** "Reply to <name>": the name that follows is the person answered. */
  replyTo: readonly string[];
  /** A top-level comment box (answers the post, not a comment): "Write a comment…", "Comment as <Page>". */
  topLevel: readonly string[];
  /** A comment's container label prefix: "Comment by <name> …", "Reply by <name> …". */
  commentBy: readonly string[];
  /** Words a private message box carries ("Message", "Reply in Messenger…"). */
  message: readonly string[];
  /** The word in a star rating's label ("5 star rating", "5 su 5 stelle"). */
  stars: readonly string[];
}

/** Lower case, accents stripped, whitespace collapsed, a trailing ellipsis or colon dropped. */
export function normLabel(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019]/g, "'")
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/(?:\u2026|\.{3}|:)\s*$/, '')
      // Spanish opens questions and exclamations: "¿Qué estás pensando?".
      .replace(/^[\s\u00bf\u00a1]+/, '')
      .trim()
  );
}

/** The vocabularies, one per language. */
export const VOCABULARY: Record<Lang, Vocabulary> = {
  en: {
    replyBox: [
      'add a comment',
      'answer as',
      'comment',
      'direct message',
      'message',
      'public comment',
      'reply',
      'respond',
      'write a comment',
      'write a message',
      'write a public comment',
      'write a reply',
      'write your response',
      'your public reply',
      'your reply',
      'your response',
    ],
    notReply: [
      'create a post',
      'create a public post',
      'create post',
      'search',
      "what's on your mind",
      'write something',
    ],
    googleSubmit: ['post', 'post reply', 'publish', 'reply', 'submit', 'update'],
    facebookSubmit: ['comment', 'post', 'post comment', 'press enter to post', 'reply', 'send', 'submit'],
    yelpSubmit: ['post', 'post comment', 'post public comment', 'send', 'send message', 'submit'],
    notSubmit: ['cancel', 'close', 'delete', 'discard', 'ignore', 'skip'],
    actingAs: ['answer as', 'comment as', 'commenting as', 'reply as', 'replying as'],
    replyTo: ['reply to'],
    topLevel: ['comment as', 'commenting as', 'write a comment', 'write a public comment'],
    commentBy: ['comment by', 'reply by'],
    message: ['direct message', 'instagram', 'message', 'messenger'],
    stars: ['star', 'stars'],
  },
  es: {
    replyBox: [
      'comentar como',
      'comentario publico',
      'escribe tu respuesta',
      'escribe un comentario',
      'escribe un mensaje',
      'escribe una respuesta',
      'mensaje',
      'responder',
      'respuesta',
      'tu respuesta',
      'tu respuesta publica',
    ],
    notReply: ['buscar', 'crear publicacion', 'escribe algo', 'que estas pensando'],
    googleSubmit: ['actualizar', 'publicar', 'publicar respuesta', 'responder'],
    facebookSubmit: ['comentar', 'enviar', 'publicar', 'publicar comentario', 'responder'],
    yelpSubmit: ['enviar', 'enviar mensaje', 'publicar', 'publicar comentario'],
    notSubmit: ['cancelar', 'cerrar', 'descartar', 'eliminar', 'ignorar', 'omitir'],
    actingAs: ['comentando como', 'comentar como', 'responder como', 'respondiendo como'],
    replyTo: ['responder a'],
    topLevel: ['comentando como', 'comentar como', 'escribe un comentario', 'escribe un comentario publico'],
    commentBy: ['comentario de', 'respuesta de'],
    message: ['instagram', 'mensaje', 'messenger'],
    stars: ['estrella', 'estrellas'],
  },
  fr: {
    replyBox: [
      'commentaire public',
      'commenter en tant que',
      'ecrire un commentaire',
      'ecrire un message',
      'ecrire une reponse',
      'ecrivez un commentaire',
      'ecrivez une reponse',
      'message',
      'repondre',
      'reponse',
      'votre reponse',
      'votre reponse publique',
    ],
    notReply: ['creer une publication', 'ecrivez quelque chose', 'exprimez-vous', 'quoi de neuf', 'rechercher'],
    googleSubmit: ['mettre a jour', 'publier', 'publier la reponse', 'repondre'],
    facebookSubmit: ['commenter', 'envoyer', 'publier', 'publier le commentaire', 'repondre'],
    yelpSubmit: ['envoyer', 'envoyer le message', 'publier', 'publier le commentaire'],
    notSubmit: ['annuler', 'fermer', 'ignorer', 'passer', 'supprimer'],
    actingAs: ['commenter en tant que', 'repondre en tant que'],
    replyTo: ['repondre a'],
    topLevel: ['commenter en tant que', 'ecrire un commentaire', 'ecrivez un commentaire'],
    commentBy: ['commentaire de', 'reponse de'],
    message: ['instagram', 'message', 'messenger'],
    stars: ['etoile', 'etoiles'],
  },
  de: {
    replyBox: [
      'antwort',
      'antworten',
      'direktnachricht',
      'ihre antwort',
      'ihre offentliche antwort',
      'kommentieren als',
      'nachricht',
      'offentlicher kommentar',
      'schreibe eine antwort',
      'schreibe einen kommentar',
    ],
    notReply: ['beitrag erstellen', 'schreib etwas', 'suchen', 'was machst du gerade'],
    googleSubmit: [
      'aktualisieren',
      'antwort posten',
      'antwort veroffentlichen',
      'antworten',
      'posten',
      'veroffentlichen',
    ],
    facebookSubmit: ['antworten', 'kommentar posten', 'kommentieren', 'posten', 'senden'],
    yelpSubmit: ['kommentar posten', 'nachricht senden', 'posten', 'senden'],
    notSubmit: ['abbrechen', 'ignorieren', 'loschen', 'schliessen', 'uberspringen'],
    actingAs: ['antworten als', 'kommentieren als'],
    replyTo: ['antwort an', 'antworten an'],
    topLevel: ['kommentieren als', 'schreibe einen kommentar'],
    commentBy: ['antwort von', 'kommentar von'],
    message: ['instagram', 'messenger', 'nachricht'],
    stars: ['stern', 'sterne', 'sternen'],
  },
  it: {
    replyBox: [
      'commenta come',
      'commento pubblico',
      'la tua risposta',
      'la tua risposta pubblica',
      'messaggio',
      'messaggio diretto',
      'rispondi',
      'risposta',
      'scrivi un commento',
      'scrivi un messaggio',
      'scrivi una risposta',
    ],
    notReply: ['a cosa stai pensando', 'cerca', 'crea post', 'scrivi qualcosa'],
    googleSubmit: ['aggiorna', 'pubblica', 'pubblica risposta', 'rispondi'],
    facebookSubmit: ['commenta', 'invia', 'pubblica', 'pubblica commento', 'rispondi'],
    yelpSubmit: ['invia', 'invia messaggio', 'pubblica', 'pubblica commento'],
    notSubmit: ['annulla', 'chiudi', 'elimina', 'ignora', 'salta'],
    actingAs: ['commenta come', 'rispondi come'],
    replyTo: ['rispondi a'],
    topLevel: ['commenta come', 'scrivi un commento', 'scrivi un commento pubblico'],
    commentBy: ['commento di', 'risposta di'],
    message: ['instagram', 'messaggio', 'messenger'],
    stars: ['stella', 'stelle'],
  },
  pt: {
    replyBox: [
      'a sua resposta publica',
      'comentar como',
      'comentario publico',
      'escreva um comentario',
      'escreva uma mensagem',
      'escreva uma resposta',
      'mensagem',
      'responder',
      'resposta',
      'sua resposta',
      'sua resposta publica',
    ],
    notReply: ['criar publicacao', 'escreva algo', 'no que voce esta pensando', 'pesquisar'],
    googleSubmit: ['atualizar', 'postar resposta', 'publicar', 'publicar resposta', 'responder'],
    facebookSubmit: ['comentar', 'enviar', 'publicar', 'publicar comentario', 'responder'],
    yelpSubmit: ['enviar', 'enviar mensagem', 'publicar', 'publicar comentario'],
    notSubmit: ['cancelar', 'excluir', 'fechar', 'ignorar', 'pular'],
    actingAs: ['comentar como', 'responder como'],
    replyTo: ['responder a'],
    topLevel: ['comentar como', 'escreva um comentario'],
    commentBy: ['comentario de', 'resposta de'],
    message: ['instagram', 'mensagem', 'messenger'],
    stars: ['estrela', 'estrelas'],
  },
};

type Key = keyof Vocabulary;

const sets = new Map<Key, ReadonlySet<string>>();
const lists = new Map<Key, readonly string[]>();

/** Every language's phrases for `key`, longest first (so a longer prefix wins). */
export function phrases(key: Key): readonly string[] {
  let out = lists.get(key);
  if (!out) {
    out = [...new Set(LANGS.flatMap((l) => VOCABULARY[l][key]))].sort((a, b) => b.length - a.length);
    lists.set(key, out);
  }
  return out;
}

/** True when `name` is exactly one of the phrases for `key`, in any language. */
export function isLabel(key: Key, name: string): boolean {
  let set = sets.get(key);
  if (!set) {
    set = new Set(phrases(key));
    sets.set(key, set);
  }
  return set.has(normLabel(name));
}

/** True when `name` starts with one of the phrases for `key` (a whole word), in any language. */
export function startsWithLabel(key: Key, name: string): boolean {
  return prefixOf(key, name) !== null;
}

/** The phrase for `key` that `name` starts with (a whole word), or null. */
export function prefixOf(key: Key, name: string): string | null {
  const n = normLabel(name);
  for (const p of phrases(key)) {
    if (n === p || (n.startsWith(p) && /[^\p{L}\p{N}]/u.test(n.charAt(p.length)))) return p;
  }
  return null;
}

/** True when `name` contains one of the phrases for `key` as whole words, in any language. */
export function mentionsLabel(key: Key, name: string): boolean {
  const n = ` ${normLabel(name).replace(/[^\p{L}\p{N}' -]+/gu, ' ')} `;
  return phrases(key).some((p) => n.includes(` ${p} `));
}

/**
 * The name after a phrase for `key` in the box's name, in its original spelling:
 * "Comment as Bright Smile Dental" → "Bright Smile Dental", "Rispondi a Maria" → "Maria".
 */
export function nameAfter(key: Key, name: string): string | undefined {
  const p = prefixOf(key, name);
  if (!p) return undefined;
  // The phrase has as many words as its normalized form: drop that many from the original.
  const words = name.trim().split(/\s+/);
  const rest = words
    .slice(p.split(' ').length)
    .join(' ')
    .replace(/\s*(?:\u2026|\.{3})\s*$/, '')
    .trim();
  return rest || undefined;
}
