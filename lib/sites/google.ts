/**
 * Google Business Profile, in its three reply UIs (shared/spec/site-evidence.md):
 * - the per-location reviews overlay, an iframe on www.google.com/local/business/<id>/customers/reviews;
 * - the "Reply to reviews" queue, a role=dialog showing one review at a time, the next one loaded
 *   into the same box;
 * - business.google.com (/groups/<id>/reviews and the classic dashboard), posted with "Post reply".
 *
 * The markup: `div > c-wiz > div > article[aria-label=Review]` + a sibling block with the opener
 * `button[jsname=rhPddf]` ("Reply"); the box `textarea[jsname=YPqjbf]` (floating label, no
 * placeholder) and the post button `button[jsname=hrGhad]`, *also* "Reply", disabled until text
 * is typed. `data-review-id` sits inside the article, not around the box. jsname values held from
 * 2025-06 to 2026 while class names changed, so: jsname and structure first, labels second.
 */
import type { ReplyContext } from '@/rules/types';
import {
  accessibleName,
  ancestors,
  belongsTo,
  boxName,
  cleanText,
  isVisible,
  longestText,
  submitControlsIn,
} from './dom';
import { isLabel, mentionsLabel, startsWithLabel } from './labels';
import type { SiteAdapter } from './types';

/** The reply box: a textarea (overlay, queue), or a contenteditable on business.google.com. */
const EDITOR = 'textarea, [contenteditable="true"], [contenteditable=""]';
/** The overlay's and the queue's reply textarea (jsname held across redesigns). */
const REPLY_BOX = 'textarea[jsname="YPqjbf"]';
/** The post button under the box ("Reply", "Rispondi", "Responder"...). */
const SUBMIT = 'button[jsname="hrGhad"]';
/** The opener under a review, also named "Reply": never a submit (it only opens the box). */
const OPENER = '[jsname="rhPddf"]';
/** The reviewer's profile link (`a[jsname=xs1xe]`, href /maps/contrib/...), the anchor of a review. */
const REVIEWER = 'a[jsname="xs1xe"], a[href*="/maps/contrib/"], a[href*="/contrib/"]';
/** A star rating: span[role=img][aria-label="5 out of 5 stars"] ("4 su 5 stelle", "5 de 5 estrellas"). */
const RATING = '[role="img"][aria-label]';
/** The review's own container, when it has one. */
const REVIEW = 'article, [role="article"], [role="listitem"], [data-review-id]';
/** Short review text and the full one, hidden until "View full review" (display:none). */
const SHORT_TEXT = '[jsname="lvvS4b"]';
const FULL_TEXT = '[jsname="PBWx0c"]';
/** The older dashboard's avatar link: aria-label "Photo of <name>". */
const PHOTO_OF = /^(?:photo of|foto de|foto di|photo de|foto von)\s+/i;

/** True for a star rating's label: a digit and a star word ("5 out of 5 stars"), in any language. */
function isRating(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? '';
  return /\d/.test(label) && (mentionsLabel('stars', label) || /\bout of \d/i.test(label));
}

/** The markers of one review inside `scope`: reviewer links and star ratings, not inside the box. */
function markers(scope: Element, editor: Element): Element[] {
  const out: Element[] = [];
  for (const el of scope.querySelectorAll(`${REVIEWER}, ${RATING}`)) {
    if (editor.contains(el)) continue;
    if (el.matches(RATING) && !isRating(el)) continue;
    out.push(el);
  }
  return out;
}

/**
 * The review a box answers, by structure: the nearest block around the box that holds a review
 * (a reviewer link or a star rating), and in it the review nearest before the box. In the queue
 * dialog that is the dialog's one review; the list hidden behind it is outside the dialog.
 */
function reviewOf(editor: HTMLElement): { card: Element; review: Element } | null {
  for (const scope of ancestors(editor)) {
    const found = markers(scope, editor);
    if (!found.length) continue;
    // Several reviews in this block: the last one before the box is the one it answers.
    const before = found.filter((m) => m.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING);
    const marker = before.at(-1) ?? found[0]!;
    const own = marker.closest(REVIEW);
    const review = own && scope.contains(own) && !own.contains(editor) ? own : scope;
    return { card: scope, review };
  }
  return null;
}

/** The reviewer's display name: the profile link's text without its icon ("open_in_new"). */
function reviewerName(review: Element): string | undefined {
  const link = review.querySelector(REVIEWER);
  const name = cleanText(link);
  if (name) return name;
  const photo = review.querySelector('[aria-label]');
  for (const el of [photo, ...review.querySelectorAll('[aria-label]')]) {
    const label = el?.getAttribute('aria-label') ?? '';
    if (PHOTO_OF.test(label)) return label.replace(PHOTO_OF, '').trim() || undefined;
  }
  return undefined;
}

/** Text of `el` without icons and without its buttons ("View full review", "More"). */
function textWithoutControls(el: Element | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const b of copy.querySelectorAll('button, [role="button"]')) b.remove();
  return cleanText(copy);
}

/** The review's text: the full (hidden) text when Google truncated it, else the shown text. */
function reviewText(review: Element, editor: HTMLElement): string | undefined {
  const full = textWithoutControls(review.querySelector(FULL_TEXT));
  const short = textWithoutControls(review.querySelector(SHORT_TEXT));
  const best = full.length >= short.length ? full : short;
  if (best) return best;
  // No jsname (another build): the longest text block of the review that is not the box or a reply.
  const box = editor.parentElement;
  const text = longestText(
    review,
    (el) =>
      el.contains(editor) ||
      editor.contains(el) ||
      (box !== review && !!box?.contains(el)) ||
      el.matches(REVIEWER) ||
      /^(?:response from the owner|business reply|risposta del proprietario|respuesta del propietario)/i.test(
        cleanText(el),
      ),
  );
  return text || undefined;
}

/** True when `b` posts a Google reply: the jsname'd post button, or a post label (never the opener, never Cancel). */
function isSubmit(b: HTMLElement): boolean {
  if (b.matches(OPENER) || b.closest(OPENER)) return false;
  if (b.matches(SUBMIT)) return true;
  const name = accessibleName(b);
  return isLabel('googleSubmit', name) && !isLabel('notSubmit', name);
}

/** The Google adapter. */
export const google: SiteAdapter = {
  id: 'google',
  matches: (url) =>
    (url.hostname === 'www.google.com' && url.pathname.startsWith('/local/business/')) ||
    url.hostname === 'business.google.com',
  editorSelector: EDITOR,
  isEditor(el): el is HTMLElement {
    if (!(el instanceof HTMLElement) || !el.matches(EDITOR)) return false;
    if (!(el instanceof HTMLTextAreaElement) && !el.isContentEditable) return false;
    // A contenteditable nested in another is part of that editor.
    if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) return false;
    // 1. The reply textarea's own jsname.
    if (el.matches(REPLY_BOX)) return true;
    const name = boxName(el);
    if (name && startsWithLabel('notReply', name)) return false;
    // 2. Structure: an editable box in a block that holds one review (no label needed).
    if (reviewOf(el)) return true;
    // 3. Labels, in any of the six languages ("Your public reply", "La tua risposta pubblica").
    return !!name && startsWithLabel('replyBox', name);
  },
  pageKind: (editor) => (mentionsLabel('message', boxName(editor)) ? 'private-message' : 'review-reply'),
  readContext(editor): ReplyContext {
    const found = reviewOf(editor);
    if (!found) return { platform: 'google' };
    return {
      platform: 'google',
      reviewAuthor: reviewerName(found.review),
      reviewText: reviewText(found.review, editor),
    };
  },
  submitControls(editor) {
    const card = reviewOf(editor)?.card ?? null;
    const out = new Set(submitControlsIn(editor, isSubmit, card));
    // The jsname'd post button anywhere in the review's card (it may sit apart from the labelled ones).
    if (card)
      for (const b of card.querySelectorAll<HTMLElement>(SUBMIT)) if (isVisible(b) && belongsTo(b, editor)) out.add(b);
    return [...out];
  },
  submitsOnEnter: () => false,
  scope: () => 'practice',
};
