/**
 * Yelp for Business (biz.yelp.com): "Respond to review" offers a public comment form and a
 * private (direct) message form, each a <form> with a textarea and a submit button; Yelp posts
 * from the form's submit handler.
 */
import type { ReplyContext } from '@/rules/types';
import { accessibleName, longestText, nearbyButton, textOf } from './dom';
import type { SiteAdapter } from './types';

/** Respond-to-review page: the comment and message boxes are plain textareas. */
const EDITOR = 'textarea';
/** "Public comment", "Write a public comment", "Direct message", "Write a private message", "Your response". */
const REPLY_NAME = /comment|message|reply|respon/i;
const SEND_NAME = /^(post|send|submit|reply|respond)\b/i;

/** The review being answered: section[data-review-id] on the respond page, else the enclosing card. */
function reviewCard(editor: HTMLElement): Element | null {
  return editor.closest('[data-review-id]') ?? editor.closest('section, article, li');
}

/** The Yelp adapter. */
export const yelp: SiteAdapter = {
  id: 'yelp',
  matches: (url) => url.hostname === 'biz.yelp.com',
  editorSelector: EDITOR,
  isEditor(el): el is HTMLElement {
    return el instanceof HTMLTextAreaElement && REPLY_NAME.test(accessibleName(el));
  },
  pageKind: (editor) => (/message/i.test(accessibleName(editor)) ? 'private-message' : 'public-comment'),
  readContext(editor): ReplyContext {
    const card = reviewCard(editor);
    if (!card) return { platform: 'yelp' };
    // The reviewer's passport links to their profile: a[href*="user_details"].
    const author = textOf(card.querySelector('a[href*="user_details"]')) || undefined;
    // The review body is a <p lang="…">; otherwise the longest text outside the forms.
    const body =
      textOf(card.querySelector('p[lang]')) ||
      longestText(card, (el) => !!el.closest('form') || el.querySelector('form') !== null);
    return { platform: 'yelp', reviewAuthor: author, reviewText: body || undefined };
  },
  submitButton(editor) {
    const form = (editor as HTMLTextAreaElement).form;
    const own = form?.querySelector<HTMLElement>('button[type="submit"], button:not([type]), input[type="submit"]');
    return own ?? nearbyButton(editor, SEND_NAME, 4, /cancel/i);
  },
  submitsOnEnter: () => false,
};
