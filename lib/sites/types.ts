/**
 * The shape of a site adapter: everything the guard needs to know about one site's pages.
 * Every host-page selector lives in the adapter files next to this one (architecture.md).
 */
import type { SiteId } from '@/lib/settings';
import type { ReplyContext } from '@/rules/types';

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
  /** The review or comment the editor answers, and its author's display name. */
  readContext(editor: HTMLElement): ReplyContext;
  /** The site's own control that posts this editor's text, when it has one. */
  submitButton(editor: HTMLElement): HTMLElement | null;
  /** True when a plain Enter in this editor posts (Facebook comments), so the guard must hold it. */
  submitsOnEnter(editor: HTMLElement): boolean;
}
