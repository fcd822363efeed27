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

/** This extension's origin (chrome-extension://<id>). */
function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/** Classifies a sender: another extension or a web page, a content script of ours, or one of our pages. */
export function senderKind(sender: Sender): SenderKind {
  if (!sender || sender.id !== browser.runtime.id) return 'foreign';
  const own = extensionOrigin();
  let urlOrigin = '';
  try {
    urlOrigin = sender.url ? new URL(sender.url).origin : '';
  } catch {
    urlOrigin = '';
  }
  // Chromium sets `origin` for every sender; both must be ours (a content script's url is the page's).
  if (urlOrigin === own && (sender.origin === undefined || sender.origin === own)) return 'extension-page';
  return 'content-script';
}
