/**
 * Yelp for Business reviews page (biz.yelp.com/r2r/...) rebuilt from the evidence
 * (shared/spec/site-evidence.md; Noctilucenty/Yelp-Automated-Review-Desk content.js): review cards
 * found from a star rating ("5 star rating") and a passport block holding the reviewer's name; each
 * card has Thank / Comment / Direct message. Traps kept:
 * - "Comment" inserts a React-controlled textarea with no label into the card; the page posts the
 *   value it tracked from input events, not what the DOM shows;
 * - Send is disabled until text is typed; after sending, the card re-renders without the box;
 * - a hidden composer of another view (the direct-message sheet) sits in the page with its own Send.
 * Reviews and names are invented; class names are made up with hashed-looking suffixes.
 */
import { esc, type ReplicaLang, WORDS } from './i18n';

/** The reviews page's address (?hl= picks the language). */
export const YELP_R2R_PATH = '/r2r/bsdRG7x2Qk/reviews';

/** The block "Comment" inserts into a review card: an unlabelled textarea, Cancel and Send (disabled until text). */
export function yelpCommentBlock(lang: ReplicaLang): string {
  const y = WORDS[lang].yelp;
  return `<div class="rg-composer"><div><textarea rows="3"></textarea></div><div><button type="button" class="rg-cancel">${esc(
    y.cancel,
  )}</button><button type="button" class="rg-send" disabled>${esc(y.send)}</button></div></div>`;
}

/** The reviews page. */
export function yelpReviewsPage(lang: ReplicaLang): string {
  const w = WORDS[lang];
  const y = w.yelp;
  const cards = [0, 1]
    .map((i) => {
      const r = w.reviews[i]!;
      return `<div class="review-card__09f2a" data-rg-card="${i}">
  <div class="arrange__09f2a"><div class="user-passport-container__09f2a"><div><a href="/user_details?userid=rg${i}"><span class="user-name__09f2a">${esc(r.author)}</span></a></div>
    <div class="user-stats__09f2a"><span>12</span><span aria-hidden="true"> · </span><span>3</span></div></div></div>
  <div><div><div role="img" aria-label="${esc(y.stars(r.stars))}" class="stars__09f2a"></div><span class="date__09f2a">7/21/2026</span></div>
    <p class="comment__09f2a"><span class="raw__09f2a">${esc(r.full)}</span></p></div>
  <div class="rg-actions"><button type="button">${esc(y.thank)}</button><button type="button" class="rg-comment">${esc(y.comment)}</button><button type="button">${esc(y.directMessage)}</button></div>
  <div class="rg-box-slot"></div>
</div>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Reviews | Yelp for Business</title>
<style>body{font-family:'Open Sans',arial,sans-serif;margin:24px;color:#2d2e2f}
.review-card__09f2a{border-bottom:1px solid #eee;padding:12px 0} textarea{width:100%;min-height:72px;font:inherit;padding:8px;box-sizing:border-box;border:1px solid #c8c9ca;border-radius:4px}
button{font:inherit;margin:6px 6px 0 0;padding:6px 14px;border-radius:4px;border:1px solid #c8c9ca;background:#fff}
button.rg-send{background:#d32323;color:#fff;border:0} button:disabled{opacity:.5} .rg-posted{background:#f5f5f5;padding:8px;margin-top:8px}</style></head>
<body><main>${cards}</main>
<div class="dm-sheet__09f2a" style="display:none"><textarea></textarea><button type="button" class="rg-send">${esc(y.send)}</button></div>
<script>
(() => {
  const Y = ${JSON.stringify({ commentFrom: y.commentFrom, block: yelpCommentBlock(lang) }).replace(/</g, '\\u003c')};
  window.__posted = [];
  // React keeps the value in state, updated from input events; Send posts the state.
  const state = new WeakMap();
  document.addEventListener('click', (e) => {
    const open = e.target.closest('.rg-comment');
    if (open) {
      const slot = open.closest('[data-rg-card]').querySelector('.rg-box-slot');
      if (slot.firstChild) return;
      slot.innerHTML = Y.block;
      slot.querySelector('textarea').focus();
      return;
    }
    const cancel = e.target.closest('.rg-cancel');
    if (cancel) { cancel.closest('.rg-box-slot').replaceChildren(); return; }
    const send = e.target.closest('[data-rg-card] .rg-send');
    if (send && !send.disabled) {
      const slot = send.closest('.rg-box-slot');
      const box = slot.querySelector('textarea');
      const text = state.get(box) ?? '';
      if (!text.trim()) return;
      window.__posted.push(text);
      // The card re-renders with the comment and without the box.
      const done = document.createElement('div');
      done.className = 'rg-posted';
      done.textContent = Y.commentFrom + ': ' + text;
      slot.replaceChildren(done);
    }
  });
  document.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLTextAreaElement)) return;
    state.set(e.target, e.target.value);
    const send = e.target.closest('.rg-composer')?.querySelector('.rg-send');
    if (send) send.disabled = !e.target.value.trim();
  });
})();
</script></body></html>`;
}
