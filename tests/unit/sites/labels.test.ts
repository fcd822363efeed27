import { describe, expect, it } from 'vitest';
import {
  isLabel,
  LANGS,
  mentionsLabel,
  nameAfter,
  normLabel,
  startsWithLabel,
  VOCABULARY,
  type Vocabulary,
} from '@/lib/sites/labels';

describe('the label vocabularies', () => {
  it('every list is normalized, sorted and without duplicates, in all six languages', () => {
    for (const lang of LANGS) {
      for (const [key, list] of Object.entries(VOCABULARY[lang]) as Array<[keyof Vocabulary, readonly string[]]>) {
        expect(list.length, `${lang}.${key}`).toBeGreaterThan(0);
        expect(list.map(normLabel), `${lang}.${key}`).toEqual(list);
        expect([...list].sort(), `${lang}.${key}`).toEqual(list);
        expect(new Set(list).size, `${lang}.${key}`).toBe(list.length);
      }
    }
  });

  it('normalizes case, accents, a trailing ellipsis and spacing', () => {
    expect(normLabel('  Écrivez   une réponse…')).toBe('ecrivez une reponse');
    expect(normLabel('Write a comment...')).toBe('write a comment');
    expect(normLabel('Öffentlicher Kommentar:')).toBe('offentlicher kommentar');
  });
});

describe('reading the sites’ labels in each language', () => {
  it('reply boxes, and never the status composer or search', () => {
    for (const name of [
      'Your public reply',
      'La tua risposta pubblica',
      'Tu respuesta pública',
      'Votre réponse publique',
      'Ihre öffentliche Antwort',
      'A sua resposta pública',
      'Write a comment…',
      'Scrivi un commento…',
      'Reply in Messenger…',
      'Rispondi su Messenger…',
    ])
      expect(startsWithLabel('replyBox', name), name).toBe(true);
    for (const name of [
      "What's on your mind, Ana?",
      '¿Qué estás pensando?',
      'A cosa stai pensando?',
      'Search',
      'Cerca',
    ])
      expect(startsWithLabel('notReply', name), name).toBe(true);
    // A word that merely starts like a phrase is not it ("Replying" is not "Reply").
    expect(startsWithLabel('replyBox', 'Respondent survey')).toBe(false);
  });

  it('post buttons by site, whole names only, and the controls that never post', () => {
    expect(
      ['Reply', 'Rispondi', 'Responder', 'Publicar respuesta', 'Post reply'].every((n) => isLabel('googleSubmit', n)),
    ).toBe(true);
    expect(['Comment', 'Commenta', 'Comentar', 'Send', 'Invia'].every((n) => isLabel('facebookSubmit', n))).toBe(true);
    expect(['Send', 'Enviar', 'Invia'].every((n) => isLabel('yelpSubmit', n))).toBe(true);
    // Yelp's "Comment" opens the box: it is not Yelp's post button.
    expect(isLabel('yelpSubmit', 'Comment')).toBe(false);
    expect(isLabel('googleSubmit', 'Reply to reviews')).toBe(false);
    expect(['Cancel', 'Annulla', 'Cancelar', 'Ignora', 'Skip'].every((n) => isLabel('notSubmit', n))).toBe(true);
  });

  it('the name after "Comment as", "Rispondi come", "Reply to"', () => {
    expect(nameAfter('actingAs', 'Comment as Bright Smile Dental')).toBe('Bright Smile Dental');
    expect(nameAfter('actingAs', 'Rispondi come Bright Smile Dental…')).toBe('Bright Smile Dental');
    expect(nameAfter('actingAs', 'Commenter en tant que Cabinet Dupont')).toBe('Cabinet Dupont');
    expect(nameAfter('replyTo', 'Reply to Maria Gonzalez')).toBe('Maria Gonzalez');
    expect(nameAfter('replyTo', 'Responder a Lucía')).toBe('Lucía');
    expect(nameAfter('replyTo', 'Write a comment…')).toBeUndefined();
  });

  it('star ratings and message boxes by a word inside the label', () => {
    expect(mentionsLabel('stars', '5 out of 5 stars')).toBe(true);
    expect(mentionsLabel('stars', '4 su 5 stelle')).toBe(true);
    expect(mentionsLabel('stars', 'Calificación de 2 estrellas')).toBe(true);
    expect(mentionsLabel('stars', 'Starbucks')).toBe(false);
    expect(mentionsLabel('message', 'Reply on Instagram…')).toBe(true);
  });
});
