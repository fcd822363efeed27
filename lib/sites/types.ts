/**
 * The shape of a site adapter: everything the guard needs to know about one site's pages.
 * Every host-page selector lives in the adapter files next to this one (architecture.md).
 */
import type { SiteId } from '@/lib/settings';
import type { PracticeProfile, ReplyContext } from '@/rules/types';

/**
 * Whose reply a box writes: the practice's (guarded, held and logged) or a staff member's own
 * (a friend's post, their personal Messenger: never held, never logged; issue #10 item 7).
 */
export type ReplyScope = 'practice' | 'personal';

/** Knows one site's reply editors, what they answer, and how the site posts them. */
export interface SiteAdapter {
  /** The site, as settings and the log name it. */
  id: SiteId;
  /** True when this adapter knows the page at `url` (host and path). */
  matches(url: URL): boolean;
  /** A cheap CSS selector for candidate editors; `isEditor` then decides. */
  editorSelector: string;
  /** True when `el` (matching `editorSelector`) is a reply editor of this site. */
  isEditor(el: Element): el is HTMLElement;
  /** The kind of page or box, for the log: 'review-reply', 'comment', 'private-message', ... */
  pageKind(editor: HTMLElement, url: URL): string;
  /**
   * The review or comment the editor answers, and its author's display name, read from the page
   * now (call again at submit: a queue loads the next review into the same box).
   */
  readContext(editor: HTMLElement): ReplyContext;
  /**
   * Every visible control in the reply's own block (its form, row or card) that may post this
   * editor's text, at any depth: the guard intercepts all of them, so a decoy or a second button
   * cannot carry the reply past it.
   */
  submitControls(editor: HTMLElement): HTMLElement[];
  /** True when a plain Enter in this editor posts (Facebook comments, Messenger), so the guard must hold it. */
  submitsOnEnter(editor: HTMLElement): boolean;
  /** Whether this box posts for the practice or for the person at the keyboard (see ReplyScope). */
  scope(editor: HTMLElement, profile: PracticeProfile, url: URL): ReplyScope;
}
