/**
 * When the guard ends and when the page navigated, from signals a page cannot forge (issue #10
 * item 4). A page can dispatch any DOM event, post any message and set any attribute, so none of
 * those may end the guard: only the extension itself being gone does (runtime.id undefined after a
 * reload, update or removal). In-app navigation comes from the Navigation API's trusted events.
 */

/** How often an open page checks that the extension is still there (Chromium reports no event). */
export const LIFETIME_CHECK_MS = 2000;

/**
 * Calls `onGone` once, when `alive()` first says the extension is gone (checked every
 * LIFETIME_CHECK_MS and whenever the page becomes visible again). Returns a stop function.
 */
export function watchExtensionLifetime(win: Window, alive: () => boolean, onGone: () => void): () => void {
  let done = false;
  const check = () => {
    if (done || alive()) return;
    done = true;
    stop();
    onGone();
  };
  const timer = win.setInterval(check, LIFETIME_CHECK_MS);
  // visibilitychange is page-dispatchable, but all it can do is make us check sooner.
  win.document.addEventListener('visibilitychange', check);
  const stop = () => {
    win.clearInterval(timer);
    win.document.removeEventListener('visibilitychange', check);
  };
  return stop;
}

/** The Navigation API where the browser has it (Chromium 102+). */
interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null;
}

/**
 * Calls `onNavigate` after each same-document navigation the browser itself reports (the
 * Navigation API's currententrychange, trusted), and after a history traversal (popstate, trusted). Events a page
 * dispatches itself are not trusted and ignored. Returns a stop function.
 */
export function watchNavigation(win: Window, onNavigate: () => void): () => void {
  const nav = (win as Window & { navigation?: NavigationLike }).navigation;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The new view renders after the navigation commits: look once it has had a moment.
  const later = (e: Event) => {
    if (!e.isTrusted) return;
    clearTimeout(timer);
    timer = setTimeout(onNavigate, 150);
  };
  const target: EventTarget = nav ?? win;
  // currententrychange: every same-document navigation (pushState included) once committed.
  const type = nav ? 'currententrychange' : 'popstate';
  target.addEventListener(type, later);
  if (nav) win.addEventListener('popstate', later);
  return () => {
    clearTimeout(timer);
    target.removeEventListener(type, later);
    win.removeEventListener('popstate', later);
  };
}
