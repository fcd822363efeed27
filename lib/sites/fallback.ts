/**
 * The careful fallback: on the guarded hosts, reply-like boxes the site adapters do not know yet
 * (a redesign, a new dialog). Boxes whose name says reply / comment / message in any language of
 * labels.ts, or visible boxes with a post control of their own beside them; search fields and the
 * status composer never.
 */
import type { SiteId } from '@/lib/settings';
import type { ReplyContext } from '@/rules/types';
import { accessibleName, ancestors, boxName, isVisible, longestText, submitControlsIn } from './dom';
import { isLabel, startsWithLabel } from './labels';
import type { SiteAdapter } from './types';

/** Any editable box: textarea, contenteditable or ARIA textbox. */
const EDITOR =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';
/** How far up an unlabelled box's own post control may sit for the box to count as a reply box. */
const NEAR_DEPTH = 4;
/** The block a review or comment lives in, when the page marks one. */
const CARD = '[data-review-id], [role="article"], [role="listitem"], [role="dialog"], article, li, section';

/** True for any site's post label ("Reply", "Post", "Send", "Comment", "Pubblica", "Enviar"...), never Cancel. */
function isSubmit(b: HTMLElement): boolean {
  const name = accessibleName(b);
  if (isLabel('notSubmit', name)) return false;
  return isLabel('googleSubmit', name) || isLabel('facebookSubmit', name) || isLabel('yelpSubmit', name);
}

/** A fallback adapter for `site`'s hosts; `scope` is the site adapter's own (whose reply it is). */
export function fallbackFor(site: SiteId, own: Pick<SiteAdapter, 'matches' | 'scope'>): SiteAdapter {
  return {
    id: site,
    matches: own.matches,
    editorSelector: EDITOR,
    isEditor(el): el is HTMLElement {
      if (!(el instanceof HTMLElement) || !el.matches(EDITOR)) return false;
      if (!el.isContentEditable && !(el instanceof HTMLTextAreaElement)) return false;
      // A contenteditable nested in another is part of that editor, not a box of its own.
      if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) return false;
      const name = boxName(el);
      if (startsWithLabel('notReply', name)) return false;
      // 1. Labels: a reply, comment or message box in any of the six languages.
      if (startsWithLabel('replyBox', name)) return true;
      // 2. A visible box with a post control of its own right beside it (a few levels up at most):
      //    a reply box whose label the site changed or never had.
      const near = ancestors(el)[NEAR_DEPTH - 1] ?? null;
      return isVisible(el) && submitControlsIn(el, isSubmit, near).length > 0;
    },
    pageKind: () => 'reply',
    readContext(editor): ReplyContext {
      const card = editor.closest(CARD);
      const box = editor.parentElement;
      const text = card
        ? longestText(card, (el) => el.contains(editor) || editor.contains(el) || (box !== card && !!box?.contains(el)))
        : '';
      return { platform: site, reviewText: text || undefined };
    },
    submitControls: (editor) => submitControlsIn(editor, isSubmit, editor.closest(CARD)),
    submitsOnEnter: () => false,
    scope: (editor, profile, url) => own.scope(editor, profile, url),
  };
}
