/**
 * Reading and writing the text of a reply box, whatever framework owns it: a <textarea>, a plain
 * contenteditable, Lexical (Facebook) or Draft.js. Writes go only through paths the framework
 * observes (execCommand('insertText') → beforeinput/input), so the site's state stays in step
 * with what the user sees; marks never touch the editor's DOM (ranges only).
 */

/** The kinds of reply box the guard can read and write. */
export type EditorKind = 'textarea' | 'lexical' | 'draft' | 'contenteditable';

/** What framework owns `el`. */
export function editorKind(el: HTMLElement): EditorKind {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return 'textarea';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.classList.contains('public-DraftEditor-content') || el.closest('.DraftEditor-root')) return 'draft';
  return 'contenteditable';
}

/** One text node's place in the editor's text. */
interface Segment {
  node: Text;
  start: number;
}

/** The editor's text and where each of its text nodes sits in it. */
export interface TextModel {
  text: string;
  segments: Segment[];
}

/** Most nodes a reply box may hold before it counts as unreadable (a real reply has a few hundred). */
const MAX_NODES = 200_000;

/** Elements that start a new line of text in a contenteditable (Lexical paragraphs, Draft blocks, divs). */
const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR)$/;

/**
 * Walks a contenteditable and builds its text as the user sees it: text nodes as they are, <br> as
 * a line break, and one line break between blocks. Lexical's placeholder <br> in an empty paragraph
 * counts as nothing, as Lexical itself reads it. Throws when the box holds more than MAX_NODES nodes.
 */
export function textModel(root: HTMLElement): TextModel {
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) {
    return { text: root.value, segments: [] };
  }
  let text = '';
  const segments: Segment[] = [];
  // Iterative and bounded (issue #10 item 3): a page can nest 20,000 spans in a box, which a
  // recursive walk cannot survive; past MAX_NODES the box is unreadable and the guard holds.
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length) {
    const node = stack.pop() as Node;
    if (++visited > MAX_NODES) throw new Error('The reply box is too large to read.');
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      // Zero-width markers some editors keep for caret placement are not text.
      if (!t.data || /^\u200B+$/.test(t.data)) continue;
      segments.push({ node: t, start: text.length });
      text += t.data;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el.getAttribute('contenteditable') === 'false' && el !== root) continue;
    if (el.tagName === 'BR') {
      // The only child of a block is a placeholder for an empty line, not a second line.
      const lonely = el.parentElement && el.parentElement !== root && el.parentElement.childNodes.length === 1;
      if (!lonely && !el.hasAttribute('data-lexical-linebreak-placeholder')) text += '\n';
      continue;
    }
    // A block starts on a new line, unless it is the first thing in the box.
    if (el !== root && BLOCK.test(el.tagName) && text.length && !text.endsWith('\n')) text += '\n';
    // Children in document order: the last pushed is visited first.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return { text, segments };
}

/** The text of a reply box as the user sees it. */
export function readText(el: HTMLElement): string {
  return textModel(el).text;
}

/** The DOM position of a text offset, or null when it falls outside every text node. */
function positionAt(model: TextModel, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let best: { node: Text; offset: number } | null = null;
  for (const seg of model.segments) {
    const end = seg.start + seg.node.data.length;
    if (offset >= seg.start && offset <= end) {
      best = { node: seg.node, offset: offset - seg.start };
      // An offset on a boundary belongs to the next node for a start, the previous one for an end.
      if (preferEnd || offset < end) return best;
    }
  }
  return best;
}

/** DOM Ranges over the editor's own text nodes for each [start, end) span (for highlights only). */
export function rangesFor(model: TextModel, spans: ReadonlyArray<readonly [number, number]>): Range[] {
  const out: Range[] = [];
  for (const [start, end] of spans) {
    if (end <= start) continue;
    const a = positionAt(model, start, false);
    const b = positionAt(model, end, true);
    if (!a || !b) continue;
    const range = new Range();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      out.push(range);
    } catch {
      // A node changed between reading and marking: the next analysis marks it again.
    }
  }
  return out;
}

/** Native value setter: React and other frameworks track the value through it. */
function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
}

/** Selects the editor's whole content so the next insertion replaces it. */
function selectAll(el: HTMLElement): void {
  el.focus({ preventScroll: true });
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.select();
    return;
  }
  const sel = el.ownerDocument.getSelection();
  if (!sel) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** A paste of `text` as the framework sees a real paste (Lexical and Draft handle newlines this way). */
function pasteText(el: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/** Normalizes line endings and trailing whitespace for comparing what was written with what is there. */
function same(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n').trim();
  return norm(a) === norm(b);
}

/**
 * Resolves after the browser reported the selection change (or `ms` passed): Lexical and Draft keep
 * their own selection, updated from `selectionchange`, and insert at *that* on beforeinput.
 */
function selectionSettled(doc: Document, ms = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', onChange);
      // One more task so the framework's own selectionchange listener has run too.
      setTimeout(resolve, 0);
    };
    const onChange = () => done();
    const timer = setTimeout(done, ms);
    doc.addEventListener('selectionchange', onChange);
  });
}

/**
 * Replaces the whole reply with `text` through the editor's own input path: select all, then
 * execCommand('insertText') (undoable, fires beforeinput/input the framework handles). When the
 * browser or the framework refuses, falls back to a paste event (rich editors) or the native value
 * setter plus an input event (textareas). Resolves true when the box now holds `text`.
 */
export async function writeText(el: HTMLElement, text: string): Promise<boolean> {
  const textarea = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
  selectAll(el);
  if (!textarea) await selectionSettled(el.ownerDocument);
  let done = false;
  try {
    done = el.ownerDocument.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  // Lexical and Draft render the insertion in their own update, a moment later: wait for it.
  if (done && !textarea) await new Promise((r) => setTimeout(r, 0));
  if (done && same(readText(el), text)) return true;
  if (textarea) {
    setNativeValue(el, text);
  } else {
    selectAll(el);
    await selectionSettled(el.ownerDocument);
    pasteText(el, text);
    // Frameworks may render the paste in their next update.
    await new Promise((r) => setTimeout(r, 0));
  }
  return same(readText(el), text);
}
