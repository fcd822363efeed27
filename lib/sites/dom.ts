/**
 * Small DOM helpers shared by the site adapters: names, visibility, icon-free text, and the
 * reply's own block with its submit controls. Kept free of site knowledge; the selectors and
 * vocabularies live in each adapter and in labels.ts.
 */

/** Icon fonts, inline icons and parts hidden from assistive tech: never part of a name or a text. */
export const ICON_SELECTOR = 'i, svg, [aria-hidden="true"], .notranslate, script, style, template';

/**
 * The text of `el` as a reader sees it: icon ligatures ("open_in_new", "star"), SVGs and
 * aria-hidden parts left out, whitespace collapsed. `keepHidden` reads display:none parts too
 * (Google keeps a long review's full text in a hidden node).
 */
export function cleanText(el: Element | null | undefined, keepHidden = true): string {
  if (!el) return '';
  let out = '';
  // An explicit stack: a page may nest thousands of elements (the call stack would overflow).
  const stack: Node[] = [el];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node as Text).data;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const child = node as Element;
    if (child !== el && child.matches(ICON_SELECTOR)) continue;
    if (!keepHidden && child !== el && !isVisible(child)) continue;
    // Block boundaries separate words ("Maria" + "2 days ago" must not run together).
    if (/^(DIV|P|LI|BR|H[1-6])$/.test(child.tagName)) out += ' ';
    for (let c = child.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The accessible name a user or screen reader would give `el`, simplified (aria-label, labels, text). */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => cleanText(el.ownerDocument.getElementById(id)))
      .join(' ')
      .trim();
    if (text) return text;
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    const fromLabels = Array.from(el.labels ?? [])
      .map((l) => cleanText(l))
      .join(' ')
      .trim();
    if (fromLabels) return fromLabels;
    if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return el.value.trim();
    return (el.getAttribute('placeholder') ?? el.getAttribute('title') ?? '').trim();
  }
  return cleanText(el) || (el.getAttribute('title') ?? '').trim();
}

/** The name a box goes by: its accessible name, else its placeholder (Lexical: aria-placeholder). */
export function boxName(el: Element): string {
  return (
    accessibleName(el) || (el.getAttribute('aria-placeholder') ?? el.getAttribute('placeholder') ?? '').trim() || ''
  );
}

/** Every element that behaves as a button: native buttons, submit inputs and ARIA buttons. */
export const BUTTON_SELECTOR = 'button, input[type="submit"], [role="button"]';

/** True when a control is disabled natively or through ARIA. */
export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/**
 * True when `el` is rendered: no `hidden` or display:none / visibility:hidden on it or an ancestor.
 * Google and Facebook keep other views' nodes (a hidden queue, a list behind a dialog) in the DOM.
 */
export function isVisible(el: Element): boolean {
  // The `hidden` attribute first: it hides through the UA style sheet, which test DOMs lack.
  if (el.closest('[hidden]')) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const style = view?.getComputedStyle(n);
    if (style && (style.display === 'none' || (n === el && style.visibility === 'hidden'))) return false;
  }
  return true;
}

/** Visible text of `el` with whitespace collapsed; '' when absent. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Ancestors of `el`, nearest first, up to (not including) `stop` or the body. */
export function ancestors(el: Element, stop?: Element | null): Element[] {
  const out: Element[] = [];
  for (let n = el.parentElement; n && n !== stop && n !== el.ownerDocument.body; n = n.parentElement) out.push(n);
  return out;
}

/**
 * The submit candidates of a reply box: starting at the box, the nearest enclosing block (at any
 * depth, never beyond `limit`) that holds a visible control accepted by `isSubmit`; then every
 * such control in that block. The nearest block is the reply's own (its form, row or card), so a
 * neighbouring review's button or the card's "Reply" opener further out is not taken.
 */
export function submitControlsIn(
  editor: HTMLElement,
  isSubmit: (button: HTMLElement) => boolean,
  limit?: Element | null,
): HTMLElement[] {
  const scopes = ancestors(editor, limit?.parentElement ?? null);
  for (const scope of scopes) {
    const found = controlsIn(scope, editor, isSubmit);
    if (found.length) return found;
    if (scope === limit) break;
  }
  return [];
}

/** Editable boxes (a contenteditable's own children excluded). */
const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/**
 * True when `control` is `editor`'s, not another box's: the nearest block around the control that
 * holds a box must hold this one, and when several boxes share it, this one must be the only one
 * shown (Google keeps other views' boxes hidden next to the live one).
 */
export function belongsTo(control: Element, editor: Element): boolean {
  for (let n = control.parentElement; n; n = n.parentElement) {
    const boxes = Array.from(n.querySelectorAll(EDITABLE)).filter(
      (b) => !b.parentElement?.closest('[contenteditable="true"], [contenteditable=""]'),
    );
    if (!boxes.length) continue;
    if (!boxes.includes(editor)) return false;
    if (boxes.length === 1) return true;
    const shown = boxes.filter(isVisible);
    return !shown.length || shown.includes(editor);
  }
  return false;
}

/** Every visible control in `scope` accepted by `isSubmit`, never the box itself or its wrappers. */
export function controlsIn(scope: Element, editor: Element, isSubmit: (b: HTMLElement) => boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const b of scope.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)) {
    if (b.contains(editor) || editor.contains(b)) continue;
    // A role=button nested in a native button is the same control: the outer one stands for both.
    const outer = b.parentElement?.closest(BUTTON_SELECTOR);
    if (outer && scope.contains(outer)) continue;
    if (!isSubmit(b) || !isVisible(b) || !belongsTo(b, editor)) continue;
    // A click lands on the innermost button-like element: the control's nested ones count as it.
    out.push(b, ...b.querySelectorAll<HTMLElement>(BUTTON_SELECTOR));
  }
  return out;
}

/**
 * The longest text block inside `container` that is not inside `skip` (the reply box, owner replies):
 * a structural fallback for review text when the site hides it behind hashed class names.
 */
export function longestText(container: Element, skip: (el: Element) => boolean): string {
  let best = '';
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    if (skip(el)) continue;
    // Leaf-ish blocks only: an element whose text is mostly its own, not a wrapper of many blocks.
    if (el.children.length > 3) continue;
    if (el.matches(`button, [role="button"], label, a, textarea, input, [contenteditable="true"], ${ICON_SELECTOR}`))
      continue;
    if (el.closest('button, [role="button"], textarea, [contenteditable="true"], [hidden], [aria-hidden="true"]'))
      continue;
    const t = cleanText(el);
    if (t.length > best.length) best = t;
  }
  return best;
}
