/**
 * Google Business Profile replicas rebuilt from real markup (shared/spec/site-evidence.md; the
 * saved outerHTML in rpanchanathan/PV_Collect_Generate_Post_Responses PV_Reviews/ and the queue
 * rebuilt in MarioRomano-GaldieriRent/galdieri-review-manager scripts/banco-coda.ts), in our own
 * words and with invented reviews. Traps kept:
 * - `data-review-id` inside the article, not around the box; the box lives in a sibling block;
 * - the opener (jsname rhPddf) and the post button (jsname hrGhad) are both "Reply"; the opener
 *   stays on screen while the box is open;
 * - the box is inserted by the opener and removed after posting; the post button is disabled
 *   until text is typed; the textarea has a floating label and no placeholder;
 * - reviewer links carry an icon ligature ("open_in_new"); a long review is truncated, its full
 *   text in a display:none node;
 * - other views' nodes stay in the DOM, hidden (an edit view with its own box and button, the list
 *   behind the queue dialog);
 * - the "Reply to reviews" queue (role=dialog) loads the next review into the same box.
 * Class names are made up, as Google's change; jsname values are the evidence's.
 */
import { esc, PRACTICE, type ReplicaLang, WORDS } from './i18n';

/** The overlay's address (an iframe on Search): ?hl= picks the language. */
export const GOOGLE_OVERLAY_PATH = '/local/business/7788990011223344556/customers/reviews';

/** The Search page that hosts the overlay iframe. */
export function googleSearchPage(lang: ReplicaLang): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(PRACTICE)} - Google Search</title>
<style>body{font-family:arial,sans-serif;margin:0} iframe{width:760px;height:900px;border:1px solid #dadce0;margin:16px}</style></head>
<body><div role="main"><h1 style="font-size:18px;margin:16px">${esc(PRACTICE)}</h1>
<iframe title="Reviews" src="https://www.google.com${GOOGLE_OVERLAY_PATH}?hl=${lang}"></iframe></div></body></html>`;
}

const STYLE = `<style>
body{font-family:Roboto,arial,sans-serif;margin:16px;color:#202124}
article{padding-top:8px} .N0c6q a{color:#1a73e8;text-decoration:none;font-weight:500}
.PROnRd{color:#70757a;font-size:12px} [role=img]{color:#fbbc04}
.J7elmb{border-bottom:1px solid #e0e0e0;padding:8px 0}
textarea{width:100%;min-height:64px;font:inherit;padding:8px;box-sizing:border-box;border:1px solid #dadce0;border-radius:4px}
.rg-float{position:relative;display:block;margin-top:6px} .rg-float>span.rg-label{position:absolute;left:10px;top:-8px;background:#fff;font-size:12px;color:#5f6368;padding:0 4px}
.FkJOzc{display:flex;gap:8px;justify-content:flex-end;margin-top:6px}
button{font:inherit;border-radius:4px;padding:6px 14px;border:1px solid #dadce0;background:#fff;color:#1a73e8;cursor:pointer}
button[jsname=hrGhad]{background:#1a73e8;color:#fff;border-color:#1a73e8} button:disabled{opacity:.5;cursor:default}
.rg-owner{background:#f1f3f4;padding:8px;border-radius:4px;margin-top:8px}
[role=dialog]{border:1px solid #dadce0;border-radius:8px;padding:16px;box-shadow:0 2px 8px rgba(0,0,0,.2)}
.rg-hide{display:none}
</style>`;

/** The star icons Google draws with an icon font (ligature text "star", hidden from readers). */
function stars(n: number): string {
  return Array.from(
    { length: n },
    () => '<i class="material-icons-extended notranslate" aria-hidden="true">star</i>',
  ).join('');
}

/** One review article as the overlay renders it. */
function article(lang: ReplicaLang, i: number): string {
  const g = WORDS[lang].google;
  const r = WORDS[lang].reviews[i]!;
  const truncated = r.full !== r.short;
  return `<article class="VaHEVc" aria-label="${esc(g.review)}">
  <div class="JHMJmf"><div aria-hidden="true" class="PidtNe"><img alt="" width="36" height="36"></div></div>
  <div class="noyJyc"><div class="rHQsDe"><div><div class="N0c6q JhRJje"><a class="PskQHd" target="_blank" rel="noopener"
    href="https://www.google.com/maps/contrib/11633118148829331883${i}/reviews?hl=${lang}" jsname="xs1xe"
    aria-label="${esc(g.reviewerLink)}">${esc(r.author)}<i class="google-symbols notranslate" aria-hidden="true">open_in_new</i></a></div>
    <div class="PROnRd vq72z">3 • 0</div></div></div>
  <div class="KuKPRc" data-review-id="ChdDSUhNMG9nS0VJQ0FnSUNfck5TbC1n${i}${lang}"><div class="FkJOzc lgfhc"><div>
    <button jsname="JpfkMd" aria-label="Report review" title="Report review"><span class="notranslate" aria-hidden="true"><svg width="18" height="18" viewBox="0 0 24 24"><path d="M11 7h2v7h-2z"></path></svg></span></button></div></div></div>
  <span><div class="dGCoId gyKkFe"><span role="img" class="DYizzd" aria-label="${esc(g.stars(r.stars))}">${stars(r.stars)}</span>
    <span class="KEfuhb"> ${esc(g.ago)}</span></div>
  <div class="gyKkFe JhRJje"><div aria-expanded="false" id="ucc-${i}">
    <div jsname="lvvS4b">${esc(r.short)}${truncated ? ` <a href="#" class="PskQHd" jsname="ix0Hvc" role="button" aria-label="${esc(g.viewFull)}" aria-controls="ucc-${i}">${esc(g.viewFull)}</a>` : ''}</div>
    <div jsname="PBWx0c" tabindex="-1" style="display: none;">${esc(r.full)}</div>
  </div></div></span></div>
</article>`;
}

/** The Material text field around the reply box: a floating label, no placeholder. */
function textField(lang: ReplicaLang, id: string): string {
  const g = WORDS[lang].google;
  return `<label class="rg-float VfPpkd-fmcmS-yrriRe"><span class="rg-label" id="${id}-l" aria-hidden="true">${esc(g.box)}</span>
  <span class="VfPpkd-fmcmS-wGMbrd"><span class="VfPpkd-fmcmS-RWgCYc"><textarea rows="2" id="${id}" jsname="YPqjbf"
  aria-label="${esc(g.box)}" aria-describedby=" ${id}-c" maxlength="4000"></textarea></span></span></label>
  <div id="${id}-c" class="PROnRd" aria-hidden="true">0 / 4000</div>`;
}

/** The reply block the opener inserts under a review: the practice's name, the box, Cancel and Reply. */
export function googleReplyBlock(lang: ReplicaLang, id: string): string {
  const g = WORDS[lang].google;
  return `<div class="yQcX3c"><div class="zm2Nfe">${esc(PRACTICE)}</div>${textField(lang, id)}
  <div class="FkJOzc"><div><button jsname="dzyHEf" class="rg-cancel"><span jsname="V67aGc">${esc(g.cancel)}</span></button></div>
  <div><div><button jsname="hrGhad" class="rg-send" disabled><span class="VfPpkd-RLmnJb"></span><span jsname="V67aGc">${esc(g.reply)}</span></button></div></div></div></div>`;
}

/** The overlay: the location's reviews, each with a "Reply" opener, plus the "Reply to reviews" queue. */
export function googleOverlayPage(lang: ReplicaLang): string {
  const g = WORDS[lang].google;
  const w = WORDS[lang];
  const cards = [0, 1]
    .map(
      (i) => `<div class="J7elmb" data-rg-card="${i}"><c-wiz jsrenderer="tX1S9"><div class="kx2i0d">${article(lang, i)}
  <div class="UP87Yb"><div jscontroller="mAty4c"><div class="XuMYBd"><div><button jsname="rhPddf"><span class="notranslate" aria-hidden="true"><svg width="18" height="18" viewBox="0 0 24 24"><path d="M16 10H6.83L9 7.83"></path></svg></span><span jsname="V67aGc">${esc(g.reply)}</span></button></div></div>
  <div class="rg-slot"></div>
  <div class="rg-edit-view" style="display:none"><textarea jsname="YPqjbf" aria-label="${esc(g.box)}" maxlength="4000"></textarea>
    <div class="FkJOzc"><button jsname="hrGhad">${esc(g.reply)}</button></div></div>
  </div></div></div></c-wiz></div>`,
    )
    .join('\n');
  // The queue shows a short review first, then the long one: the echo test types into the same box.
  const queue = [2, 0].map((i) => w.reviews[i]!);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(g.review)}</title>${STYLE}</head><body>
<div id="rg-list">
  <button jsname="WSkPNc" id="rg-queue-open"><span class="notranslate" aria-hidden="true">reply</span><span jsname="V67aGc">${esc(g.queueOpen)}</span></button>
  ${cards}
</div>
<div id="rg-queue" class="rg-hide" role="dialog" aria-labelledby="rg-qt">
  <h1 id="rg-qt"><span>${esc(g.queueTitle)}</span></h1>
  <div class="LTHHeb" id="rg-counter"></div>
  <article class="VaHEVc" aria-label="${esc(g.review)}">
    <div class="N0c6q"><a id="rg-q-author" jsname="xs1xe" aria-label="${esc(g.reviewerLink)}" href="https://www.google.com/maps/contrib/108862094096472059186/reviews">${esc(queue[0]!.author)}<i class="google-symbols notranslate" aria-hidden="true">open_in_new</i></a></div>
    <span id="rg-q-stars" role="img" aria-label="${esc(g.stars(queue[0]!.stars))}"></span> <span class="KEfuhb">${esc(g.ago)}</span>
    <div><div id="rg-q-short" jsname="lvvS4b">${esc(queue[0]!.short)}</div><div id="rg-q-full" jsname="PBWx0c" style="display: none;">${esc(queue[0]!.full)}</div></div>
  </article>
  <section><div>${esc(PRACTICE)}</div><div class="PROnRd">${esc(g.owner)}</div>
    ${textField(lang, 'rg-q-box')}
    <div class="FkJOzc"><button jsname="dmDvRc" id="rg-q-skip"><span jsname="V67aGc">${esc(g.skip)}</span></button>
      <button jsname="hrGhad" id="rg-q-send" disabled><span class="MMvswb"></span><span jsname="V67aGc">${esc(g.reply)}</span></button></div>
  </section>
</div>
<script>
(() => {
  const G = ${json({ businessReply: g.businessReply, done: g.done, stars: [1, 2, 3, 4, 5].map(g.stars), counter: [1, 2].map((i) => g.counter(i, 2)) })};
  const QUEUE = ${json(queue)};
  const BLOCK = ${json(googleReplyBlock(lang, '__ID__'))};
  window.__posted = [];
  let n = 0;
  // The opener inserts the reply block next to itself (and stays, also named "Reply").
  document.addEventListener('click', (e) => {
    const opener = e.target.closest('[jsname=rhPddf]');
    if (opener) {
      const slot = opener.closest('.UP87Yb').querySelector('.rg-slot');
      if (slot.firstChild) return;
      const id = 'c2' + (n++);
      slot.innerHTML = BLOCK.replaceAll('__ID__', id);
      slot.querySelector('textarea').focus();
      return;
    }
    const cancel = e.target.closest('.rg-cancel');
    if (cancel) { cancel.closest('.rg-slot').replaceChildren(); return; }
    const send = e.target.closest('.rg-send');
    if (send && !send.disabled) {
      const slot = send.closest('.rg-slot');
      const box = slot.querySelector('textarea');
      if (!box.value.trim()) return;
      window.__posted.push(box.value);
      // Posted: the box goes away and the card shows the business reply.
      const owner = document.createElement('div');
      owner.className = 'rg-owner';
      owner.textContent = G.businessReply + ': ' + box.value;
      slot.replaceChildren();
      slot.after(owner);
      return;
    }
  });
  // Post buttons are disabled until the box holds text.
  document.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLTextAreaElement)) return;
    const block = e.target.closest('.yQcX3c, section');
    const send = block && block.querySelector('[jsname=hrGhad]');
    if (send) send.disabled = e.target.value.trim() === '';
  });
  // The queue: one review at a time, the next loaded into the same article and the same box.
  let q = 0;
  const qbox = document.getElementById('rg-q-box');
  function show() {
    const dialog = document.getElementById('rg-queue');
    if (q >= QUEUE.length) { dialog.querySelector('section').remove(); document.getElementById('rg-counter').textContent = G.done; return; }
    const r = QUEUE[q];
    document.getElementById('rg-counter').textContent = G.counter[q];
    document.getElementById('rg-q-author').innerHTML = '';
    document.getElementById('rg-q-author').append(r.author);
    document.getElementById('rg-q-author').insertAdjacentHTML('beforeend', '<i class="google-symbols notranslate" aria-hidden="true">open_in_new</i>');
    document.getElementById('rg-q-stars').setAttribute('aria-label', G.stars[r.stars - 1]);
    document.getElementById('rg-q-short').textContent = r.short;
    document.getElementById('rg-q-full').textContent = r.full;
    qbox.value = '';
    document.getElementById('rg-q-send').disabled = true;
  }
  document.getElementById('rg-queue-open').addEventListener('click', () => {
    document.getElementById('rg-list').classList.add('rg-hide');
    document.getElementById('rg-queue').classList.remove('rg-hide');
    show();
    qbox.focus();
  });
  document.getElementById('rg-q-skip').addEventListener('click', () => { q++; show(); });
  document.getElementById('rg-q-send').addEventListener('click', function () {
    if (this.disabled || !qbox.value.trim()) return;
    window.__posted.push(qbox.value);
    q++;
    show();
  });
})();
</script></body></html>`;
}

/** business.google.com/groups/<id>/reviews: a list of reviews, each answered with "Post reply" (no jsname: labels only). */
export function googleGroupsPage(lang: ReplicaLang): string {
  const g = WORDS[lang].google;
  const w = WORDS[lang];
  const items = [0, 1]
    .map((i) => {
      const r = w.reviews[i]!;
      return `<div role="listitem" class="rg-item">
  <a href="https://www.google.com/maps/contrib/2233${i}/reviews">${esc(r.author)}<i class="google-symbols notranslate" aria-hidden="true">open_in_new</i></a>
  <div role="img" aria-label="${esc(g.stars(r.stars))}">${stars(r.stars)}</div>
  <p>${esc(r.full)}</p>
  <div class="rg-box-area">
    <label for="g-box-${i}">${esc(g.box)}</label><textarea id="g-box-${i}" maxlength="4000"></textarea>
    <div class="FkJOzc"><button type="button" class="rg-cancel">${esc(g.cancel)}</button>
      <div><span><button type="button" class="rg-post" disabled>${esc(g.postReply)}</button></span></div></div>
  </div>
</div>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(PRACTICE)} - ${esc(g.review)}</title>${STYLE}</head>
<body><div role="main"><div role="list">${items}</div></div>
<script>
(() => {
  window.__posted = [];
  document.addEventListener('input', (e) => {
    const area = e.target.closest && e.target.closest('.rg-box-area');
    if (area) area.querySelector('.rg-post').disabled = !e.target.value.trim();
  });
  document.addEventListener('click', (e) => {
    const post = e.target.closest('.rg-post');
    if (!post || post.disabled) return;
    const area = post.closest('.rg-box-area');
    const box = area.querySelector('textarea');
    window.__posted.push(box.value);
    const done = document.createElement('div');
    done.className = 'rg-owner';
    done.textContent = box.value;
    area.replaceWith(done);
  });
})();
</script></body></html>`;
}

/** JSON for an inline script (never closes the script element). */
function json(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}
