/**
 * Facebook replicas rebuilt from the evidence (shared/spec/site-evidence.md), served as HTML shells
 * whose page script (facebook-app.ts, real Lexical) renders the view. Traps kept:
 * - the send control div[role=button][aria-label=Comment] sits under #focused-state-composer-submit
 *   in form[role=presentation], six or more levels from the editor, aria-disabled while empty,
 *   with a hidden copy from another view in the same form;
 * - the comment answered is eleven or more levels above the reply composer, in a sibling subtree;
 * - "Reply" under a comment inserts a composer late, pre-filled with an @mention of the author;
 * - Enter posts and the box empties;
 * - a friend's post and personal Messenger look alike but are not the practice's;
 * - the Business Suite inbox's Send appears only once text is typed, and Enter sends.
 * Names, posts and comments are invented; class names are left out (the adapter must not use them).
 */
import { esc, FRIEND, PRACTICE, PRACTICE_PAGE_URL, type ReplicaLang, WORDS } from './i18n';

/** The views the Facebook page script renders. */
export type FacebookView = 'page-post' | 'friend-post' | 'messenger';

/** The addresses of the views (?hl= picks the language). */
export const FACEBOOK_PATHS: Record<FacebookView, string> = {
  'page-post': '/BrightSmileDentalRG/posts/pfbid0rgPagePost',
  'friend-post': '/jamie.rivera.rg/posts/pfbid0rgFriendPost',
  messenger: '/messages/t/100077001',
};

const STYLE = `<style>
body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;color:#050505}
[role=banner]{background:#fff;padding:8px 16px;font-weight:700;color:#0866ff}
[role=main]{max-width:680px;margin:16px auto;background:#fff;border-radius:8px;padding:16px}
[role=article] [role=article]{padding:6px 12px;background:#f0f2f5;border-radius:18px;margin:6px 0}
a{color:#050505;text-decoration:none;font-weight:600}
[role=button]{display:inline-block;cursor:pointer;font-size:13px;font-weight:600;color:#65676b;margin-right:8px}
form{display:flex;align-items:flex-end;gap:6px;margin:8px 0}
form>div:first-child{flex:1}
[data-lexical-editor]{min-height:34px;padding:8px 12px;border-radius:18px;background:#f0f2f5;outline:none;white-space:pre-wrap}
[data-lexical-editor] p{margin:0}
[aria-disabled=true]{opacity:.4}
.rg-replies{margin-left:36px}
</style>`;

/** What the page script renders (window.__rg): the view, its words and its comments. */
export function facebookConfig(view: FacebookView, lang: ReplicaLang) {
  const w = WORDS[lang];
  const f = w.facebook;
  // Labels with a name travel as "%s" templates (functions do not survive JSON).
  const words = { ...f, commentBy: f.commentBy('%s'), commentAs: f.commentAs('%s'), answerAs: f.answerAs('%s') };
  return { view, lang, words, reviews: w.reviews, practice: PRACTICE, pageUrl: PRACTICE_PAGE_URL, friend: FRIEND };
}

/** The HTML shell of a www.facebook.com view; the page script renders into [role=main]. */
export function facebookPage(view: FacebookView, lang: ReplicaLang): string {
  const config = facebookConfig(view, lang);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(view === 'friend-post' ? FRIEND : PRACTICE)} | Facebook</title>${STYLE}</head>
<body><div role="banner">facebook</div><div role="main"></div>
<script>window.__rg = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>
<script src="/__replica/facebook-app.js"></script></body></html>`;
}

/** The Meta Business Suite inbox (business.facebook.com/latest/inbox): a textarea, a Send that appears with text. */
export function businessInboxPage(lang: ReplicaLang): string {
  const f = WORDS[lang].facebook;
  const r = WORDS[lang].reviews[0]!;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Inbox | Meta Business Suite</title>${STYLE}
<style>textarea{width:100%;min-height:40px;font:inherit;padding:8px;border:1px solid #ccd0d5;border-radius:8px;box-sizing:border-box}</style></head>
<body><div role="banner">Meta Business Suite</div>
<div role="main">
  <div role="navigation" aria-label="Conversations"><div role="row"><a href="#">${esc(r.author)}</a></div></div>
  <div class="rg-thread">
    <div><div><div dir="auto" class="rg-msg">${esc(r.full)}</div></div></div>
    <div class="rg-sent"></div>
    <div><div><div><div><textarea placeholder="${esc(f.inboxBox)}"></textarea></div></div>
      <div class="rg-send-slot"></div></div></div>
  </div>
</div>
<script>
(() => {
  window.__posted = [];
  const box = document.querySelector('textarea');
  const slot = document.querySelector('.rg-send-slot');
  // Send appears only once there is text, and goes again when the box is empty.
  function sync() {
    if (box.value.trim() && !slot.firstChild) {
      slot.innerHTML = '<div role="button" tabindex="0">' + ${JSON.stringify(esc(f.send))} + '</div>';
    } else if (!box.value.trim()) slot.replaceChildren();
  }
  function send() {
    if (!box.value.trim()) return;
    window.__posted.push(box.value);
    const sent = document.createElement('div');
    sent.textContent = box.value;
    document.querySelector('.rg-sent').append(sent);
    box.value = '';
    sync();
  }
  box.addEventListener('input', sync);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  slot.addEventListener('click', (e) => { if (e.target.closest('[role=button]')) send(); });
})();
</script></body></html>`;
}
