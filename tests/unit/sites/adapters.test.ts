import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterForEditor, adaptersFor } from '@/lib/sites';
import { facebook } from '@/lib/sites/facebook';
import { google } from '@/lib/sites/google';
import { yelp } from '@/lib/sites/yelp';

const replica = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../../e2e/replicas', name), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');

/** The markup facebook-composer.ts renders for a post page (Lexical composer after the comment). */
const FACEBOOK_THREAD = `
  <div role="article" aria-label="Post by Bright Smile Dental"><div dir="auto">We're open this Saturday!</div></div>
  <div data-replica-thread>
    <div data-replica-comments>
      <div role="article" aria-label="Comment by Maria Gonzalez 2 days ago">
        <a href="/profile.demo" role="link"><span dir="auto">Maria Gonzalez</span></a>
        <div dir="auto">My crown came loose again after two weeks.</div>
        <div role="button" tabindex="0">Reply</div>
      </div>
      <div role="article" aria-label="Comment by Sam Rivera 1 day ago">
        <a href="/sam" role="link"><span dir="auto">Sam Rivera</span></a>
        <div dir="auto">Do you take Delta Dental?</div>
      </div>
    </div>
    <form>
      <div aria-label="Reply to Maria Gonzalez" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div>
      <div aria-label="Comment" role="button" tabindex="0">➤</div>
    </form>
  </div>
  <div aria-label="What's on your mind, Bright Smile Dental?" contenteditable="true" role="textbox" data-lexical-editor="true"></div>
  <div aria-label="Write a comment…" contenteditable="true" role="textbox" data-lexical-editor="true"></div>`;

describe('site choice', () => {
  it('maps each guarded host to its site and adds the fallback', () => {
    expect(adaptersFor(new URL('https://www.facebook.com/x/posts/1'))?.site).toBe('facebook');
    expect(adaptersFor(new URL('https://business.facebook.com/latest/inbox'))?.site).toBe('facebook');
    expect(adaptersFor(new URL('https://www.google.com/local/business/123/customers/reviews'))?.site).toBe('google');
    expect(adaptersFor(new URL('https://business.google.com/reviews'))?.site).toBe('google');
    expect(adaptersFor(new URL('https://biz.yelp.com/r2r/x/reviews'))?.adapters).toHaveLength(2);
    // Search itself is not a reply page.
    expect(adaptersFor(new URL('https://www.google.com/search?q=x'))).toBeNull();
    expect(adaptersFor(new URL('https://www.yelp.com/biz/x'))).toBeNull();
  });
});

describe('Facebook', () => {
  beforeEach(() => {
    document.body.innerHTML = FACEBOOK_THREAD;
  });
  const box = () => document.querySelector<HTMLElement>('[aria-label="Reply to Maria Gonzalez"]')!;

  it('watches comment and reply composers, not the post composer', () => {
    const all = [...document.querySelectorAll(facebook.editorSelector)];
    expect(all.filter((el) => facebook.isEditor(el)).map((el) => el.getAttribute('aria-label'))).toEqual([
      'Reply to Maria Gonzalez',
      'Write a comment…',
    ]);
  });

  it('reads the comment answered and its author', () => {
    expect(facebook.readContext(box())).toEqual({
      platform: 'facebook',
      reviewAuthor: 'Maria Gonzalez',
      reviewText: 'My crown came loose again after two weeks.',
    });
    expect(facebook.pageKind(box(), new URL(location.href))).toBe('comment-reply');
  });

  it('finds the send arrow and posts on Enter', () => {
    expect(facebook.submitButton(box())?.getAttribute('aria-label')).toBe('Comment');
    expect(facebook.submitsOnEnter(box())).toBe(true);
  });

  it('lets Enter pick a mention while the typeahead is open', () => {
    box().setAttribute('aria-expanded', 'true');
    box().setAttribute('aria-activedescendant', 'mention-option-1');
    expect(facebook.submitsOnEnter(box())).toBe(false);
  });
});

describe('Google Business Profile', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = replica('google-reviews.html');
  });
  const box = () => document.querySelector<HTMLTextAreaElement>('textarea')!;

  it('watches the reply textarea and reads the review', () => {
    expect(google.isEditor(box())).toBe(true);
    expect(google.readContext(box())).toEqual({
      platform: 'google',
      reviewAuthor: 'John Carter',
      reviewText: 'Dr. Patel did my root canal and I felt nothing. Best dentist in town!',
    });
    expect(google.pageKind(box(), new URL(location.href))).toBe('review-reply');
  });

  it('finds the Reply button, never Cancel', () => {
    expect(google.submitButton(box())?.textContent).toBe('Reply');
    expect(google.submitsOnEnter(box())).toBe(false);
  });
});

describe('Yelp for Business', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = replica('yelp.html');
  });

  it('watches the public comment and the private message', () => {
    const boxes = [...document.querySelectorAll('textarea')];
    expect(boxes.every((b) => yelp.isEditor(b))).toBe(true);
    expect(boxes.map((b) => yelp.pageKind(b, new URL(location.href)))).toEqual(['public-comment', 'private-message']);
  });

  it('reads the reviewer and the review, and the form submit button', () => {
    const box = document.querySelector<HTMLTextAreaElement>('#public-comment-text')!;
    expect(yelp.readContext(box)).toEqual({
      platform: 'yelp',
      reviewAuthor: 'Linda K.',
      reviewText: "Waited 45 minutes past my appointment time for my son's filling. Front desk was rude.",
    });
    expect(yelp.submitButton(box)?.textContent).toBe('Post public comment');
  });
});

describe('fallback', () => {
  it('takes reply-like boxes the adapter does not know, and leaves search fields alone', () => {
    document.body.innerHTML = `
      <section data-review-id="r9"><p>Loved the new office.</p>
        <div contenteditable="true" aria-label="Write your response"></div>
        <button>Post response</button></section>
      <input aria-label="Search reviews"><textarea aria-label="Search"></textarea>`;
    const { adapters } = adaptersFor(new URL('https://biz.yelp.com/r2r/x'))!;
    const rich = document.querySelector('[contenteditable]')!;
    expect(adapterForEditor(adapters, rich)?.pageKind(rich as HTMLElement, new URL(location.href))).toBe('reply');
    expect(adapterForEditor(adapters, document.querySelector('textarea')!)).toBeNull();
    const fb = adapters[1]!;
    expect(fb.readContext(rich as HTMLElement).reviewText).toBe('Loved the new office.');
    expect(fb.submitButton(rich as HTMLElement)?.textContent).toBe('Post response');
  });
});
