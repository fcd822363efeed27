/**
 * Who sent a message to the background (issue #10 item 6). A content script runs inside a hostile
 * page: a page that found a way to drive it could ask for anything a content script may ask for.
 * So a content script may only log interactions (rate-limited per tab); reading the log, writing
 * settings and recording events that change the guard are for the extension's own pages (popup,
 * options, dashboard), whose documents live at the extension's origin.
 */
import { browser } from 'wxt/browser';

/** The parts of runtime.MessageSender the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** What kind of context sent a message. */
export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * This extension's base URL (`chrome-extension://<id>/`). Compared as text: WHATWG URL gives
 * non-web schemes the origin "null" outside the browser, which would match any other "null".
 */
function extensionBase(): string {
  const base = browser.runtime.getURL('/');
  return base.endsWith('/') ? base : `${base}/`;
}

/** Classifies a sender: another extension or a web page, a content script of ours, or one of our pages. */
export function senderKind(sender: Sender): SenderKind {
  if (!sender || sender.id !== browser.runtime.id) return 'foreign';
  const base = extensionBase();
  const own = base.slice(0, -1);
  // Chromium sets `origin` for every sender; both must be ours (a content script's url is the page's).
  const urlOk = typeof sender.url === 'string' && sender.url.startsWith(base);
  if (urlOk && (sender.origin === undefined || sender.origin === own)) return 'extension-page';
  return 'content-script';
}
