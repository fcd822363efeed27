/**
 * Reading a box a hostile page filled with 20,000 nested spans (issue #10): the text is read in
 * full, without overflowing the call stack, and so are the icon-free texts the adapters read.
 */
import { describe, expect, it } from 'vitest';
import { readText, textModel } from '@/lib/editor';
import { cleanText } from '@/lib/sites/dom';

function nested(depth: number, text: string): HTMLElement {
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  let at: HTMLElement = root;
  for (let i = 0; i < depth; i++) {
    const span = document.createElement('span');
    at.append(span);
    at = span;
  }
  at.append(text);
  return root;
}

describe('deeply nested boxes', () => {
  it('reads 20,000 nested spans, with the text node mapped for marks', () => {
    // Not attached: the test DOM's own insertion walk is recursive; the guard reads attached boxes alike.
    const box = nested(20_000, 'So sorry your crown came loose, Maria!');
    const model = textModel(box);
    expect(model.text).toBe('So sorry your crown came loose, Maria!');
    expect(model.segments).toHaveLength(1);
    expect(cleanText(box)).toBe('So sorry your crown came loose, Maria!');
    // Building 20,000 levels in the test DOM is the slow part, on a busy CI machine too.
  }, 30_000);

  it('keeps document order, blocks on their own lines', () => {
    const box = document.createElement('div');
    box.innerHTML = '<p><span>Hello</span> <b>there</b></p><p>Second<br>line</p>';
    expect(readText(box)).toBe('Hello there\nSecond\nline');
  });

  it('cleanText leaves icon ligatures and hidden-from-readers parts out', () => {
    const a = document.createElement('a');
    a.innerHTML = 'Giulia Romano<i class="google-symbols notranslate" aria-hidden="true">open_in_new</i>';
    expect(cleanText(a)).toBe('Giulia Romano');
  });
});
