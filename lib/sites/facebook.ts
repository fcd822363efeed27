/**
 * Facebook (shared/spec/site-evidence.md):
 * - comment and reply composers on www.facebook.com: Lexical editors,
 *   div[contenteditable=true][role=textbox][data-lexical-editor=true], named "Write a comment…",
 *   "Comment as <Page>", "Answer as <name>", "Reply to <name>" (or the same in Spanish, Italian...).
 *   Enter posts. The send control is div[role=button][aria-label=Comment] under
 *   #focused-state-composer-submit in the composer's form[role=presentation], six or more levels
 *   from the editor, aria-disabled while empty. The comment answered sits eleven or more levels up,
 *   in a sibling subtree. "Reply" under a comment pre-fills an @mention of its author.
 * - the Meta Business Suite inbox (business.facebook.com): a textarea "Reply in Messenger…" /
 *   "Reply on Instagram…", a Send div[role=button] that appears only once text is typed; Enter sends.
 * - personal Messenger (www.facebook.com/messages): a Lexical box "Message"; never the practice's
 *   once the practice's Pages are listed (issue #10 item 7).
 */
import type { PracticeProfile, ReplyContext } from '@/rules/types';
import { accessibleName, ancestors, boxName, cleanText, isVisible, submitControlsIn } from './dom';
import { isLabel, mentionsLabel, nameAfter, normLabel, prefixOf, startsWithLabel } from './labels';
import type { ReplyScope, SiteAdapter } from './types';

/** Facebook's composers: Lexical contenteditables (the Business Suite inbox box is a textarea). */
const LEXICAL = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const EDITOR = `${LEXICAL}, textarea`;
/** The comment composer's form (role=presentation), the reply's own block. */
const COMPOSER_FORM = 'form';
/** The send control's wrapper inside the composer form (an id Facebook reuses per composer). */
const SEND_WRAPPER = '[id="focused-state-composer-submit"]';
/** How far up a composer without a form may look for its send control (the inbox's Send). */
const LOOSE_DEPTH = 8;

/** True on the Meta Business Suite (the Page's inbox and its comment tools). */
function inBusinessSuite(doc: Document): boolean {
  const loc = doc.location;
  return !!loc && isBusinessSuite(new URL(loc.href));
}

/**
 * The Business Suite's pages: business.facebook.com, and the same tools under www.facebook.com/latest/
 * (the Page inbox is reached under both). The practice's own tool: every reply there is the Page's.
 */
function isBusinessSuite(url: URL): boolean {
  return url.hostname === 'business.facebook.com' || /^\/latest(?:\/|$)/.test(url.pathname);
}

/** True on personal Messenger (www.facebook.com/messages/...). */
function inMessenger(url: URL): boolean {
  return url.hostname !== 'business.facebook.com' && /^\/messages(?:\/|$)/.test(url.pathname);
}

/** "Reply to Maria Gonzalez" → "Maria Gonzalez" (in any language of labels.ts). */
function replyTarget(editor: HTMLElement): string | undefined {
  return nameAfter('replyTo', boxName(editor));
}

/** "Comment as Bright Smile Dental" → "Bright Smile Dental": who the reply is posted as. */
function actingAs(editor: HTMLElement): string | undefined {
  return nameAfter('actingAs', boxName(editor));
}

/** A comment's container: role=article labelled "Comment by …" / "Commento di …", or an article inside another. */
function isComment(el: Element): boolean {
  if (el.getAttribute('role') !== 'article') return false;
  const label = el.getAttribute('aria-label') ?? '';
  if (label && startsWithLabel('commentBy', label)) return true;
  return !!el.parentElement?.closest('[role="article"]');
}

/** The author's display name inside a comment: its first profile link's text, else its label. */
function commentAuthor(article: Element): string | undefined {
  for (const link of article.querySelectorAll('a[role="link"], a[href]')) {
    // The avatar link has no text; the name link does (icons stripped).
    const name = cleanText(link);
    if (name) return name;
  }
  const label = article.getAttribute('aria-label') ?? '';
  const p = prefixOf('commentBy', label);
  if (!p) return undefined;
  // "Comment by Maria Gonzalez 2 days ago": drop the prefix and a trailing relative time.
  const rest = label
    .trim()
    .split(/\s+/)
    .slice(p.split(' ').length)
    .join(' ')
    .replace(/\s+\d+\s*\p{L}+(?:\s+\p{L}+)?$/u, '')
    .trim();
  return rest || undefined;
}

/** The comment's text: its longest dir=auto block outside links and nested replies, not the author's name. */
function commentText(article: Element, author: string | undefined): string | undefined {
  let best = '';
  for (const el of article.querySelectorAll('div[dir="auto"], span[dir="auto"]')) {
    if (el.closest('a')) continue;
    // A reply nested inside this comment's article is not this comment's text.
    const own = el.closest('[role="article"]');
    if (own && own !== article) continue;
    const t = cleanText(el);
    if (t !== author && t.length > best.length) best = t;
  }
  return best || undefined;
}

/**
 * The comment a composer answers, by structure: walking up from the box, the first block that holds
 * comments before the box (the box sits in a sibling subtree, often eleven or more levels below the
 * common ancestor); there, the last of them, or the last by the "Reply to" name when one is given.
 */
function answeredComment(editor: HTMLElement): Element | null {
  const target = replyTarget(editor);
  // "Write a comment…", "Comment as <Page>": a top-level comment answers the post, even when the
  // box sits after the last comment.
  if (!target && startsWithLabel('topLevel', boxName(editor))) return null;
  for (const scope of ancestors(editor)) {
    const before = Array.from(scope.querySelectorAll('[role="article"]')).filter(
      (a) =>
        isComment(a) && !a.contains(editor) && a.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (!before.length) {
      // Reached the post itself without a comment before the box: it answers the post.
      if (scope.getAttribute('role') === 'article' && !isComment(scope)) return null;
      continue;
    }
    // Only comments at the box's own thread level: not the replies nested in an earlier comment.
    const named = target ? before.filter((a) => normLabel(commentAuthor(a) ?? '') === normLabel(target)) : [];
    return named.at(-1) ?? before.at(-1) ?? null;
  }
  return null;
}

/** The post a composer belongs to: the outermost article around it, else the page's first post. */
function postOf(editor: HTMLElement): Element | null {
  let post: Element | null = null;
  for (const a of ancestors(editor)) if (a.getAttribute('role') === 'article' && !isComment(a)) post = a;
  if (post) return post;
  const main = editor.ownerDocument.querySelector('[role="main"]') ?? editor.ownerDocument.body;
  return Array.from(main.querySelectorAll('[role="article"]')).find((a) => !isComment(a)) ?? null;
}

/** The post's author: its header link (h2/h3/strong), else its first named profile link. */
function postAuthor(post: Element): { name?: string; hrefs: string[] } {
  const hrefs: string[] = [];
  let name: string | undefined;
  for (const link of post.querySelectorAll<HTMLAnchorElement>('h2 a, h3 a, h4 a, strong a, a[role="link"]')) {
    if (link.closest('[role="article"]') !== post) continue;
    hrefs.push(link.href);
    name ??= cleanText(link) || undefined;
    if (link.closest('h2, h3, h4, strong')) {
      name = cleanText(link) || name;
      break;
    }
  }
  return { name, hrefs };
}

/** A listed Page as something to compare: its normalized name, or the first path segment of its address. */
interface PageKey {
  name?: string;
  slug?: string;
}

/** Reads the profile's Page entries: "Bright Smile Dental", "facebook.com/BrightSmileDental", a full URL. */
function pageKeys(profile: PracticeProfile): PageKey[] {
  const out: PageKey[] = [];
  for (const raw of profile.facebookPages ?? []) {
    const entry = raw.trim();
    if (!entry) continue;
    if (/(?:^|\.)facebook\.com\//i.test(entry) || /^https?:\/\//i.test(entry)) {
      try {
        const url = new URL(/^https?:\/\//i.test(entry) ? entry : `https://${entry}`);
        const id = url.searchParams.get('id');
        const slug = url.pathname.split('/').filter(Boolean)[0];
        if (id) out.push({ slug: id.toLowerCase() });
        if (slug && slug !== 'profile.php') out.push({ slug: slug.toLowerCase() });
      } catch {
        // Not an address after all: compare it as a name.
        out.push({ name: normLabel(entry) });
      }
    } else out.push({ name: normLabel(entry.replace(/^@/, '')) });
  }
  return out;
}

/** The first path segment of a facebook.com address ("brightsmiledental"), or the profile id. */
function slugOf(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (!/(?:^|\.)facebook\.com$/.test(url.hostname)) return undefined;
    const id = url.searchParams.get('id');
    if (id) return id.toLowerCase();
    return url.pathname.split('/').filter(Boolean)[0]?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True when `name` or one of `hrefs` is one of the practice's Pages. */
function isPracticePage(keys: PageKey[], name: string | undefined, hrefs: string[]): boolean {
  const n = name ? normLabel(name) : '';
  const slugs = new Set(hrefs.map(slugOf).filter((s): s is string => !!s));
  return keys.some((k) => (k.name && k.name === n) || (k.slug && slugs.has(k.slug)));
}

/**
 * Enter picks a name while the mention typeahead is open (the composer is then a combobox whose
 * aria-activedescendant names a visible option, and an "@" is being typed). Anything less, a page
 * could set to let a risky reply post on Enter unheld (issue #10), so Enter counts as posting.
 */
function typeaheadOpen(editor: HTMLElement): boolean {
  if (editor.getAttribute('aria-expanded') !== 'true') return false;
  const id = editor.getAttribute('aria-activedescendant');
  const option = id ? editor.ownerDocument.getElementById(id) : null;
  if (!option?.closest('[role="listbox"]') || option.getAttribute('role') !== 'option') return false;
  if (!isVisible(option)) return false;
  return /@[\p{L}\p{N}._-]*$/mu.test(editor.textContent ?? '');
}

/**
 * The inbox message a reply answers: walking up from the box, the first block with message text
 * (div[dir=auto]) before it; there, the last such text. The person's own words are what an echo
 * check needs.
 */
function lastMessage(editor: HTMLElement): string | undefined {
  for (const scope of ancestors(editor)) {
    const before = Array.from(scope.querySelectorAll('[dir="auto"]')).filter(
      (m) =>
        !m.contains(editor) &&
        m.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING &&
        !m.querySelector('[dir="auto"]'),
    );
    const text = before.length ? cleanText(before.at(-1)) : '';
    if (text) return text;
  }
  return undefined;
}

/** True when `b` is a send control by its name ("Comment", "Commenta", "Send", "Invia"...). */
function isSendNamed(b: HTMLElement): boolean {
  const name = accessibleName(b);
  return isLabel('facebookSubmit', name) && !isLabel('notSubmit', name);
}

/** The Facebook adapter. */
export const facebook: SiteAdapter = {
  id: 'facebook',
  matches: (url) => url.hostname === 'www.facebook.com' || url.hostname === 'business.facebook.com',
  editorSelector: EDITOR,
  isEditor(el): el is HTMLElement {
    if (!(el instanceof HTMLElement) || !el.matches(EDITOR)) return false;
    const name = boxName(el);
    if (el instanceof HTMLTextAreaElement) {
      // Only the Business Suite inbox writes replies in a textarea ("Reply in Messenger…").
      if (!inBusinessSuite(el.ownerDocument)) return false;
      return (
        !startsWithLabel('notReply', name) && (startsWithLabel('replyBox', name) || mentionsLabel('message', name))
      );
    }
    // 1. Structure: a Lexical box in a comment composer's form (the one with the comment send
    //    wrapper), whatever its label says: a page renaming it "Write something…" cannot make the
    //    guard look away.
    const form = el.closest(COMPOSER_FORM);
    if (form?.querySelector(SEND_WRAPPER)) return true;
    // 2. Never the status composer ("What's on your mind?", "Create post"), in any language.
    if (startsWithLabel('notReply', name)) return false;
    // 3. A comment form without the wrapper (another build), or labels: reply, comment and message boxes.
    if (form?.getAttribute('role') === 'presentation') return true;
    return (
      startsWithLabel('replyBox', name) ||
      startsWithLabel('actingAs', name) ||
      startsWithLabel('replyTo', name) ||
      mentionsLabel('message', name)
    );
  },
  pageKind(editor, url) {
    if (editor instanceof HTMLTextAreaElement || inMessenger(url)) return 'private-message';
    const name = boxName(editor);
    if (isLabel('message', name)) return 'private-message';
    return replyTarget(editor) || answeredComment(editor) ? 'comment-reply' : 'comment';
  },
  readContext(editor): ReplyContext {
    if (editor instanceof HTMLTextAreaElement) return { platform: 'facebook', reviewText: lastMessage(editor) };
    const comment = answeredComment(editor);
    if (comment) {
      const author = replyTarget(editor) ?? commentAuthor(comment);
      return { platform: 'facebook', reviewAuthor: author, reviewText: commentText(comment, author) };
    }
    // A top-level comment answers the post (a visitor's recommendation), unless the post is the
    // practice's own: then there is nobody's story to echo.
    const post = postOf(editor);
    if (!post) return { platform: 'facebook', reviewAuthor: replyTarget(editor) };
    const { name } = postAuthor(post);
    const acting = actingAs(editor);
    if (name && acting && normLabel(name) === normLabel(acting)) return { platform: 'facebook' };
    return { platform: 'facebook', reviewAuthor: name, reviewText: commentText(post, name) };
  },
  submitControls(editor) {
    const form = editor.closest(COMPOSER_FORM);
    const out = new Set<HTMLElement>();
    if (form) {
      // The send control by structure, then any send-named control in the composer's own form.
      for (const b of form.querySelectorAll<HTMLElement>(
        `${SEND_WRAPPER} [role="button"], ${SEND_WRAPPER} button, button[type="submit"]`,
      )) {
        if (isVisible(b) && !b.contains(editor)) out.add(b);
      }
      for (const b of submitControlsIn(editor, isSendNamed, form)) out.add(b);
      return [...out];
    }
    // No form (the inbox): the nearest block, a few levels up at most, with a Send control.
    const limit = ancestors(editor)[LOOSE_DEPTH - 1] ?? null;
    return submitControlsIn(editor, isSendNamed, limit);
  },
  submitsOnEnter: (editor) => !typeaheadOpen(editor),
  scope(editor, profile, url): ReplyScope {
    const keys = pageKeys(profile);
    // No Page listed yet: every reply composer is guarded, as before (the popup asks for the Pages).
    if (!keys.length) return 'practice';
    // The Business Suite is the practice's own tool: its inbox and comment tools answer as the Page.
    if (isBusinessSuite(url)) return 'practice';
    if (inMessenger(url)) return 'personal';
    const acting = actingAs(editor);
    if (acting && isPracticePage(keys, acting, [])) return 'practice';
    // A reply on one of the practice's Pages' posts (its page, or a post whose author is the Page).
    if (isPracticePage(keys, undefined, [url.href])) return 'practice';
    const post = postOf(editor);
    if (post) {
      const author = postAuthor(post);
      if (isPracticePage(keys, author.name, author.hrefs)) return 'practice';
    }
    return 'personal';
  },
};
