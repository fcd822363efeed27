/**
 * The careful fallback: on the guarded hosts, reply-like boxes the site adapters do not know yet
 * (a redesign, a new dialog). Only boxes whose accessible name says reply / comment / message are
 * watched, so search fields and post composers stay untouched.
 */
import type { SiteId } from '@/lib/settings';
import type { ReplyContext } from '@/rules/types';
import { accessibleName, longestText, nearbyButton } from './dom';
import type { SiteAdapter } from './types';

/** Any editable box: textarea, contenteditable or ARIA textbox. */
const EDITOR =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';
const REPLY_NAME = /reply|respon|comment|message/i;
const NOT_REPLY = /search|on your mind|create (a )?post/i;
const SEND_NAME = /^(reply|post|send|submit|respond|comment|publish)\b/i;

/** A fallback adapter for `site`'s hosts. */
export function fallbackFor(site: SiteId, matches: (url: URL) => boolean): SiteAdapter {
  return {
    id: site,
    matches,
    editorSelector: EDITOR,
    isEditor(el): el is HTMLElement {
      if (!(el instanceof HTMLElement) || !el.matches(EDITOR)) return false;
      if (el instanceof HTMLElement && !el.isContentEditable && !(el instanceof HTMLTextAreaElement)) return false;
      // A contenteditable nested in another is part of that editor, not a box of its own.
      if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) return false;
      const name = accessibleName(el) || (el.getAttribute('aria-placeholder') ?? '');
      return REPLY_NAME.test(name) && !NOT_REPLY.test(name);
    },
    pageKind: () => 'reply',
    readContext(editor): ReplyContext {
      const card = editor.closest('[data-review-id], [role="article"], [role="listitem"], article, li, section');
      const box = editor.parentElement;
      const text = card
        ? longestText(card, (el) => el.contains(editor) || editor.contains(el) || (box !== card && !!box?.contains(el)))
        : '';
      return { platform: site, reviewText: text || undefined };
    },
    submitButton: (editor) => nearbyButton(editor, SEND_NAME, 4, /cancel/i),
    submitsOnEnter: () => false,
  };
}
