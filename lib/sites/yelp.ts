/**
 * Yelp for Business (biz.yelp.com/r2r/...), from shared/spec/site-evidence.md: review cards are
 * found from their star rating ([aria-label$="star rating"], "5 star rating") and a passport block
 * ([class*="passport-container"]) with the reviewer's name. Each card has Thank / Comment / Direct
 * message; "Comment" inserts a React-controlled textarea *without a known label* into the card,
 * "Send" posts, and the card re-renders without the box. Older respond pages put a labelled
 * textarea in a <form>; both are watched.
 */
import type { ReplyContext } from '@/rules/types';
import { accessibleName, ancestors, boxName, cleanText, isVisible, submitControlsIn } from './dom';
import { isLabel, mentionsLabel, startsWithLabel } from './labels';
import type { SiteAdapter } from './types';

/** Every Yelp reply box is a textarea. */
const EDITOR = 'textarea';
/** The reviewer's block (class names carry "passport", hashed suffixes aside). */
const PASSPORT = '[class*="passport"]';
/** A labelled star rating: "5 star rating" (localized: "Valutazione 5 stelle", "5 estrellas"). */
const RATING = '[aria-label]';
/** Older respond pages mark the review's section. */
const REVIEW_ID = '[data-review-id]';
/** The reviewer's profile link. */
const USER_LINK = 'a[href*="user_details"]';
/** How far up a review card may be from its box (the evidence walks at most 12 levels). */
const CARD_DEPTH = 14;

/** True for a star rating's label: a digit 1-5 and a star word. */
function isRating(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? '';
  return /\b[1-5]\b/.test(label) && mentionsLabel('stars', label);
}

/** The review card around a box: the nearest block with a star rating or a reviewer passport. */
function reviewCard(editor: HTMLElement): Element | null {
  for (const scope of ancestors(editor).slice(0, CARD_DEPTH)) {
    if (scope.matches(REVIEW_ID)) return scope;
    if (scope.querySelector(PASSPORT)) return scope;
    for (const el of scope.querySelectorAll(RATING)) if (!editor.contains(el) && isRating(el)) return scope;
  }
  return null;
}

/** The reviewer's name: the passport's first name-bearing element, else the profile link. */
function reviewer(card: Element): string | undefined {
  const passport = card.querySelector(PASSPORT);
  const fromPassport = cleanText(passport?.querySelector(`${USER_LINK}, a, span`));
  return fromPassport || cleanText(card.querySelector(USER_LINK)) || undefined;
}

/** The review's text: its body paragraph (p[lang]), else the longest paragraph outside the passport and the box. */
function reviewBody(card: Element, editor: HTMLElement): string | undefined {
  const block = editor.closest('form') ?? editor.parentElement;
  const body = card.querySelector('p[lang]');
  if (body && !block?.contains(body)) return cleanText(body) || undefined;
  const passport = card.querySelector(PASSPORT);
  let best = '';
  for (const el of card.querySelectorAll('p, span')) {
    if (passport?.contains(el) || block?.contains(el) || el.contains(editor)) continue;
    if (el.closest('button, [role="button"], a, form')) continue;
    const t = cleanText(el);
    if (t.length > best.length && !isLabel('yelpSubmit', t)) best = t;
  }
  return best || undefined;
}

/** True when `b` posts the box: a form's submit button, or a post/send label in any language. */
function isSubmit(b: HTMLElement): boolean {
  const name = accessibleName(b);
  if (isLabel('notSubmit', name)) return false;
  if (b instanceof HTMLButtonElement && b.form && b.type === 'submit') return true;
  return isLabel('yelpSubmit', name);
}

/** The Yelp adapter. */
export const yelp: SiteAdapter = {
  id: 'yelp',
  matches: (url) => url.hostname === 'biz.yelp.com',
  editorSelector: EDITOR,
  isEditor(el): el is HTMLElement {
    if (!(el instanceof HTMLTextAreaElement)) return false;
    const name = boxName(el);
    if (name && startsWithLabel('notReply', name)) return false;
    // 1. Structure: a textarea inside a review card (the "Comment" box has no known label).
    if (reviewCard(el)) return true;
    // 2. Labels: "Public comment", "Direct message", "Commento pubblico"...
    return !!name && startsWithLabel('replyBox', name);
  },
  pageKind: (editor) => (mentionsLabel('message', boxName(editor)) ? 'private-message' : 'public-comment'),
  readContext(editor): ReplyContext {
    const card = reviewCard(editor);
    if (!card) return { platform: 'yelp' };
    return { platform: 'yelp', reviewAuthor: reviewer(card), reviewText: reviewBody(card, editor) };
  },
  submitControls(editor) {
    const out = new Set<HTMLElement>();
    const form = (editor as HTMLTextAreaElement).form;
    if (form) {
      // Every control that submits the box's own form (an implicit submit included).
      for (const b of form.querySelectorAll<HTMLElement>(
        'button:not([type]), button[type="submit"], input[type="submit"]',
      ))
        if (isVisible(b)) out.add(b);
    }
    for (const b of submitControlsIn(editor, isSubmit, reviewCard(editor) ?? form)) out.add(b);
    return [...out];
  },
  submitsOnEnter: () => false,
  scope: () => 'practice',
};
