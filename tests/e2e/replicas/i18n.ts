/**
 * The words of the rebuilt replicas (issue #10) in English, Spanish and Italian: the sites' own UI
 * strings (Google's Italian and Spanish from the evidence, the rest from each site's public UI),
 * the reviews and comments shown, and the replies the specs type. Reviews and names are invented.
 */

/** The replicas' UI languages. */
export const REPLICA_LANGS = ['en', 'es', 'it'] as const;
export type ReplicaLang = (typeof REPLICA_LANGS)[number];

/** One review or comment on a replica page. */
export interface ReplicaReview {
  author: string;
  stars: number;
  /** What the page shows (Google truncates long reviews). */
  short: string;
  /** The whole review (Google keeps it in a hidden node). */
  full: string;
}

/** Everything a replica and its spec need in one language. */
export interface ReplicaWords {
  /** Replies the specs type. `echo` is ok alone and flagged only once the review it answers is read. */
  replies: { risky: string; clean: string; echo: string };
  /** The first review answered (its full text holds the term `replies.echo` repeats). */
  reviews: [ReplicaReview, ReplicaReview, ReplicaReview];
  google: {
    review: string;
    reviewerLink: string;
    stars: (n: number) => string;
    ago: string;
    viewFull: string;
    reply: string;
    box: string;
    cancel: string;
    queueOpen: string;
    queueTitle: string;
    counter: (i: number, n: number) => string;
    skip: string;
    businessReply: string;
    postReply: string;
    owner: string;
    done: string;
  };
  facebook: {
    post: string;
    like: string;
    reply: string;
    comment: string;
    commentBy: (name: string) => string;
    commentAs: (page: string) => string;
    answerAs: (page: string) => string;
    writeComment: string;
    message: string;
    enterToSend: string;
    inboxBox: string;
    send: string;
    friendPost: string;
  };
  yelp: {
    stars: (n: number) => string;
    thank: string;
    comment: string;
    directMessage: string;
    send: string;
    cancel: string;
    commentFrom: string;
  };
}

/** The practice on every replica. */
export const PRACTICE = 'Bright Smile Dental';
/** The practice's Facebook Page address on the replicas. */
export const PRACTICE_PAGE_URL = 'https://www.facebook.com/BrightSmileDentalRG';
/** A staff member's friend, whose post is not the practice's business. */
export const FRIEND = 'Jamie Rivera';

/** The replicas' words by language. */
export const WORDS: Record<ReplicaLang, ReplicaWords> = {
  en: {
    replies: {
      risky: 'So sorry your crown came loose, Maria!',
      clean: 'Thank you for your feedback! Please call our office.',
      echo: 'Invisalign is one of our favourite treatments!',
    },
    reviews: [
      {
        author: 'Priya Shah',
        stars: 2,
        short: 'Clean office and friendly staff, but…',
        full: 'Clean office and friendly staff, but my Invisalign aligners cracked twice and nobody called me back.',
      },
      {
        author: 'John Carter',
        stars: 5,
        short: 'Quick visit, on time, great Saturday hours.',
        full: 'Quick visit, on time, great Saturday hours.',
      },
      {
        author: 'Ana Lopez',
        stars: 4,
        short: 'Parking is easy and the waiting room is calm.',
        full: 'Parking is easy and the waiting room is calm.',
      },
    ],
    google: {
      review: 'Review',
      reviewerLink: 'Link to reviewer profile (opens in new window)',
      stars: (n) => `${n} out of 5 stars`,
      ago: '2 weeks ago',
      viewFull: 'View full review',
      reply: 'Reply',
      box: 'Your public reply',
      cancel: 'Cancel',
      queueOpen: 'Reply to reviews',
      queueTitle: 'Reply to review',
      counter: (i, n) => `${i} of ${n} reviews`,
      skip: 'Skip',
      businessReply: 'Business reply',
      postReply: 'Post reply',
      owner: 'Owner',
      done: 'No reviews to reply to',
    },
    facebook: {
      post: "We're open this Saturday for cleanings and check-ups!",
      like: 'Like',
      reply: 'Reply',
      comment: 'Comment',
      commentBy: (n) => `Comment by ${n} 2 days ago`,
      commentAs: (p) => `Comment as ${p}`,
      answerAs: (p) => `Answer as ${p}`,
      writeComment: 'Write a comment…',
      message: 'Message',
      enterToSend: 'Press Enter to send',
      inboxBox: 'Reply in Messenger…',
      send: 'Send',
      friendPost: 'Finally ran my first 10k this morning!',
    },
    yelp: {
      stars: (n) => `${n} star rating`,
      thank: 'Thank',
      comment: 'Comment',
      directMessage: 'Direct message',
      send: 'Send',
      cancel: 'Cancel',
      commentFrom: 'Comment from Bright Smile Dental',
    },
  },
  es: {
    replies: {
      risky: 'Lamentamos que su corona se haya caído, María.',
      clean: 'Gracias por escribirnos. Llámenos a la clínica, por favor.',
      echo: '¡Invisalign es uno de nuestros tratamientos favoritos!',
    },
    reviews: [
      {
        author: 'Lucía Fernández',
        stars: 2,
        short: 'Clínica limpia y personal amable, pero…',
        full: 'Clínica limpia y personal amable, pero mis alineadores de Invisalign se rompieron dos veces y nadie me llamó.',
      },
      {
        author: 'Carlos Ruiz',
        stars: 5,
        short: 'Puntuales y con buen horario los sábados.',
        full: 'Puntuales y con buen horario los sábados.',
      },
      {
        author: 'Marta Gil',
        stars: 4,
        short: 'Fácil aparcar y la sala de espera es tranquila.',
        full: 'Fácil aparcar y la sala de espera es tranquila.',
      },
    ],
    google: {
      review: 'Reseña',
      reviewerLink: 'Enlace al perfil del autor (se abre en una ventana nueva)',
      stars: (n) => `${n} de 5 estrellas`,
      ago: 'hace 2 semanas',
      viewFull: 'Ver reseña completa',
      reply: 'Responder',
      box: 'Tu respuesta pública',
      cancel: 'Cancelar',
      queueOpen: 'Responder reseñas',
      queueTitle: 'Responder a la reseña',
      counter: (i, n) => `${i} de ${n} reseñas`,
      skip: 'Omitir',
      businessReply: 'Respuesta del propietario',
      postReply: 'Publicar respuesta',
      owner: 'Propietario',
      done: 'No hay reseñas para responder',
    },
    facebook: {
      post: '¡Este sábado abrimos para limpiezas y revisiones!',
      like: 'Me gusta',
      reply: 'Responder',
      comment: 'Comentar',
      commentBy: (n) => `Comentario de ${n} hace 2 días`,
      commentAs: (p) => `Comentar como ${p}`,
      answerAs: (p) => `Responder como ${p}`,
      writeComment: 'Escribe un comentario…',
      message: 'Mensaje',
      enterToSend: 'Pulsa Intro para enviar',
      inboxBox: 'Responder en Messenger…',
      send: 'Enviar',
      friendPost: '¡Por fin corrí mis primeros 10 km esta mañana!',
    },
    yelp: {
      stars: (n) => `Calificación de ${n} estrellas`,
      thank: 'Agradecer',
      comment: 'Comentar',
      directMessage: 'Mensaje directo',
      send: 'Enviar',
      cancel: 'Cancelar',
      commentFrom: 'Comentario de Bright Smile Dental',
    },
  },
  it: {
    replies: {
      // The rules read little Italian yet: a name greeting is what they flag in it (warn).
      risky: "Cara Giulia, ci dispiace per l'otturazione.",
      clean: 'Grazie per il suo riscontro! Ci chiami in studio.',
      echo: 'Invisalign è uno dei nostri trattamenti preferiti!',
    },
    reviews: [
      {
        author: 'Giulia Romano',
        stars: 2,
        short: 'Studio pulito e personale gentile, ma…',
        full: 'Studio pulito e personale gentile, ma gli allineatori Invisalign si sono rotti due volte e nessuno mi ha richiamata.',
      },
      {
        author: 'Marco Bianchi',
        stars: 5,
        short: 'Puntuali e aperti anche il sabato.',
        full: 'Puntuali e aperti anche il sabato.',
      },
      {
        author: 'Sara Conti',
        stars: 4,
        short: 'Parcheggio comodo e sala d’attesa tranquilla.',
        full: 'Parcheggio comodo e sala d’attesa tranquilla.',
      },
    ],
    google: {
      review: 'Recensione',
      reviewerLink: 'Link al profilo del recensore (si apre in una nuova finestra)',
      stars: (n) => `${n} su 5 stelle`,
      ago: '2 settimane fa',
      viewFull: 'Visualizza recensione completa',
      reply: 'Rispondi',
      box: 'La tua risposta pubblica',
      cancel: 'Annulla',
      queueOpen: 'Rispondere a recensioni',
      queueTitle: 'Rispondi alla recensione',
      counter: (i, n) => `${i} di ${n} recensioni`,
      skip: 'Ignora',
      businessReply: 'Risposta del proprietario',
      postReply: 'Pubblica risposta',
      owner: 'Proprietario',
      done: 'Nessuna recensione da gestire',
    },
    facebook: {
      post: 'Sabato siamo aperti per pulizie e controlli!',
      like: 'Mi piace',
      reply: 'Rispondi',
      comment: 'Commenta',
      commentBy: (n) => `Commento di ${n} 2 giorni fa`,
      commentAs: (p) => `Commenta come ${p}`,
      answerAs: (p) => `Rispondi come ${p}`,
      writeComment: 'Scrivi un commento…',
      message: 'Messaggio',
      enterToSend: 'Premi Invio per inviare',
      inboxBox: 'Rispondi su Messenger…',
      send: 'Invia',
      friendPost: 'Finalmente ho corso i miei primi 10 km stamattina!',
    },
    yelp: {
      stars: (n) => `Valutazione di ${n} stelle`,
      thank: 'Ringrazia',
      comment: 'Commenta',
      directMessage: 'Messaggio diretto',
      send: 'Invia',
      cancel: 'Annulla',
      commentFrom: 'Commento di Bright Smile Dental',
    },
  },
};

/** Escapes text for HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The replica language asked for in `url` (?hl=), English by default. */
export function langOf(url: string): ReplicaLang {
  const hl = new URL(url).searchParams.get('hl')?.slice(0, 2);
  return (REPLICA_LANGS as readonly string[]).includes(hl ?? '') ? (hl as ReplicaLang) : 'en';
}
