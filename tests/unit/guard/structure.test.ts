import { describe, expect, it } from 'vitest';
import { pageStructure, replyArea } from '@/lib/guard/structure';

/** A reply area full of things that hold text: names, labels, ids, classes, data, links. */
function fixture() {
  document.body.innerHTML = `
    <div class="x1 reviewer-Maria" data-review-id="rev-Maria-Gonzalez">
      <a href="/user_details?userid=maria" aria-label="Photo of Maria Gonzalez"><span>Maria Gonzalez</span></a>
      <p lang="en">My crown came loose after Dr. Lee's visit.</p>
      <form method="post" action="/reply?name=Maria">
        <div jsname="YPqjbf" role="textbox" contenteditable="true" aria-multiline="true" aria-label="Reply to Maria Gonzalez"
          aria-placeholder="Reply as Bright Smile Dental" data-lexical-editor="true" id="maria-box"><p>So sorry about your crown, Maria</p></div>
        <div role="button" tabindex="0" aria-label="Comment as Bright Smile Dental" title="Send to Maria">Send</div>
        <input type="hidden" name="fb_dtsg" value="secret-token-Maria">
        <button type="submit" aria-disabled="false">Post</button>
      </form>
    </div>`;
  const box = document.querySelector<HTMLElement>('[role=textbox]')!;
  const controls = [...document.querySelectorAll('[role=button], button')];
  return { box, controls };
}

describe('page structure for a bug report', () => {
  it('keeps tags, roles, states and jsname; drops every text node and free-text value', () => {
    const { box, controls } = fixture();
    const out = pageStructure(box.closest('div.x1')!, box, controls);
    for (const secret of [
      'Maria',
      'Gonzalez',
      'crown',
      'Lee',
      'Bright Smile',
      'secret-token',
      'userid',
      'Send',
      'Post',
      'x1',
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('form method="post" action="…"');
    expect(out).toContain(
      'div jsname="YPqjbf" role="textbox" contenteditable="true" aria-multiline="true" aria-label="…" aria-placeholder="…" data-lexical-editor="true" id="…" ◀ reply box',
    );
    expect(out).toContain('div role="button" tabindex="0" aria-label="…" title="…" ◀ post control');
    expect(out).toContain('button type="submit" aria-disabled="false" ◀ post control');
    expect(out).toContain('input type="hidden" name="…" value="…"');
    // Indented by depth: the box sits two levels under the area's root.
    expect(out.split('\n')[0]).toBe('div class="…" data-review-id="…"');
    expect(out).toMatch(/\n {4}div jsname/);
  });

  it('drops an enumerated attribute value that is not a plain word', () => {
    document.body.innerHTML = '<div role="Maria Gonzalez wrote this"><span type="x y"></span></div>';
    const out = pageStructure(document.body.firstElementChild!, null);
    expect(out).toBe('div role="…"\n  span type="…"');
  });

  it("the reply area is the box's form (or article), else a few levels up, never the body", () => {
    const { box } = fixture();
    expect(replyArea(box).tagName).toBe('FORM');
    document.body.innerHTML = '<main><section><div><div><textarea></textarea></div></div></section></main>';
    const ta = document.querySelector('textarea')!;
    expect(replyArea(ta, 3).tagName).toBe('SECTION');
    expect(replyArea(ta, 99).tagName).toBe('MAIN');
  });
  it('is bounded: 3,000 nested spans give a short report, not a stack overflow', () => {
    document.body.innerHTML = '<div id="root"></div>';
    let el: Element = document.getElementById('root')!;
    for (let i = 0; i < 3000; i++) {
      const span = document.createElement('span');
      el.append(span);
      el = span;
    }
    const out = pageStructure(document.getElementById('root')!, null, [], { maxDepth: 30, maxElements: 100 });
    const lines = out.split('\n');
    expect(lines.length).toBeLessThan(40);
    expect(out).toContain('more levels');
    expect(out.at(-1)).toBe(')');
  });
});
