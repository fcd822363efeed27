/**
 * Facebook: comment and reply composers on a Page's posts (www / business.facebook.com), and the
 * Business Suite inbox's message box. Composers are Lexical editors:
 * div[contenteditable=true][role=textbox][data-lexical-editor=true], aria-label "Write a comment…",
 * "Comment as <Page>", "Reply to <name>", "Write a reply…"; Enter posts, Shift+Enter breaks the line.
 */
import type { ReplyContext } from '@/rules/types';
import { accessibleName, nearbyButton, textOf } from './dom';
import type { SiteAdapter } from './types';

/** Post page / feed: every Lexical textbox is a candidate; the status composer is filtered out by name. */
const EDITOR = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';

/** Comment and reply composers ("Write a comment…", "Reply to Maria", "Answer as…"), and message boxes. */
const REPLY_NAME = /comment|reply|answer|respon|message/i;
/** The post composer ("What's on your mind?", "Create a public post…") is not a reply. */
const NOT_REPLY = /on your mind|create (a )?(public )?post|write something/i;

/** The composer's send arrow: div[role=button][aria-label="Comment"] (id focused-state-composer-submit). */
const SEND_NAME = /^(comment|post|post comment|reply|send|submit|press enter to post)$/i;

/** A comment's container: div[role=article][aria-label="Comment by <name> <time>"] ("Reply by …" for replies). */
const COMMENT_LABEL = /^(comment|reply) by\s+/i;

/** "Reply to Maria Gonzalez" → "Maria Gonzalez". */
function replyTarget(editor: HTMLElement): string | undefined {
  const m = /^reply to\s+(.+?)\s*…?$/i.exec(accessibleName(editor));
  return m?.[1]?.trim() || undefined;
}

/** The author's display name inside a comment article: its first profile link's text. */
function commentAuthor(article: Element): string | undefined {
  const link = article.querySelector('a[role="link"] span[dir="auto"], a[role="link"]');
  const name = textOf(link);
  if (name) return name;
  const label = article.getAttribute('aria-label') ?? '';
  // "Comment by Maria Gonzalez 2 days ago": drop the prefix and a trailing relative time.
  return (
    label
      .replace(COMMENT_LABEL, '')
      .replace(/\s+\d+\s*\w+\s+ago$/i, '')
      .trim() || undefined
  );
}

/** The comment's text: its longest div[dir=auto] that is not the author's name. */
function commentText(article: Element, author: string | undefined): string | undefined {
  let best = '';
  for (const el of article.querySelectorAll('div[dir="auto"], span[dir="auto"]')) {
    if (el.closest('a')) continue;
    const t = textOf(el);
    if (t !== author && t.length > best.length) best = t;
  }
  return best || undefined;
}

/**
 * The comment a composer answers: the last comment article before it in its thread, preferring
 * one whose author is the "Reply to" name. Facebook renders a reply composer right after the
 * comment (or its replies), inside the same thread container.
 */
function answeredComment(editor: HTMLElement): Element | null {
  const target = replyTarget(editor);
  let scope: Element | null = editor.parentElement;
  for (let depth = 0; scope && depth < 8; depth++, scope = scope.parentElement) {
    const before = Array.from(scope.querySelectorAll('[role="article"]')).filter(
      (a) =>
        COMMENT_LABEL.test(a.getAttribute('aria-label') ?? '') &&
        !a.contains(editor) &&
        a.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (!before.length) continue;
    const named = target ? before.filter((a) => commentAuthor(a) === target) : [];
    return named.at(-1) ?? before.at(-1) ?? null;
  }
  // A comment box inside a post or recommendation answers that post.
  return editor.closest('[role="article"]');
}

/** The Facebook adapter. */
export const facebook: SiteAdapter = {
  id: 'facebook',
  matches: (url) => url.hostname === 'www.facebook.com' || url.hostname === 'business.facebook.com',
  editorSelector: EDITOR,
  isEditor(el): el is HTMLElement {
    if (!(el instanceof HTMLElement) || !el.matches(EDITOR)) return false;
    const name = accessibleName(el) || (el.getAttribute('aria-placeholder') ?? '');
    return REPLY_NAME.test(name) && !NOT_REPLY.test(name);
  },
  pageKind(editor) {
    const name = accessibleName(editor);
    if (/message/i.test(name)) return 'private-message';
    return replyTarget(editor) ? 'comment-reply' : 'comment';
  },
  readContext(editor): ReplyContext {
    const article = answeredComment(editor);
    if (!article) return { platform: 'facebook', reviewAuthor: replyTarget(editor) };
    const author = replyTarget(editor) ?? commentAuthor(article);
    return { platform: 'facebook', reviewAuthor: author, reviewText: commentText(article, author) };
  },
  submitButton: (editor) => nearbyButton(editor, SEND_NAME, 4),
  // Messages and comments alike post on a plain Enter, except while the mention typeahead is open:
  // then Enter picks a name (the composer is a combobox: aria-expanded / aria-activedescendant).
  submitsOnEnter: (editor) =>
    editor.getAttribute('aria-expanded') !== 'true' && !editor.getAttribute('aria-activedescendant'),
};
