/**
 * What lets the hold dialog act (issue #10 item 5). Its shadow root is open (assistive tech and the
 * e2e tests find it by role), so a page can reach every node in it; the defence is that nothing the
 * page does there can act:
 * - a button acts only on a trusted event, while the dialog is actually visible (IntersectionObserver
 *   v2: not hidden, transparent, transformed or covered by anything) and has been for MIN_VISIBLE_MS;
 * - a button activated from the keyboard acts only if the user put focus on it (or the dialog did);
 *   focus the page moves inside the dialog is moved back;
 * - the reason is what the user typed, pasted or dropped: any other change is undone.
 * Used by the React dialog (components/guard/GuardDialog.tsx) and the engine-less fallback
 * (plain-dialog.ts).
 */

/** How long the dialog must have been visible before a button acts (no click-through on appear). */
export const MIN_VISIBLE_MS = 400;
/** How recent a user gesture must be for a focus move or an edit of the reason to count as the user's. */
const GESTURE_MS = 1000;

/** Options for tests (happy-dom has no trusted events and no IntersectionObserver v2). */
export interface GateOptions {
  requireTrusted?: boolean;
  requireVisible?: boolean;
  minVisibleMs?: number;
  now?: () => number;
}

/** IntersectionObserver v2's extra entry field. */
type EntryV2 = IntersectionObserverEntry & { isVisible?: boolean };

/** True where the browser implements IntersectionObserver v2 (Chromium). */
function hasVisibilityTracking(win: Window): boolean {
  const E = (win as Window & { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return !!E && 'isVisible' in E.prototype;
}

/** The trust and visibility checks of one open dialog. */
export class DialogGate {
  private visibleSince: number | null = null;
  private io: IntersectionObserver | null = null;
  /** The element that last got focus from the user (or from the dialog itself). */
  private userFocus: Element | null = null;
  private lastGestureAt = Number.NEGATIVE_INFINITY;
  private reasonGestureAt = Number.NEGATIVE_INFINITY;
  private ownMove = false;
  private readonly requireTrusted: boolean;
  private readonly requireVisible: boolean;
  private readonly minVisibleMs: number;
  private readonly now: () => number;
  private readonly cleanups: Array<() => void> = [];
  private armTimer: ReturnType<typeof setTimeout> | undefined;
  /** The Tab or press being handled right now (this task), if any. */
  private focusGesture: { tab: boolean; pressed: Node | null } | null = null;
  private focusGestureTimer: ReturnType<typeof setTimeout> | undefined;
  private armed = false;
  /** Told when the buttons start or stop being able to act (the dialog shows them aria-disabled meanwhile). */
  onArmedChange: (armed: boolean) => void = () => undefined;

  constructor(
    private readonly root: HTMLElement,
    options: GateOptions = {},
  ) {
    this.requireTrusted = options.requireTrusted ?? true;
    this.requireVisible = options.requireVisible ?? true;
    this.minVisibleMs = options.minVisibleMs ?? MIN_VISIBLE_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts watching visibility, gestures and focus. Returns a detach function. */
  attach(): () => void {
    const win = this.root.ownerDocument.defaultView;
    if (win && this.requireVisible && typeof win.IntersectionObserver === 'function' && hasVisibilityTracking(win)) {
      this.io = new win.IntersectionObserver(
        (entries) => {
          const e = entries.at(-1) as EntryV2 | undefined;
          if (e?.isIntersecting && e.isVisible) {
            if (this.visibleSince === null) {
              this.visibleSince = this.now();
              this.armLater(this.minVisibleMs);
            }
          } else {
            this.visibleSince = null;
            this.setArmed(false);
          }
        },
        // trackVisibility needs a delay of at least 100 ms; the options are not in TS's DOM types yet.
        { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      this.io.observe(this.root);
    } else this.armLater(this.requireVisible ? this.minVisibleMs : 0);
    const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
      target.addEventListener(type, fn, true);
      this.cleanups.push(() => target.removeEventListener(type, fn, true));
    };
    // Gestures anywhere (a user may Tab into the dialog from the page); only trusted ones count.
    const gesture = (e: Event) => {
      if (!e.isTrusted && this.requireTrusted) return;
      this.lastGestureAt = this.now();
      // Focus that follows a gesture moves in the same task (Tab's or mousedown's default action):
      // a Tab, or a press on the very element that gets focus. Anything later is a script's.
      const tab = e instanceof KeyboardEvent && e.key === 'Tab';
      const pressed = e.type === 'pointerdown' || e.type === 'mousedown' ? e.composedPath()[0] : null;
      if (!tab && !pressed) return;
      this.focusGesture = { tab, pressed: pressed as Node | null };
      clearTimeout(this.focusGestureTimer);
      this.focusGestureTimer = setTimeout(() => {
        this.focusGesture = null;
      }, 0);
    };
    // On the window (Tab from the page into the dialog) and on the dialog itself (a page listener
    // on the window that stops propagation must not make the user's own Tab look forged).
    for (const target of win ? [win, this.root] : [this.root]) {
      listen(target, 'keydown', gesture);
      listen(target, 'pointerdown', gesture);
      listen(target, 'mousedown', gesture);
    }
    listen(this.root, 'focusin', (e) => this.onFocusIn(e as FocusEvent));
    return () => this.detach();
  }

  private armLater(ms: number): void {
    clearTimeout(this.armTimer);
    this.armTimer = setTimeout(() => this.setArmed(this.visibleLongEnough()), ms);
  }

  private setArmed(armed: boolean): void {
    if (armed === this.armed) return;
    this.armed = armed;
    this.onArmedChange(armed);
  }

  /** Stops watching. */
  detach(): void {
    clearTimeout(this.armTimer);
    clearTimeout(this.focusGestureTimer);
    this.io?.disconnect();
    this.io = null;
    for (const fn of this.cleanups.splice(0)) fn();
  }

  /** Moves focus as the dialog itself (initial focus, the reason box): counts as the user's. */
  focus(el: HTMLElement | null | undefined): void {
    if (!el) return;
    this.ownMove = true;
    try {
      el.focus();
    } finally {
      this.ownMove = false;
    }
    this.userFocus = el;
  }

  private onFocusIn(e: FocusEvent): void {
    const target = e.target as Element | null;
    if (!target) return;
    const fg = this.focusGesture;
    const byGesture = !!fg && (fg.tab || (!!fg.pressed && (fg.pressed === target || target.contains(fg.pressed))));
    if (!this.requireTrusted || this.ownMove || byGesture) {
      this.userFocus = target;
      return;
    }
    // A focus move nobody asked for (a page script): undo it.
    const back = this.userFocus as HTMLElement | null;
    if (back && back !== target && back.isConnected) this.focus(back);
    else (target as HTMLElement).blur?.();
  }

  /** True while the dialog is visible and has been for the minimum time. */
  visibleLongEnough(): boolean {
    if (!this.requireVisible) return true;
    if (this.io) return this.visibleSince !== null && this.now() - this.visibleSince >= this.minVisibleMs;
    // Without IntersectionObserver v2: shown, opaque, and on top where it is drawn.
    return fallbackVisible(this.root);
  }

  /**
   * True when `e` (a click or key on `control`) may act: trusted, the dialog visible long enough,
   * and, from the keyboard, on a control the user focused.
   */
  canAct(e: Event, control: Element): boolean {
    if (this.requireTrusted && !e.isTrusted) return false;
    if (!this.visibleLongEnough()) return false;
    // A click from Enter/Space has detail 0: the control must hold the user's own focus.
    const fromKeyboard = e instanceof MouseEvent ? e.detail === 0 : e instanceof KeyboardEvent;
    if (fromKeyboard && this.requireTrusted && this.userFocus !== control) return false;
    return true;
  }

  /** Records a trusted keystroke, paste, drop or composition in the reason box. */
  reasonGesture(e: Event): void {
    if (e.isTrusted || !this.requireTrusted) this.reasonGestureAt = this.now();
  }

  /** True when an input event in the reason box is the user's own typing, paste or drop. */
  reasonInputOk(e: Event): boolean {
    if (!this.requireTrusted) return true;
    if (!e.isTrusted) return false;
    // Spell-check replacements come with no keystroke; execCommand cannot make them.
    if ((e as InputEvent).inputType === 'insertReplacementText') return true;
    // A keystroke, paste or drop in the box, or (dictation, IME commit, automation) a key or pointer
    // in the dialog just before: a page's execCommand with nobody at the keyboard gets neither.
    return this.now() - Math.max(this.reasonGestureAt, this.lastGestureAt) < GESTURE_MS;
  }
}

/** A geometric stand-in for IntersectionObserver v2: visible, opaque, and the top element at its centre. */
function fallbackVisible(el: HTMLElement): boolean {
  const check = (el as HTMLElement & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { opacityProperty: true, visibilityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const rootNode = el.getRootNode() as Document | ShadowRoot;
  if (typeof rootNode.elementFromPoint !== 'function') return true;
  const hit = rootNode.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && (hit === el || el.contains(hit));
}
