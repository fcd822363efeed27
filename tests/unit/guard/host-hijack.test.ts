import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Guard, type HeavyModule } from '@/lib/guard/controller';
import { createOverlay } from '@/lib/guard/ui';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { yelp } from '@/lib/sites/yelp';

// A page that defines the guard's host tag first (customElements runs in the page's world) and
// takes its shadow root: the overlay moves to a plain host, and the post is held all the same.

const heavy: HeavyModule = {
  analyze: (text) =>
    text.includes('crown')
      ? {
          verdict: 'block',
          findings: [
            {
              ruleId: 'care',
              category: 'care-details',
              severity: 'block',
              start: 0,
              end: 5,
              actual: 'crown',
              message: 'A treatment.',
            },
          ],
        }
      : { verdict: 'ok', findings: [] },
  suggestTemplate: () => 'Thank you for your feedback.',
  createOverlay,
};

describe('a page that claims the overlay host tag', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0) as unknown as number);
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('still holds the flagged post behind a dialog', async () => {
    customElements.define(
      'reply-guard-ui',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' });
        }
      },
    );
    document.body.innerHTML = `<section data-review-id="r1"><form><label for="c">Public comment</label>
      <textarea id="c"></textarea><button type="submit">Post public comment</button></form></section>`;
    const guard = new Guard({
      window,
      site: 'yelp',
      adapters: [yelp],
      loadHeavy: () => Promise.resolve(heavy),
      log: () => undefined,
      getSettings: () => Promise.resolve({ settings: DEFAULT_SETTINGS, locked: [], policyErrors: [] }),
      watchSettings: () => () => undefined,
      isTrusted: () => true,
    });
    guard.start();
    const box = document.querySelector('textarea')!;
    const form = document.querySelector('form')!;
    const submitted = vi.fn((e: Event) => e.preventDefault());
    form.addEventListener('submit', submitted);
    box.focus();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    box.value = 'crown';
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1000);
    form.requestSubmit();
    await vi.advanceTimersByTimeAsync(50);
    expect(submitted).not.toHaveBeenCalled();
    const hosts = [...document.documentElement.children].filter((el) => el.shadowRoot);
    expect(hosts.map((h) => h.tagName)).toEqual(['DIV']);
    expect(hosts[0]!.shadowRoot!.querySelector('[role=alertdialog]')).not.toBeNull();
    guard.destroy();
  });
});
