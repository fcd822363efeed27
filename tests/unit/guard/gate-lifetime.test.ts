import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialogGate, MIN_VISIBLE_MS } from '@/lib/guard/dialog-gate';
import { watchExtensionLifetime, watchNavigation } from '@/lib/guard/lifetime';

/** An event that claims to be trusted (happy-dom's never are). */
function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A stand-in IntersectionObserver v2: the test says when the dialog is visible. */
let report: (visible: boolean) => void = () => undefined;
class FakeIO {
  constructor(
    private readonly cb: (entries: Array<Partial<IntersectionObserverEntry> & { isVisible: boolean }>) => void,
  ) {
    report = (visible) => this.cb([{ isIntersecting: true, isVisible: visible }]);
  }
  observe() {}
  disconnect() {}
}
class FakeEntry {
  get isVisible() {
    return false;
  }
}

describe('the dialog gate', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1000;
    vi.stubGlobal('IntersectionObserver', FakeIO);
    vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
    document.body.innerHTML =
      '<div id="d"><button id="a">Post anyway</button><button id="b">Edit</button><textarea></textarea></div>';
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function gate() {
    const root = document.getElementById('d')!;
    const g = new DialogGate(root, { now: () => now });
    const armed: boolean[] = [];
    g.onArmedChange = (a) => armed.push(a);
    g.attach();
    return { g, armed, a: document.getElementById('a')!, b: document.getElementById('b')! };
  }
  const click = (detail = 1) => trusted(new MouseEvent('click', { detail }));

  it('acts only on trusted clicks, once visible for the minimum time', () => {
    const { g, a, armed } = gate();
    expect(g.canAct(click(), a)).toBe(false);
    report(true);
    now += MIN_VISIBLE_MS - 1;
    expect(g.canAct(click(), a)).toBe(false);
    now += 1;
    expect(g.canAct(click(), a)).toBe(true);
    expect(g.canAct(new MouseEvent('click', { detail: 1 }), a)).toBe(false);
    vi.advanceTimersByTime(MIN_VISIBLE_MS);
    expect(armed).toEqual([true]);
  });

  it('stops acting the moment it is hidden or covered, and starts the clock again', () => {
    const { g, a, armed } = gate();
    report(true);
    now += 1000;
    vi.advanceTimersByTime(MIN_VISIBLE_MS);
    expect(g.canAct(click(), a)).toBe(true);
    report(false);
    expect(g.canAct(click(), a)).toBe(false);
    report(true);
    now += 100;
    expect(g.canAct(click(), a)).toBe(false);
    expect(armed).toEqual([true, false]);
  });

  it('a keyboard click acts only on a control the user focused; focus a script moves is undone', () => {
    const { g, a, b } = gate();
    report(true);
    now += 1000;
    g.focus(b);
    // A page script focuses "Post anyway" with nobody pressing anything: moved back.
    a.focus();
    expect(document.activeElement).toBe(b);
    expect(g.canAct(click(0), a)).toBe(false);
    // The person tabs there: theirs.
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab' })));
    a.focus();
    expect(document.activeElement).toBe(a);
    expect(g.canAct(click(0), a)).toBe(true);
  });

  it("takes the reason only from the person's typing, paste or drop", () => {
    const { g } = gate();
    const input = () => trusted(new InputEvent('input', { inputType: 'insertText' }));
    now += 5000;
    expect(g.reasonInputOk(new InputEvent('input', { inputType: 'insertText' }))).toBe(false);
    // Trusted but with no keystroke behind it (a page's execCommand): refused.
    expect(g.reasonInputOk(input())).toBe(false);
    g.reasonGesture(trusted(new KeyboardEvent('keydown', { key: 'x' })));
    expect(g.reasonInputOk(input())).toBe(true);
    now += 5000;
    expect(g.reasonInputOk(input())).toBe(false);
    g.reasonGesture(new Event('paste'));
    expect(g.reasonInputOk(input())).toBe(false);
  });
});

describe("the guard's lifetime", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends only when the extension is gone, whatever the page dispatches', () => {
    let alive = true;
    const gone = vi.fn();
    watchExtensionLifetime(window, () => alive, gone);
    document.dispatchEvent(new CustomEvent('abc:reply-guard:wxt:content-script-started', { detail: {} }));
    window.postMessage({ type: 'wxt:content-script-started' }, '*');
    vi.advanceTimersByTime(10_000);
    expect(gone).not.toHaveBeenCalled();
    alive = false;
    vi.advanceTimersByTime(2500);
    expect(gone).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('hears navigation only from the browser (trusted events)', () => {
    const nav = vi.fn();
    const stop = watchNavigation(window, nav);
    window.dispatchEvent(new PopStateEvent('popstate'));
    const target = (window as Window & { navigation?: EventTarget }).navigation ?? window;
    target.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(500);
    expect(nav).not.toHaveBeenCalled();
    window.dispatchEvent(trusted(new PopStateEvent('popstate')));
    vi.advanceTimersByTime(500);
    expect(nav).toHaveBeenCalledTimes(1);
    stop();
  });
});
