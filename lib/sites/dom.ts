/**
 * Small DOM helpers shared by the site adapters: accessible names and nearby controls.
 * Kept free of site knowledge; the selectors themselves live in each adapter.
 */

/** The accessible name a user or screen reader would give `el`, simplified (aria-label, labels, text). */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    const fromLabels = Array.from(el.labels ?? [])
      .map((l) => l.textContent ?? '')
      .join(' ')
      .trim();
    if (fromLabels) return fromLabels;
    if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return el.value.trim();
    return (el.getAttribute('placeholder') ?? '').trim();
  }
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element that behaves as a button: native buttons, submit inputs and ARIA buttons. */
export const BUTTON_SELECTOR = 'button, input[type="submit"], [role="button"]';

/**
 * The nearest button around `from` whose accessible name matches `name`, searching outward
 * one ancestor at a time (at most `depth` levels) so a box's own button wins over a neighbour's.
 */
export function nearbyButton(from: Element, name: RegExp, depth = 5, exclude?: RegExp): HTMLElement | null {
  let scope: Element | null = from.parentElement;
  for (let i = 0; scope && i < depth; i++, scope = scope.parentElement) {
    for (const b of scope.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)) {
      if (b.contains(from)) continue;
      const n = accessibleName(b);
      if (name.test(n) && !exclude?.test(n) && !isDisabled(b)) return b;
    }
  }
  return null;
}

/** True when a control is disabled natively or through ARIA. */
export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/** Visible text of `el` with whitespace collapsed; '' when absent. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
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
    if (el.matches('button, [role="button"], label, a, textarea, input, script, style, [contenteditable="true"]'))
      continue;
    if (el.closest('button, [role="button"], textarea, [contenteditable="true"], [hidden]')) continue;
    const t = textOf(el);
    if (t.length > best.length) best = t;
  }
  return best;
}
