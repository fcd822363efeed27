/**
 * Marks risky spans with the CSS Custom Highlight API: ranges over the editor's own text nodes,
 * styled by ::highlight(), so Lexical/Draft never see a foreign node in their DOM. A <textarea>'s
 * text has no nodes to range over, so a transparent mirror of it (in the guard's shadow root,
 * laid exactly over the box) carries the ranges instead.
 */
import { PAGE_HIGHLIGHT_CSS } from '@/components/guard/styles';
import { rangesFor, type TextModel } from '@/lib/editor';
import type { Finding, Severity } from '@/rules/types';

/** The highlight names, one per severity (styled by ::highlight(reply-guard-block) etc.). */
export const HIGHLIGHT_NAMES: Record<Severity, string> = {
  block: 'reply-guard-block',
  warn: 'reply-guard-warn',
};

/** Computed-style properties a mirror copies so its text wraps exactly like the textarea's. */
const MIRROR_PROPS = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-stretch',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-indent',
  'text-align',
  'direction',
  'tab-size',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'box-sizing',
] as const;

interface Marked {
  ranges: Array<{ range: AbstractRange; severity: Severity }>;
  mirror?: HTMLDivElement;
  editor: HTMLElement;
}

/** Draws and clears the marks of every watched editor in one document. */
export class Highlighter {
  private readonly marked = new Map<number, Marked>();
  private readonly highlights: Partial<Record<Severity, Highlight>> = {};
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  readonly supported: boolean;

  constructor(
    private readonly doc: Document,
    private readonly mirrorLayer: () => HTMLElement,
  ) {
    this.supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  /** Marks `findings` in the editor of session `id`, replacing its previous marks. */
  set(id: number, editor: HTMLElement, model: TextModel, findings: readonly Finding[]): void {
    this.clear(id);
    if (!this.supported || findings.length === 0) return;
    this.ensureStyles();
    const entry: Marked = { ranges: [], editor };
    let target = model;
    if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
      entry.mirror = this.mirrorFor(editor, model.text);
      const node = entry.mirror.firstChild as Text;
      target = { text: model.text, segments: [{ node, start: 0 }] };
      this.place(entry);
    }
    for (const f of findings) {
      for (const range of rangesFor(target, [[f.start, f.end]])) {
        entry.ranges.push({ range, severity: f.severity });
        this.highlight(f.severity).add(range);
      }
    }
    this.marked.set(id, entry);
  }

  /** Removes the marks of session `id`. */
  clear(id: number): void {
    const entry = this.marked.get(id);
    if (!entry) return;
    for (const { range, severity } of entry.ranges) this.highlights[severity]?.delete(range);
    entry.mirror?.remove();
    this.marked.delete(id);
  }

  /** Keeps textarea mirrors over their boxes after scrolling, resizing or typing. */
  reposition(): void {
    for (const entry of this.marked.values()) if (entry.mirror) this.place(entry);
  }

  /** Removes every mark, the highlight registrations and the page-level styles. */
  destroy(): void {
    for (const id of [...this.marked.keys()]) this.clear(id);
    if (this.supported) for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.styleEl?.remove();
    this.sheet = null;
    this.styleEl = null;
  }

  private highlight(severity: Severity): Highlight {
    let h = this.highlights[severity];
    if (!h) {
      h = new Highlight();
      // Block marks paint over warn marks where spans touch.
      h.priority = severity === 'block' ? 2 : 1;
      this.highlights[severity] = h;
    }
    // Re-register every time: a page script may have cleared the registry (it is shared per document).
    if (CSS.highlights.get(HIGHLIGHT_NAMES[severity]) !== h) CSS.highlights.set(HIGHLIGHT_NAMES[severity], h);
    return h;
  }

  /** The ::highlight() styles for ranges in the page's own editors: a constructed sheet, else a <style>. */
  private ensureStyles(): void {
    if (this.sheet || this.styleEl) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PAGE_HIGHLIGHT_CSS);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = PAGE_HIGHLIGHT_CSS;
      (this.doc.head ?? this.doc.documentElement).append(style);
      this.styleEl = style;
    }
  }

  private mirrorFor(box: HTMLTextAreaElement | HTMLInputElement, text: string): HTMLDivElement {
    const mirror = this.doc.createElement('div');
    mirror.className = 'rg-mirror';
    mirror.setAttribute('aria-hidden', 'true');
    const style = getComputedStyle(box);
    for (const p of MIRROR_PROPS) mirror.style.setProperty(p, style.getPropertyValue(p));
    // A trailing newline needs a character after it to take up its line, as in the textarea.
    mirror.append(this.doc.createTextNode(text), this.doc.createTextNode('\u200b'));
    this.mirrorLayer().append(mirror);
    return mirror;
  }

  private place(entry: Marked): void {
    const { mirror, editor } = entry;
    if (!mirror) return;
    const r = editor.getBoundingClientRect();
    if (!editor.isConnected || r.width === 0) {
      mirror.style.display = 'none';
      return;
    }
    mirror.style.display = 'block';
    mirror.style.top = `${r.top}px`;
    mirror.style.left = `${r.left}px`;
    mirror.style.width = `${r.width}px`;
    mirror.style.height = `${r.height}px`;
    // A textarea's scrollbar narrows its text: narrow the mirror's the same way.
    if (editor instanceof HTMLTextAreaElement) {
      const style = getComputedStyle(editor);
      const borders = Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.borderRightWidth);
      const scrollbar = Math.max(0, editor.offsetWidth - editor.clientWidth - borders);
      mirror.style.paddingRight = `${Number.parseFloat(style.paddingRight) + scrollbar}px`;
    }
    mirror.scrollTop = editor.scrollTop;
    mirror.scrollLeft = editor.scrollLeft;
  }
}
