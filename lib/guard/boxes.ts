/**
 * Finding and watching reply boxes: a throttled rescan on DOM changes attaches a Session to each
 * box an adapter claims and lets go of removed ones; focus judges a box afresh.
 */
import { readText } from '@/lib/editor';
import type { SiteAdapter } from '@/lib/sites/types';
import type { GuardHost } from './host';
import { Session, VERDICT_ATTR } from './session';

/** How often the page is rescanned for new boxes while it changes. */
const SCAN_THROTTLE_MS = 250;

/** The watched boxes of one document. */
export class Boxes {
  private readonly sessions = new Map<HTMLElement, Session>();
  /** Editable elements found not to be reply boxes. */
  private readonly rejected = new WeakSet<Element>();
  private nextId = 1;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private pageObserver: MutationObserver | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor(private readonly g: GuardHost) {}

  /** Every watched box. */
  all(): IterableIterator<Session> {
    return this.sessions.values();
  }

  /** How many boxes are watched. */
  get size(): number {
    return this.sessions.size;
  }

  /** A fresh id (sessions and dialog keys share the counter). */
  newId(): number {
    return this.nextId++;
  }

  /** Starts watching the document for boxes. */
  start(): void {
    const { doc } = this.g;
    // New boxes (late, lazy-loaded or after in-app navigation): a throttled rescan on DOM changes.
    this.pageObserver = new MutationObserver(() => this.scheduleScan());
    this.pageObserver.observe(doc.documentElement, { childList: true, subtree: true });
    if (doc.readyState === 'loading') {
      const onReady = () => this.scan();
      doc.addEventListener('DOMContentLoaded', onReady, { once: true });
      this.g.onDestroy(() => doc.removeEventListener('DOMContentLoaded', onReady));
    } else this.scan();
  }

  /** Lets go of every box and leaves them as they were. */
  destroy(): void {
    this.pageObserver?.disconnect();
    this.resizeObserver?.disconnect();
    clearTimeout(this.scanTimer);
    for (const s of [...this.sessions.values()]) this.detach(s, false);
    this.sessions.clear();
  }

  /** A rescan soon, at most one per interval. */
  scheduleScan(): void {
    if (this.scanTimer !== undefined || this.g.destroyed) return;
    // At most one scan per interval, and in an idle moment: busy feeds mutate constantly.
    this.scanTimer = setTimeout(() => {
      this.g.win.requestIdleCallback(
        () => {
          this.scanTimer = undefined;
          this.scan();
        },
        { timeout: 1000 },
      );
    }, SCAN_THROTTLE_MS);
  }

  /** Attaches to every reply box in the document and lets go of removed ones. */
  scan(): void {
    if (this.g.destroyed) return;
    for (const s of [...this.sessions.values()]) if (!s.editor.isConnected) this.detach(s, true);
    for (const adapter of this.g.deps.adapters) {
      for (const el of this.g.doc.querySelectorAll(adapter.editorSelector)) {
        if (this.sessions.has(el as HTMLElement) || this.rejected.has(el)) continue;
        const owner = this.adapterFor(el);
        if (owner === adapter) this.attach(el as HTMLElement, adapter);
        // Not a reply box (a search field, the post composer): not asked again until it gets focus.
        else if (!owner) this.rejected.add(el);
      }
    }
    this.g.view.requestFrame();
  }

  /** The adapter that claims `el` as a reply box, if any. */
  adapterFor(el: Element): SiteAdapter | null {
    for (const a of this.g.deps.adapters) if (el.matches(a.editorSelector) && a.isEditor(el)) return a;
    return null;
  }

  /** The watched box `node` is in, if any. */
  sessionAt(node: EventTarget | null): Session | null {
    for (let n = node instanceof Node ? node : null; n; n = n.parentNode) {
      const s = n instanceof HTMLElement ? this.sessions.get(n) : undefined;
      if (s) return s;
    }
    return null;
  }

  /**
   * Whether this box writes for the person at the keyboard (a friend's post, personal Messenger:
   * never held, never logged; issue #10 item 7) rather than for the practice.
   */
  personal(s: Session): boolean {
    try {
      // Optional until every adapter has it: a missing answer means the practice's.
      return s.adapter.scope?.(s.editor, this.g.settings.profile, new URL(this.g.win.location.href)) === 'personal';
    } catch {
      return false;
    }
  }

  /** The box holding focus, if any. */
  focused(): Session | null {
    return this.sessionAt(this.g.doc.activeElement);
  }

  /** The focused box, attaching it first when an adapter claims it now (labels change once opened). */
  onFocus(target: EventTarget | null): Session | null {
    // Labels change (a composer renamed once it opens): a focused box is always judged afresh.
    if (target instanceof Element) this.rejected.delete(target);
    let s = this.sessionAt(target);
    if (!s && target instanceof Element) {
      const editor = target.closest<HTMLElement>('textarea, [contenteditable], [role="textbox"]');
      const adapter = editor && this.adapterFor(editor);
      if (editor && adapter) s = this.attach(editor, adapter);
    }
    return s;
  }

  private attach(editor: HTMLElement, adapter: SiteAdapter): Session {
    const g = this.g;
    const s = new Session(this.newId(), editor, adapter);
    this.sessions.set(editor, s);
    if (!(editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement)) {
      // Rich editors (Lexical) often cancel beforeinput and render themselves: no input event to rely on.
      s.observer = new MutationObserver(() => g.analyser.schedule(s));
      s.observer.observe(editor, { childList: true, characterData: true, subtree: true });
    }
    // A page with a reply box will likely need the rules: load them in an idle moment, so the
    // first keystrokes are checked at once (focus loads them right away if this has not yet).
    if (!g.analyser.loadingStarted && g.active)
      g.win.requestIdleCallback(() => void g.analyser.loadHeavy(), { timeout: 2000 });
    this.resizeObserver ??= new ResizeObserver(() => g.view.requestFrame());
    this.resizeObserver.observe(editor);
    if (g.active && (readText(editor).trim() || g.doc.activeElement === editor)) g.analyser.engage(s);
    return s;
  }

  /** Stops watching a box; `abandon` logs a flagged draft left in it. */
  detach(s: Session, abandon: boolean): void {
    const g = this.g;
    // Gone with a flagged draft: left by navigation (abandoned) or posted unseen (unseen-submit).
    if (abandon) g.logger.gone(s, 'removed');
    clearTimeout(s.timer);
    if (s.idle !== undefined) g.win.cancelIdleCallback(s.idle);
    s.observer?.disconnect();
    this.resizeObserver?.unobserve(s.editor);
    g.view.highlighter?.clear(s.id);
    s.editor.removeAttribute(VERDICT_ATTR);
    this.sessions.delete(s.editor);
    g.holder.forget(s);
    g.view.render();
  }
}
