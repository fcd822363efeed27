import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Guard, type HeavyModule, VERDICT_ATTR } from '@/lib/guard/controller';
import { createOverlay } from '@/lib/guard/ui';
import type { InteractionInput } from '@/lib/log-record';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { yelp } from '@/lib/sites/yelp';
import type { Analysis } from '@/rules/types';

/** A stand-in for the rules: "crown" is a care detail (block). */
const heavy: HeavyModule = {
  analyze(text): Analysis {
    const at = text.indexOf('crown');
    if (at < 0) return { verdict: 'ok', findings: [] };
    return {
      verdict: 'block',
      findings: [
        {
          ruleId: 'care-detail',
          category: 'care-details',
          severity: 'block',
          start: at,
          end: at + 5,
          actual: 'crown',
          message: 'A treatment.',
        },
      ],
    };
  },
  suggestTemplate: () => 'Thank you for your feedback. Please call our office.',
  createOverlay,
};

function setup(
  settings: Settings = DEFAULT_SETTINGS,
  loadHeavy: () => Promise<HeavyModule> = () => Promise.resolve(heavy),
) {
  document.body.innerHTML = `<section data-review-id="r1"><a href="/user_details?userid=1">Linda K.</a>
    <p lang="en">Crown fell out.</p>
    <form><label for="c">Public comment</label><textarea id="c"></textarea><button type="submit">Post public comment</button></form></section>`;
  const logged: InteractionInput[] = [];
  let onSettings: (s: { settings: Settings; locked: []; policyErrors: [] }) => void = () => undefined;
  const guard = new Guard({
    window,
    site: 'yelp',
    adapters: [yelp],
    loadHeavy,
    log: (i) => {
      logged.push(i);
    },
    getSettings: () => Promise.resolve({ settings, locked: [], policyErrors: [] }),
    watchSettings: (cb) => {
      onSettings = cb as typeof onSettings;
      return () => undefined;
    },
    // happy-dom's events are all synthetic: here they stand for a person's.
    isTrusted: () => true,
  });
  guard.start();
  const box = document.querySelector('textarea')!;
  const form = document.querySelector('form')!;
  const submitted = vi.fn((e: Event) => e.preventDefault());
  form.addEventListener('submit', submitted);
  return {
    guard,
    box,
    form,
    submitted,
    logged,
    setSettings: (s: Settings) => onSettings({ settings: s, locked: [], policyErrors: [] }),
  };
}

/** Types into the box as the page would see it, then lets the guard's debounce and idle callback run. */
async function type(box: HTMLTextAreaElement, text: string) {
  box.focus();
  box.dispatchEvent(new KeyboardEvent('keydown', { key: text.at(-1) ?? 'a', bubbles: true }));
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await vi.advanceTimersByTimeAsync(1000);
}

describe('the guard controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // happy-dom has no idle callbacks: run them as timers.
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0) as unknown as number);
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('marks the box with its verdict after typing and holds a flagged submit', async () => {
    const { guard, box, form, submitted } = setup();
    await type(box, 'So sorry about your crown');
    expect(box.getAttribute(VERDICT_ATTR)).toBe('block');
    form.requestSubmit();
    expect(submitted).not.toHaveBeenCalled();
    expect(document.querySelector('reply-guard-ui')).not.toBeNull();
    guard.destroy();
  });

  it('lets a clean reply through and logs it as posted', async () => {
    const { guard, box, form, submitted, logged } = setup();
    await type(box, 'Thank you for your feedback.');
    expect(box.getAttribute(VERDICT_ATTR)).toBe('ok');
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledTimes(1);
    expect(logged).toMatchObject([{ site: 'yelp', pageKind: 'public-comment', verdict: 'ok', outcome: 'posted' }]);
    guard.destroy();
  });

  it('monitor-only marks but never holds; turning the site off removes the mark', async () => {
    const { guard, box, form, submitted, setSettings } = setup({ ...DEFAULT_SETTINGS, monitorOnly: true });
    await type(box, 'So sorry about your crown');
    expect(box.getAttribute(VERDICT_ATTR)).toBe('block');
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledTimes(1);
    setSettings({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, yelp: false } });
    expect(box.hasAttribute(VERDICT_ATTR)).toBe(false);
    guard.destroy();
  });

  it('loads the engine only on a page with a reply box, and retries a failed load on the next focus', async () => {
    document.body.innerHTML = '<p>Business information</p>';
    const loadHeavy = vi.fn(() => Promise.resolve(heavy));
    const bare = new Guard({
      window,
      site: 'yelp',
      adapters: [yelp],
      loadHeavy,
      log: () => undefined,
      getSettings: () => Promise.resolve({ settings: DEFAULT_SETTINGS, locked: [], policyErrors: [] }),
      watchSettings: () => () => undefined,
    });
    bare.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(loadHeavy).not.toHaveBeenCalled();
    expect(document.querySelector('reply-guard-ui')).toBeNull();
    bare.destroy();

    let fail = true;
    const flaky = vi.fn(() => (fail ? Promise.reject(new Error('gone')) : Promise.resolve(heavy)));
    const { guard, box } = setup(DEFAULT_SETTINGS, flaky);
    await vi.advanceTimersByTimeAsync(3000);
    expect(flaky).toHaveBeenCalledTimes(1);
    // No engine, no overlay (React comes with the engine).
    expect(document.querySelector('reply-guard-ui')).toBeNull();
    fail = false;
    box.blur();
    await type(box, 'So sorry about your crown');
    expect(flaky).toHaveBeenCalledTimes(2);
    expect(box.getAttribute(VERDICT_ATTR)).toBe('block');
    expect(document.querySelector('reply-guard-ui')).not.toBeNull();
    guard.destroy();
  });

  it('warms the rules up in idle slices and stops at the first real analysis', async () => {
    const ran: number[] = [];
    const steps = [0, 1, 2, 3].map((i) => () => void ran.push(i));
    const withWarmUp: HeavyModule = { ...heavy, warmUpSteps: () => [...steps] };
    const { guard } = setup(DEFAULT_SETTINGS, () => Promise.resolve(withWarmUp));
    await vi.advanceTimersByTimeAsync(3000);
    expect(ran).toEqual([0, 1, 2, 3]);
    guard.destroy();

    ran.length = 0;
    let release: (m: HeavyModule) => void = () => undefined;
    const second = setup(DEFAULT_SETTINGS, () => new Promise<HeavyModule>((r) => (release = r)));
    second.box.focus();
    second.box.value = 'So sorry about your crown';
    second.box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(500);
    release(withWarmUp);
    await vi.advanceTimersByTimeAsync(3000);
    // The reply was analyzed as soon as the engine came: nothing left to warm.
    expect(second.box.getAttribute(VERDICT_ATTR)).toBe('block');
    expect(ran).toEqual([]);
    second.guard.destroy();
  });

  it('leaves the page as it found it when destroyed (extension updated or removed)', async () => {
    const { guard, box, form, submitted } = setup();
    await type(box, 'So sorry about your crown');
    guard.destroy();
    expect(box.hasAttribute(VERDICT_ATTR)).toBe(false);
    expect(document.querySelector('reply-guard-ui')).toBeNull();
    // Its listeners are gone: the site's own submit runs untouched.
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledTimes(1);
  });
});
