/**
 * Google Business Profile: the reviews manager iframe (www.google.com/local/business/<id>/customers/reviews,
 * opened from Search or Maps) and the classic dashboard (business.google.com). Each review has a
 * reply textarea (aria-label "Reply" / placeholder "Write a reply") and a "Reply" / "Post reply" button;
 * the page posts from the button's click handler, not a form submit.
 */
import type { ReplyContext } from '@/rules/types';
import { accessibleName, longestText, nearbyButton, textOf } from './dom';
import type { SiteAdapter } from './types';

/** Reviews manager: the reply box is a textarea (older dashboard builds use a contenteditable textbox). */
const EDITOR = 'textarea, [contenteditable="true"][role="textbox"]';
/** "Reply", "Reply publicly", "Write a reply", "Your response"; the dashboard's "Message" box for chats. */
const REPLY_NAME = /reply|respon|message/i;
/** The post button under the box: "Reply", "Post reply", "Submit", "Send" (never "Cancel"). */
const SEND_NAME = /^(reply|post reply|post|submit|send|update)$/i;

/** A review card: div[data-review-id] (Maps and the reviews manager), else its list item. */
function reviewCard(editor: HTMLElement): Element | null {
  return editor.closest('[data-review-id]') ?? editor.closest('[role="listitem"], [role="article"]');
}

/** The reviewer's display name: the avatar link's aria-label "Photo of <name>", else the first name-like text. */
function reviewer(card: Element): string | undefined {
  const photo = card.querySelector('[aria-label^="Photo of "]');
  const fromPhoto = photo?.getAttribute('aria-label')?.slice('Photo of '.length).trim();
  if (fromPhoto) return fromPhoto;
  const link = card.querySelector('a[href*="/contrib/"], a[href*="/maps/contrib/"]');
  return textOf(link) || undefined;
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
    return REPLY_NAME.test(accessibleName(el)) && !/search/i.test(accessibleName(el));
  },
  pageKind: (editor) => (/message/i.test(accessibleName(editor)) ? 'private-message' : 'review-reply'),
  readContext(editor): ReplyContext {
    const card = reviewCard(editor);
    if (!card) return { platform: 'google' };
    // The box's own block and an earlier owner response are not the review.
    const box = editor.parentElement;
    const text = longestText(
      card,
      (el) =>
        el.contains(editor) ||
        editor.contains(el) ||
        (box !== card && !!box?.contains(el)) ||
        /^response from the owner/i.test(textOf(el)),
    );
    return { platform: 'google', reviewAuthor: reviewer(card), reviewText: text || undefined };
  },
  submitButton: (editor) => nearbyButton(editor, SEND_NAME, 4, /cancel/i),
  submitsOnEnter: () => false,
};
