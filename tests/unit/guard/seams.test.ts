import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Guard, type GuardDeps, type HeavyModule, VERDICT_ATTR } from '@/lib/guard/controller';
import { createOverlay } from '@/lib/guard/ui';
import type { InteractionInput } from '@/lib/log-record';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { yelp } from '@/lib/sites/yelp';
import type { Analysis, AnalyzeOptions } from '@/rules/types';

// The guard's seams with a stand-in engine: "crown" is a care detail (block); a capitalised name is
// a patient's (warn) unless the profile lists it as staff.

function analyze(text: string, options?: AnalyzeOptions): Analysis {
  const findings: Analysis['findings'] = [];
  const at = text.indexOf('crown');
  if (at >= 0)
    findings.push({
      ruleId: 'care',
      category: 'care-details',
      severity: 'block',
      start: at,
      end: at + 5,
      actual: 'crown',
      message: 'A treatment.',
    });
  const staff = new Set((options?.profile?.staff ?? []).map((s) => s.name));
  for (const m of text.matchAll(/\bRosa\b/g)) {
    if (!staff.has('Rosa'))
      findings.push({
        ruleId: 'name',
        category: 'identifiers',
        severity: 'warn',
        start: m.index,
        end: m.index + 4,
        actual: 'Rosa',
        message: 'A name.',
      });
  }
  const verdict = findings.some((f) => f.severity === 'block') ? 'block' : findings.length ? 'warn' : 'ok';
  return { verdict, findings };
}

const heavy: HeavyModule = {
  analyze,
  suggestTemplate: () => 'Thank you for your feedback. Please call our office.',
  createOverlay,
};

interface Setup {
  guard: Guard;
  box: HTMLTextAreaElement;
  form: HTMLFormElement;
  submitted: ReturnType<typeof vi.fn>;
  logged: InteractionInput[];
  setSettings(s: Settings): void;
  trust: { on: boolean };
}

function setup(over: Partial<GuardDeps> = {}, settings: Settings = DEFAULT_SETTINGS): Setup {
  document.body.innerHTML = `<section data-review-id="r1"><a href="/user_details?userid=1">Linda K.</a>
    <p lang="en">Crown fell out.</p>
    <form><label for="c">Public comment</label><textarea id="c"></textarea><button type="submit">Post public comment</button></form></section>`;
  const logged: InteractionInput[] = [];
  const trust = { on: true };
  let onSettings: (s: { settings: Settings; locked: []; policyErrors: [] }) => void = () => undefined;
  const guard = new Guard({
    window,
    site: 'yelp',
    adapters: [yelp],
    loadHeavy: () => Promise.resolve(heavy),
    log: (i) => {
      logged.push(i);
    },
    getSettings: () => Promise.resolve({ settings, locked: [], policyErrors: [] }),
    watchSettings: (cb) => {
      onSettings = cb as typeof onSettings;
      return () => undefined;
    },
    // happy-dom's events are all synthetic: `trust.on` says whether they stand for a person's.
    isTrusted: () => trust.on,
    ...over,
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
    trust,
    setSettings: (s) => onSettings({ settings: s, locked: [], policyErrors: [] }),
  };
}

/** Types as a person would (a key, then the input), then lets the debounce and idle callback run. */
async function type(box: HTMLTextAreaElement, text: string) {
  box.focus();
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await vi.advanceTimersByTimeAsync(1000);
}

const dialog = () => document.querySelector('reply-guard-ui')?.shadowRoot?.querySelector('[role=alertdialog]') ?? null;

describe('guard seams', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0) as unknown as number);
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  describe('fail closed (issue #10 item 3)', () => {
    it('rules that throw at submit hold the post as unchecked', async () => {
      let broken = false;
      const flaky: HeavyModule = {
        ...heavy,
        analyze: (t, o) => {
          if (broken) throw new Error('rules crashed');
          return analyze(t, o);
        },
      };
      const { guard, box, form, submitted } = setup({ loadHeavy: () => Promise.resolve(flaky) });
      await type(box, 'Thank you for your feedback.');
      expect(box.getAttribute(VERDICT_ATTR)).toBe('ok');
      broken = true;
      form.requestSubmit();
      expect(submitted).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(50);
      expect(dialog()?.getAttribute('data-verdict')).toBe('unchecked');
      expect(dialog()?.textContent).toContain('This reply could not be checked');
      guard.destroy();
    });

    it('an engine that reports it could not check the reply: held as unchecked, never read as "ok"', async () => {
      const partial: HeavyModule = {
        ...heavy,
        analyze: (t, o) => ({ ...analyze(t, o), unchecked: true }),
      };
      const { guard, box, form, submitted } = setup({ loadHeavy: () => Promise.resolve(partial) });
      await type(box, 'Thank you for your feedback.');
      expect(box.hasAttribute(VERDICT_ATTR)).toBe(false);
      form.requestSubmit();
      await vi.advanceTimersByTimeAsync(50);
      expect(submitted).not.toHaveBeenCalled();
      expect(dialog()?.getAttribute('data-verdict')).toBe('unchecked');
      guard.destroy();
    });

    it('an engine that never loads: the post is held by the plain dialog, and nothing posts behind it', async () => {
      const { guard, box, form, submitted } = setup({ loadHeavy: () => Promise.reject(new Error('blocked')) });
      await type(box, 'So sorry about your crown');
      expect(box.hasAttribute(VERDICT_ATTR)).toBe(false);
      form.requestSubmit();
      await vi.advanceTimersByTimeAsync(50);
      expect(submitted).not.toHaveBeenCalled();
      expect(dialog()?.getAttribute('data-verdict')).toBe('unchecked');
      // A second submit while it is open is held too.
      form.requestSubmit();
      expect(submitted).not.toHaveBeenCalled();
      guard.destroy();
      expect(dialog()).toBeNull();
    });

    it('an engine that hangs: held as unchecked after the wait', async () => {
      const { guard, box, form, submitted } = setup({ loadHeavy: () => new Promise<HeavyModule>(() => undefined) });
      await type(box, 'So sorry about your crown');
      form.requestSubmit();
      await vi.advanceTimersByTimeAsync(1000);
      expect(dialog()).toBeNull();
      await vi.advanceTimersByTimeAsync(4000);
      expect(submitted).not.toHaveBeenCalled();
      expect(dialog()?.getAttribute('data-verdict')).toBe('unchecked');
      guard.destroy();
    });
  });

  describe('the log records only what a person did (issue #10 item 6)', () => {
    it('a box driven by synthetic events writes nothing, and a flagged one is held without a dialog', async () => {
      const { guard, box, form, submitted, logged, trust } = setup();
      trust.on = false;
      await type(box, 'Thank you for your feedback.');
      form.requestSubmit();
      expect(submitted).toHaveBeenCalledTimes(1);
      await type(box, 'So sorry about your crown');
      form.requestSubmit();
      expect(submitted).toHaveBeenCalledTimes(1);
      expect(dialog()).toBeNull();
      box.value = '';
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(1000);
      expect(logged).toEqual([]);
      guard.destroy();
    });

    it('the same with a person typing is logged', async () => {
      const { guard, box, form, logged } = setup();
      await type(box, 'Thank you for your feedback.');
      form.requestSubmit();
      expect(logged).toMatchObject([{ outcome: 'posted', verdict: 'ok' }]);
      guard.destroy();
    });
  });

  describe('drift (issue #10 item 9)', () => {
    it('a flagged draft the site empties with no submit the guard saw is logged as unseen-submit', async () => {
      const { guard, box, logged } = setup();
      await type(box, 'So sorry about your crown');
      // The site posts through a control the guard does not know and clears the box by script.
      box.value = '';
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(2000);
      expect(logged.map((r) => r.outcome)).toEqual(['unseen-submit']);
      expect(logged[0]).toMatchObject({ verdict: 'block', text: 'So sorry about your crown' });
      expect(guard.handleMessage({ type: 'get-status' })).toBeDefined();
      guard.destroy();
    });

    it('a flagged draft the person clears is abandoned, and a removed box after navigation too', async () => {
      const { guard, box, logged } = setup();
      await type(box, 'So sorry about your crown');
      await type(box, '');
      expect(logged.map((r) => r.outcome)).toEqual(['abandoned']);
      await type(box, 'Your crown again');
      guard.onLocationChange();
      box.closest('section')!.remove();
      guard.onLocationChange();
      await vi.advanceTimersByTimeAsync(1000);
      expect(logged.map((r) => r.outcome)).toEqual(['abandoned', 'abandoned']);
      guard.destroy();
    });

    it('a flagged draft cleared by the site right after the person pressed Cancel was left, not posted', async () => {
      const { guard, box, logged } = setup();
      await type(box, 'So sorry about your crown');
      const cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.textContent = 'Cancel';
      box.form!.append(cancel);
      cancel.addEventListener('click', () => {
        box.value = '';
      });
      cancel.click();
      await vi.advanceTimersByTimeAsync(2000);
      expect(logged.map((r) => r.outcome)).toEqual(['abandoned']);
      guard.destroy();
    });

    it('a flagged box removed without navigation or a seen submit is an unseen submit', async () => {
      const { guard, box, logged } = setup();
      await type(box, 'So sorry about your crown');
      box.closest('form')!.remove();
      await vi.advanceTimersByTimeAsync(2000);
      expect(logged.map((r) => r.outcome)).toEqual(['unseen-submit']);
      guard.destroy();
    });
  });

  describe('late settings (issue #10 item 8)', () => {
    it('a staff name from settings that arrive after the analysis stops being flagged, on every box', async () => {
      const { guard, box, setSettings } = setup();
      await type(box, 'Ask for Rosa when you call.');
      expect(box.getAttribute(VERDICT_ATTR)).toBe('warn');
      // A second box that was never focused, analysed once it had text.
      const other = document.createElement('form');
      other.innerHTML =
        '<label for="d">Public comment</label><textarea id="d">Rosa will call.</textarea><button>Post public comment</button>';
      document.querySelector('section')!.append(other);
      await vi.advanceTimersByTimeAsync(2000);
      const second = other.querySelector('textarea')!;
      expect(second.getAttribute(VERDICT_ATTR)).toBe('warn');
      box.blur();
      setSettings({ ...DEFAULT_SETTINGS, profile: { staff: [{ name: 'Rosa' }] } });
      await vi.advanceTimersByTimeAsync(1000);
      expect(box.getAttribute(VERDICT_ATTR)).toBe('ok');
      expect(second.getAttribute(VERDICT_ATTR)).toBe('ok');
      guard.destroy();
    });
  });

  describe('no kill switch (issue #10 item 4)', () => {
    it("page-dispatched pagehide logs nothing; WXT's started event changes nothing", async () => {
      const { guard, box, form, submitted, logged, trust } = setup();
      await type(box, 'So sorry about your crown');
      trust.on = false;
      window.dispatchEvent(new Event('pagehide'));
      document.dispatchEvent(
        new CustomEvent('x:reply-guard:wxt:content-script-started', { detail: { contentScriptName: 'reply-guard' } }),
      );
      expect(logged).toEqual([]);
      trust.on = true;
      form.requestSubmit();
      expect(submitted).not.toHaveBeenCalled();
      guard.destroy();
    });
  });

  describe('adapters that fail or say "personal"', () => {
    it("an adapter that throws finding post controls: a button in the box's form still holds", async () => {
      const broken = {
        ...yelp,
        submitControls: () => {
          throw new Error('markup changed');
        },
      };
      const { guard, box } = setup({ adapters: [broken] });
      await type(box, 'So sorry about your crown');
      const button = document.querySelector('button')!;
      const clicked = vi.fn();
      button.addEventListener('click', clicked);
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      expect(clicked).not.toHaveBeenCalled();
      guard.destroy();
    });

    it("a personal box (a friend's post) is neither held nor logged, even when a flagged draft is left", async () => {
      const personal = { ...yelp, scope: () => 'personal' as const };
      const { guard, box, form, submitted, logged } = setup({ adapters: [personal] });
      await type(box, 'So sorry about your crown');
      form.requestSubmit();
      expect(submitted).toHaveBeenCalledTimes(1);
      await type(box, 'Your crown again');
      await type(box, '');
      expect(logged).toEqual([]);
      guard.destroy();
    });
  });
});
