/**
 * The site adapters on the replicas rebuilt from real markup (tests/e2e/replicas/, issue #10), in
 * English, Spanish and Italian: which boxes are watched, what they answer, every submit candidate,
 * and whose reply it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapterForEditor, adaptersFor } from '@/lib/sites';
import { facebook } from '@/lib/sites/facebook';
import { google } from '@/lib/sites/google';
import { yelp } from '@/lib/sites/yelp';
import { businessInboxPage, type FacebookView, facebookConfig, facebookPage } from '../../e2e/replicas/facebook-pages';
import { googleGroupsPage, googleOverlayPage, googleReplyBlock } from '../../e2e/replicas/google-gbp';
import { PRACTICE, PRACTICE_PAGE_URL, REPLICA_LANGS, WORDS } from '../../e2e/replicas/i18n';
import { YELP_R2R_PATH, yelpCommentBlock, yelpReviewsPage } from '../../e2e/replicas/yelp-r2r';

/** A page's markup without its scripts (happy-dom would not run them; the tests do what they do). */
const noScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '');
const load = (html: string) => {
  document.documentElement.innerHTML = noScripts(html).replace(/^<!doctype html>/i, '');
};
const oldReplica = (name: string) => fs.readFileSync(path.join(__dirname, '../../e2e/replicas', name), 'utf8');
const names = (els: HTMLElement[]) => els.map((b) => b.textContent?.trim() || b.getAttribute('aria-label'));

describe('site choice', () => {
  it('maps each guarded host to its site and adds the fallback', () => {
    expect(adaptersFor(new URL('https://www.facebook.com/x/posts/1'))?.site).toBe('facebook');
    expect(adaptersFor(new URL('https://business.facebook.com/latest/inbox'))?.site).toBe('facebook');
    expect(adaptersFor(new URL('https://www.google.com/local/business/123/customers/reviews'))?.site).toBe('google');
    expect(adaptersFor(new URL('https://business.google.com/groups/1/reviews'))?.site).toBe('google');
    expect(adaptersFor(new URL(`https://biz.yelp.com${YELP_R2R_PATH}`))?.adapters).toHaveLength(2);
    expect(adaptersFor(new URL('https://www.google.com/search?q=x'))).toBeNull();
    expect(adaptersFor(new URL('https://www.yelp.com/biz/x'))).toBeNull();
  });
});

for (const lang of REPLICA_LANGS) {
  const w = WORDS[lang];

  describe(`Google Business Profile overlay (${lang})`, () => {
    beforeEach(() => {
      load(googleOverlayPage(lang));
      // What the "Reply" opener does: the reply block goes in next to it.
      document.querySelector('[data-rg-card="0"] .rg-slot')!.innerHTML = googleReplyBlock(lang, 'c20');
    });
    const box = () => document.getElementById('c20') as HTMLTextAreaElement;

    it('watches the reply box by its jsname, its floating label unread', () => {
      expect(google.isEditor(box())).toBe(true);
      expect(google.pageKind(box(), new URL(location.href))).toBe('review-reply');
    });

    it('reads the review by structure: the name without its icon, the hidden full text over the truncated one', () => {
      expect(google.readContext(box())).toEqual({
        platform: 'google',
        reviewAuthor: w.reviews[0].author,
        reviewText: w.reviews[0].full,
      });
    });

    it('takes the post button, never the opener also named "Reply", Cancel, or another view’s hidden button', () => {
      const controls = google.submitControls(box());
      expect(controls).toHaveLength(1);
      expect(controls[0]!.getAttribute('jsname')).toBe('hrGhad');
      expect(controls[0]!.closest('.rg-slot')).not.toBeNull();
      expect(google.submitsOnEnter(box())).toBe(false);
    });

    it('takes every visible post control of the block, even behind a hidden decoy first in the DOM', () => {
      const row = box().closest('.yQcX3c')!.querySelector('.FkJOzc')!;
      row.insertAdjacentHTML('afterbegin', `<button style="display:none">${w.google.reply}</button>`);
      row.insertAdjacentHTML('beforeend', `<div><span><button>${w.google.reply}</button></span></div>`);
      expect(google.submitControls(box())).toHaveLength(2);
    });

    it('in the queue dialog, answers the one review shown, not the list behind it', () => {
      const q = document.getElementById('rg-q-box')!;
      // While the queue is a hidden view, nothing of it can post.
      expect(google.submitControls(q)).toEqual([]);
      // "Reply to reviews": the list hides, the dialog shows.
      document.getElementById('rg-list')!.classList.add('rg-hide');
      document.getElementById('rg-queue')!.classList.remove('rg-hide');
      expect(google.isEditor(q)).toBe(true);
      expect(google.readContext(q).reviewAuthor).toBe(w.reviews[2].author);
      // The next review loads into the same box: reading again gives the new one.
      document.getElementById('rg-q-author')!.firstChild!.textContent = w.reviews[0].author;
      document.getElementById('rg-q-full')!.textContent = w.reviews[0].full;
      expect(google.readContext(q)).toMatchObject({ reviewAuthor: w.reviews[0].author, reviewText: w.reviews[0].full });
      expect(names(google.submitControls(q))).toEqual([w.google.reply]);
    });
  });

  describe(`Google business.google.com (${lang})`, () => {
    it('watches the labelled box and takes "Post reply", never Cancel', () => {
      load(googleGroupsPage(lang));
      const box = document.getElementById('g-box-1') as HTMLTextAreaElement;
      expect(google.isEditor(box)).toBe(true);
      expect(google.readContext(box)).toEqual({
        platform: 'google',
        reviewAuthor: w.reviews[1].author,
        reviewText: w.reviews[1].full,
      });
      expect(names(google.submitControls(box))).toEqual([w.google.postReply]);
    });
  });

  describe(`Yelp for Business reviews (${lang})`, () => {
    beforeEach(() => {
      load(yelpReviewsPage(lang));
      document.querySelector('[data-rg-card="0"] .rg-box-slot')!.innerHTML = yelpCommentBlock(lang);
    });
    const box = () => document.querySelector<HTMLTextAreaElement>('[data-rg-card="0"] textarea')!;

    it('watches the unlabelled box "Comment" inserted, by the card around it', () => {
      expect(box().getAttribute('aria-label')).toBeNull();
      expect(yelp.isEditor(box())).toBe(true);
      expect(yelp.pageKind(box(), new URL(location.href))).toBe('public-comment');
      // The hidden direct-message sheet of another view is outside every card: not a review box.
      const sheet = document.querySelector<HTMLTextAreaElement>('.dm-sheet__09f2a textarea')!;
      expect(yelp.isEditor(sheet)).toBe(false);
    });

    it('reads the reviewer from the passport and the review text', () => {
      expect(yelp.readContext(box())).toEqual({
        platform: 'yelp',
        reviewAuthor: w.reviews[0].author,
        reviewText: w.reviews[0].full,
      });
    });

    it('takes Send in the card, never Comment, Thank, Cancel or the hidden sheet’s Send', () => {
      const controls = yelp.submitControls(box());
      expect(names(controls)).toEqual([w.yelp.send]);
      expect(controls[0]!.closest('[data-rg-card="0"]')).not.toBeNull();
    });
  });

  describe(`Facebook Business Suite inbox (${lang})`, () => {
    it('watches the textarea, holds Enter, and takes the Send that appears with text', () => {
      load(businessInboxPage(lang));
      const box = document.querySelector('textarea')!;
      vi.spyOn(document, 'location', 'get').mockReturnValue(
        new URL('https://business.facebook.com/latest/inbox/all') as unknown as Location,
      );
      expect(facebook.isEditor(box)).toBe(true);
      expect(facebook.submitsOnEnter(box)).toBe(true);
      expect(facebook.submitControls(box)).toEqual([]);
      document.querySelector('.rg-send-slot')!.innerHTML = `<div role="button" tabindex="0">${w.facebook.send}</div>`;
      expect(names(facebook.submitControls(box))).toEqual([w.facebook.send]);
      expect(facebook.pageKind(box, new URL('https://business.facebook.com/latest/inbox/all'))).toBe('private-message');
      // The message answered: the person's own words, for the echo check.
      expect(facebook.readContext(box)).toEqual({ platform: 'facebook', reviewText: w.reviews[0].full });
      expect(
        facebook.scope(
          box,
          { facebookPages: ['Someone Else'] },
          new URL('https://business.facebook.com/latest/inbox/all'),
        ),
      ).toBe('practice');
      vi.restoreAllMocks();
    });
  });

  describe(`Facebook (${lang}, the real Lexical page script)`, () => {
    /** Renders a view with the replica's own page script, as the browser would. */
    async function render(view: FacebookView): Promise<void> {
      load(facebookPage(view, lang));
      (window as unknown as { __rg: unknown }).__rg = facebookConfig(view, lang);
      vi.resetModules();
      await import('../../e2e/replicas/facebook-app');
    }
    const pageUrl = new URL(`${PRACTICE_PAGE_URL}/posts/pfbid0rgPagePost`);

    it('watches the Page’s composer; its send control six levels up (a hidden copy left out); Enter posts', async () => {
      await render('page-post');
      const box = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
      expect(box.getAttribute('aria-label')).toBe(w.facebook.commentAs(PRACTICE));
      expect(facebook.isEditor(box)).toBe(true);
      const controls = facebook.submitControls(box);
      expect(controls).toHaveLength(1);
      expect(controls[0]!.closest('#focused-state-composer-submit')).not.toBeNull();
      expect(facebook.submitsOnEnter(box)).toBe(true);
      // A top-level comment on the practice's own post answers nobody's story.
      expect(facebook.readContext(box)).toEqual({ platform: 'facebook' });
      expect(facebook.pageKind(box, pageUrl)).toBe('comment');
    });

    it('a renamed label does not make the guard look away (the composer is known by its form)', async () => {
      await render('page-post');
      const box = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
      box.setAttribute('aria-label', 'Write something…');
      expect(facebook.isEditor(box)).toBe(true);
    });

    it('a reply composer inserted late reads the comment eleven levels up and its author', async () => {
      vi.useFakeTimers();
      try {
        await render('page-post');
        document.querySelector<HTMLElement>('[data-rg-reply]')!.click();
        vi.advanceTimersByTime(200);
      } finally {
        vi.useRealTimers();
      }
      const box = document.querySelector<HTMLElement>('.rg-replies [data-lexical-editor]')!;
      expect(box.getAttribute('aria-label')).toBe(w.facebook.answerAs(PRACTICE));
      const comment = document.querySelector('[data-rg-reply]')!.closest('[role=article]')!;
      let depth = 0;
      for (let n: Element | null = box; n && !n.contains(comment); n = n.parentElement) depth++;
      expect(depth).toBeGreaterThanOrEqual(11);
      expect(facebook.isEditor(box)).toBe(true);
      expect(facebook.readContext(box)).toEqual({
        platform: 'facebook',
        reviewAuthor: w.reviews[0].author,
        reviewText: w.reviews[0].full,
      });
      expect(facebook.pageKind(box, pageUrl)).toBe('comment-reply');
      expect(facebook.submitControls(box)).toHaveLength(1);
    });

    it("scope: the practice's Page post is the practice's; a friend's post and Messenger are personal once a Page is listed", async () => {
      const listed = { facebookPages: [PRACTICE] };
      const byUrl = { facebookPages: ['https://www.facebook.com/BrightSmileDentalRG'] };
      await render('page-post');
      const own = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
      expect(facebook.scope(own, listed, pageUrl)).toBe('practice');
      expect(facebook.scope(own, byUrl, pageUrl)).toBe('practice');
      // Another practice's Page listed: this Page is not the practice's.
      expect(facebook.scope(own, { facebookPages: ['Another Practice'] }, pageUrl)).toBe('personal');
      expect(facebook.scope(own, {}, pageUrl)).toBe('practice');

      await render('friend-post');
      const friend = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
      const friendUrl = new URL('https://www.facebook.com/jamie.rivera.rg/posts/pfbid0rgFriendPost');
      expect(facebook.isEditor(friend)).toBe(true);
      expect(facebook.scope(friend, listed, friendUrl)).toBe('personal');
      expect(facebook.scope(friend, {}, friendUrl)).toBe('practice');

      await render('messenger');
      const chat = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
      const chatUrl = new URL('https://www.facebook.com/messages/t/100077001');
      expect(facebook.isEditor(chat)).toBe(true);
      expect(facebook.pageKind(chat, chatUrl)).toBe('private-message');
      expect(facebook.scope(chat, listed, chatUrl)).toBe('personal');
    });
  });
}

describe('Facebook scope', () => {
  const url = (p: string) => new URL(`https://www.facebook.com${p}`);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('with no Page listed, every composer is the practice’s (guarded as before)', () => {
    document.body.innerHTML = `<div role="main"><div role="article"><h2><a href="https://www.facebook.com/jamie.rivera.rg">Jamie Rivera</a></h2>
      <form role="presentation"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…"></div></form></div></div>`;
    const box = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
    expect(facebook.scope(box, {}, url('/jamie.rivera.rg/posts/1'))).toBe('practice');
    expect(facebook.scope(box, { facebookPages: [' '] }, url('/jamie.rivera.rg/posts/1'))).toBe('practice');
    expect(facebook.scope(box, { facebookPages: [PRACTICE] }, url('/jamie.rivera.rg/posts/1'))).toBe('personal');
    expect(facebook.scope(box, { facebookPages: [PRACTICE] }, url('/messages/t/1'))).toBe('personal');
    // The Business Suite's tools under www.facebook.com/latest/ are the Page's.
    expect(facebook.scope(box, { facebookPages: [PRACTICE] }, url('/latest/inbox/all'))).toBe('practice');
  });

  it('a reply made as the Page is the practice’s wherever it is', () => {
    document.body.innerHTML = `<div role="main"><div role="article"><h2><a href="https://www.facebook.com/someone">Someone</a></h2>
      <form role="presentation"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Commenta come Bright Smile Dental"></div></form></div></div>`;
    const box = document.querySelector<HTMLElement>('[data-lexical-editor]')!;
    expect(facebook.scope(box, { facebookPages: [PRACTICE] }, url('/someone/posts/1'))).toBe('practice');
    expect(facebook.scope(box, { facebookPages: ['Other Dental'] }, url('/someone/posts/1'))).toBe('personal');
  });
});

describe('the older replicas still work (other specs use them)', () => {
  it('Yelp respond forms: both boxes, each with its own form’s button', () => {
    load(oldReplica('yelp.html'));
    const [pub, dm] = [...document.querySelectorAll('textarea')];
    expect(yelp.isEditor(pub!) && yelp.isEditor(dm!)).toBe(true);
    expect(names(yelp.submitControls(pub!))).toEqual(['Post public comment']);
    expect(names(yelp.submitControls(dm!))).toEqual(['Send message']);
    expect(yelp.pageKind(dm!, new URL(location.href))).toBe('private-message');
  });

  it('Google reviews manager: the labelled box and its Reply button', () => {
    load(oldReplica('google-reviews.html'));
    const box = document.querySelector('textarea')!;
    expect(google.isEditor(box)).toBe(true);
    expect(names(google.submitControls(box))).toEqual(['Reply']);
    expect(google.readContext(box).reviewText).toContain('root canal');
  });
});

describe('fallback', () => {
  it('takes reply-like boxes the adapter does not know (any language), and leaves search fields alone', () => {
    document.body.innerHTML = `
      <section data-review-id="r9"><p>Loved the new office.</p>
        <div contenteditable="true" aria-label="Scrivi una risposta"></div>
        <button style="display:none">Pubblica</button><button>Annulla</button><button>Pubblica</button></section>
      <input aria-label="Search reviews"><textarea aria-label="Cerca"></textarea>`;
    const { adapters } = adaptersFor(new URL('https://biz.yelp.com/r2r/x'))!;
    const rich = document.querySelector<HTMLElement>('[contenteditable]')!;
    const fb = adapters[1]!;
    expect(adapterForEditor(adapters, rich)).toBe(fb);
    expect(adapterForEditor(adapters, document.querySelector('textarea')!)).toBeNull();
    expect(fb.readContext(rich).reviewText).toBe('Loved the new office.');
    expect(names(fb.submitControls(rich))).toEqual(['Pubblica']);
  });

  it('takes a visible unlabelled box with its own post control beside it, never a hidden one or one without', () => {
    document.body.innerHTML = `
      <div class="a"><div><textarea></textarea></div><div><button>Enviar</button></div></div>
      <div class="b" style="display:none"><textarea></textarea><button>Send</button></div>
      <div class="c"><textarea></textarea></div><div><div><div><div><button>Send</button></div></div></div></div>`;
    const { adapters } = adaptersFor(new URL('https://biz.yelp.com/biz_info/x'))!;
    const fb = adapters[1]!;
    expect(fb.isEditor(document.querySelector('.a textarea')!)).toBe(true);
    expect(fb.isEditor(document.querySelector('.b textarea')!)).toBe(false);
    expect(fb.isEditor(document.querySelector('.c textarea')!)).toBe(false);
  });
});

describe('Facebook boxes that are not replies', () => {
  it('the status composer in a form of its own is not watched; a comment form is, whatever its label', () => {
    document.body.innerHTML = `
      <form role="presentation" class="post"><div contenteditable="true" role="textbox" data-lexical-editor="true"
        aria-label="What's on your mind, Bright Smile Dental?"></div><div role="button" aria-label="Post">Post</div></form>
      <form role="presentation" class="comment"><div contenteditable="true" role="textbox" data-lexical-editor="true"
        aria-label="Write something…"></div><div id="focused-state-composer-submit"><div role="button" aria-label="Comment"></div></div></form>`;
    expect(facebook.isEditor(document.querySelector('.post [data-lexical-editor]')!)).toBe(false);
    expect(facebook.isEditor(document.querySelector('.comment [data-lexical-editor]')!)).toBe(true);
  });
});
