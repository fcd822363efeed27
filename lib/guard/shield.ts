/**
 * Keeps the guard's overlay host on top and in shape against the page (issue #10 item 5): inline
 * `!important` styles (the strongest an author can set, so page CSS cannot hide, fade, move or shrink
 * it), the top layer where the browser has it, and a watcher that undoes what a page script does to
 * the host directly. No React here: the engine-less fallback dialog uses it too.
 */

/**
 * The host's own styles, each `!important` and inline, the strongest an author can set: page CSS
 * (even `reply-guard-ui { display: none !important }`) cannot hide, fade, move or shrink the overlay
 * (issue #10 item 5). What a page script does to the host directly is undone by `harden`.
 */
const HOST_STYLE: ReadonlyArray<readonly [string, string]> = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0px auto auto 0px'],
  ['width', '0px'],
  ['height', '0px'],
  ['margin', '0px'],
  ['padding', '0px'],
  ['border', '0px'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['pointer-events', 'none'],
  ['z-index', '2147483647'],
];

/** The style attribute as styleHost wrote it, per host: anything else is a page's doing. */
const written = new WeakMap<HTMLElement, string | null>();

/** Puts the host's styles (back) in place: `all: initial` first (nothing inherited from the page), then each. */
export function styleHost(host: HTMLElement): void {
  // Only when something changed: rewriting the attribute would wake the watcher again.
  if (written.has(host) && host.getAttribute('style') === written.get(host)) return;
  host.removeAttribute('style');
  host.style.setProperty('all', 'initial', 'important');
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  written.set(host, host.getAttribute('style'));
}

/** Lifts the host into the top layer (above any z-index a page can set), where the browser has it. */
export function lift(host: HTMLElement): void {
  const p = host as HTMLElement & { showPopover?: () => void; matches(s: string): boolean };
  if (typeof p.showPopover !== 'function' || !host.isConnected) return;
  try {
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    if (!p.matches(':popover-open')) p.showPopover();
  } catch {
    // Not supported in this state: the inline styles and z-index still apply.
  }
}

/**
 * Watches the host and undoes page changes: styles, extra attributes, removal, a hidden popover, an
 * edited stylesheet. Returns a stop function.
 */
export function shield(host: HTMLElement, shadow: ShadowRoot, style: HTMLStyleElement, css: string): () => void {
  const doc = host.ownerDocument;
  let on = true;
  const harden = () => {
    if (!on) return;
    if (!host.isConnected) doc.documentElement.append(host);
    styleHost(host);
    for (const a of [...host.attributes]) if (a.name !== 'style' && a.name !== 'popover') host.removeAttribute(a.name);
    lift(host);
    // Our stylesheet inside the shadow root is ours alone: put it back if it was changed.
    if (style.textContent !== css) style.textContent = css;
    if (style.parentNode !== shadow) shadow.prepend(style);
  };
  const watcher = new MutationObserver(harden);
  watcher.observe(host, { attributes: true });
  watcher.observe(doc.documentElement, { childList: true });
  watcher.observe(shadow, { childList: true });
  watcher.observe(style, { characterData: true, childList: true, subtree: true });
  const onToggle = () => queueMicrotask(harden);
  host.addEventListener('toggle', onToggle);
  return () => {
    on = false;
    watcher.disconnect();
    host.removeEventListener('toggle', onToggle);
  };
}

/**
 * A host element with an open shadow root. The tag is a custom element name, which a page can
 * define first (customElements.define runs in the page's world) to attach its own shadow root or
 * throw: then a plain <div> hosts the overlay instead, which no page definition can claim.
 */
export function createHost(doc: Document, tag: string): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = doc.createElement(tag);
    styleHost(host);
    return { host, shadow: host.attachShadow({ mode: 'open' }) };
  } catch {
    const host = doc.createElement('div');
    styleHost(host);
    return { host, shadow: host.attachShadow({ mode: 'open' }) };
  }
}
