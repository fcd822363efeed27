/**
 * "Copy page structure for a bug report" (issue #10 item 9): the reply area's element tree, so a
 * maintainer can see why the guard missed a site's post button, with nothing in it that could hold
 * what anyone wrote. Text nodes are dropped; attribute values are kept only for attributes whose
 * values come from a fixed vocabulary (roles, types, states) or are the site's own opaque codes
 * (jsname); every other value (labels, ids, classes, data-*, hrefs) becomes "…". Pure: no browser
 * API beyond reading the DOM it is given, nothing sent anywhere (the popup copies it to the clipboard).
 */

/** Attributes whose values are an enumerated vocabulary: safe to keep as they are. */
const ENUMERATED = new Set([
  'role',
  'type',
  'contenteditable',
  'tabindex',
  'dir',
  'method',
  'disabled',
  'hidden',
  'inert',
  'draggable',
  'spellcheck',
  'autocomplete',
  'popover',
  'aria-hidden',
  'aria-expanded',
  'aria-disabled',
  'aria-haspopup',
  'aria-multiline',
  'aria-modal',
  'aria-pressed',
  'aria-checked',
  'aria-selected',
  'aria-invalid',
  'aria-readonly',
  'aria-required',
  'aria-autocomplete',
  'aria-live',
  'aria-level',
  'data-lexical-editor',
]);

/** Values of these are the site's opaque codes (Google's jsname="YPqjbf"), kept when they look like one. */
const OPAQUE = new Set(['jsname', 'jsaction', 'jscontroller']);
const OPAQUE_VALUE = /^[A-Za-z0-9_:;.-]{1,80}$/;
/** Enumerated values are short words or numbers; anything else is dropped anyway. */
const ENUM_VALUE = /^[a-z0-9-]{0,24}$/i;

/** Elements whose content is never part of the structure (scripts, styles, inline images' data). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME']);

/** Limits, so a huge page stays a readable report. */
export interface StructureLimits {
  /** Most elements listed (default 600). */
  maxElements?: number;
  /** Deepest level listed below the area's root (default 40). */
  maxDepth?: number;
  /** How many levels above the box the area starts when no form, article or dialog holds it (default 8). */
  levelsUp?: number;
}

/**
 * The reply area around `box`: its nearest form, article, dialog or listitem, else `levelsUp`
 * ancestors up, never the body or the document.
 */
export function replyArea(box: Element, levelsUp = 8): Element {
  const block = box.closest('form, [role="article"], article, [role="dialog"], dialog, [role="listitem"], li');
  if (block && block !== box.ownerDocument.body) return block;
  let area: Element = box;
  for (let i = 0; i < levelsUp && area.parentElement && area.parentElement !== box.ownerDocument.body; i++)
    area = area.parentElement;
  return area;
}

/** One attribute as the report shows it: name, and its value only when it cannot hold text. */
function attr(name: string, value: string): string {
  if (ENUMERATED.has(name)) return ENUM_VALUE.test(value) ? `${name}="${value}"` : `${name}="…"`;
  if (OPAQUE.has(name)) return OPAQUE_VALUE.test(value) ? `${name}="${value}"` : `${name}="…"`;
  return value === '' ? name : `${name}="…"`;
}

/**
 * The element tree of `area` as indented lines (`tag attr="value" …`), the box marked
 * `◀ reply box` and each of `controls` marked `◀ post control`. No text, no free-text values.
 */
export function pageStructure(
  area: Element,
  box: Element | null,
  controls: readonly Element[] = [],
  limits: StructureLimits = {},
): string {
  const maxElements = limits.maxElements ?? 600;
  const maxDepth = limits.maxDepth ?? 40;
  const lines: string[] = [];
  let count = 0;
  let truncated = false;
  // Iterative: the page may nest deeper than any stack (issue #10 item 3).
  const stack: Array<{ el: Element; depth: number }> = [{ el: area, depth: 0 }];
  while (stack.length) {
    const { el, depth } = stack.pop() as { el: Element; depth: number };
    if (count >= maxElements) {
      truncated = true;
      break;
    }
    count++;
    const tag = el.tagName.toLowerCase();
    const attrs = Array.from(el.attributes, (a) => attr(a.name.toLowerCase(), a.value));
    const marks = [el === box ? '◀ reply box' : '', controls.includes(el) ? '◀ post control' : ''].filter(Boolean);
    const shadow = (el as HTMLElement).shadowRoot ? ['#shadow-root'] : [];
    lines.push(`${'  '.repeat(depth)}${[tag, ...attrs, ...shadow, ...marks].join(' ')}`);
    if (SKIP.has(el.tagName.toUpperCase())) continue;
    if (depth >= maxDepth) {
      if (el.children.length) {
        lines.push(`${'  '.repeat(depth + 1)}… ${el.children.length} more levels`);
        truncated = true;
      }
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ el: el.children[i] as Element, depth: depth + 1 });
  }
  if (truncated) lines.push(`… (cut at ${maxElements} elements / ${maxDepth} levels)`);
  return lines.join('\n');
}
