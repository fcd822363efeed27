/**
 * The page script of the rebuilt Facebook replicas (facebook-pages.ts serves the shells): real
 * Lexical plain-text composers mounted the way facebook.com nests them, in the view and language
 * the shell names in window.__rg. See facebook-pages.ts for the traps kept.
 */
import { registerPlainText } from '@lexical/plain-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  COMMAND_PRIORITY_HIGH,
  createEditor,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
} from 'lexical';

interface Review {
  author: string;
  full: string;
}
interface Config {
  view: 'page-post' | 'friend-post' | 'messenger';
  lang: string;
  practice: string;
  pageUrl: string;
  friend: string;
  reviews: Review[];
  words: {
    post: string;
    like: string;
    reply: string;
    comment: string;
    commentBy: string;
    commentAs: string;
    answerAs: string;
    writeComment: string;
    message: string;
    enterToSend: string;
    friendPost: string;
  };
}

declare global {
  interface Window {
    __rg: Config & { words: Record<string, unknown> };
    __posted: string[];
  }
}

const cfg = window.__rg as unknown as Config;
const W = cfg.words;
const editors = new WeakMap<HTMLElement, LexicalEditor>();
window.__posted = [];

/** Wraps `inner` in `n` plain divs (Facebook's nesting). */
function nest(n: number, inner: string): string {
  return '<div>'.repeat(n) + inner + '</div>'.repeat(n);
}

function el(html: string): HTMLElement {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild as HTMLElement;
}

function textOf(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

/** A comment article as Facebook renders it: author link, text, Like / Reply. */
function commentHtml(author: string, text: string, withReply: boolean): string {
  return `<div role="article" aria-label="${attr(label(W.commentBy, author))}" tabindex="-1">
    ${nest(3, `<a role="link" href="https://www.facebook.com/profile.php?id=1000${author.length}"><span dir="auto">${html(author)}</span></a>`)}
    ${nest(2, `<div dir="auto" style="text-align:start">${html(text)}</div>`)}
    <ul style="list-style:none;padding:0;margin:0"><li style="display:inline"><div role="button" tabindex="0">${html(W.like)}</div></li>${
      withReply
        ? `<li style="display:inline"><div role="button" tabindex="0" data-rg-reply>${html(W.reply)}</div></li>`
        : ''
    }</ul>
  </div>`;
}

/**
 * A comment composer: form[role=presentation] > ... > the Lexical box (five wrappers), and in a
 * sibling column #focused-state-composer-submit > span > div[role=button][aria-label=Comment],
 * aria-disabled while empty; a hidden copy of the button from another view sits in the same form.
 */
function composer(boxLabel: string, wrappers: number): HTMLElement {
  const box = `<div contenteditable="true" role="textbox" spellcheck="true" data-lexical-editor="true"
    aria-label="${attr(boxLabel)}" aria-placeholder="${attr(boxLabel)}" aria-describedby="rg-composer-hint"></div>`;
  const send = `<div id="focused-state-composer-submit"><span><div aria-label="${attr(W.comment)}" role="button" tabindex="0" aria-disabled="true"><svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path d="M2 21l21-9L2 3v7l15 2-15 2z"></path></svg></div></span></div>`;
  return el(
    nest(
      wrappers,
      `<form role="presentation" method="POST" action="#">${nest(5, box)}${nest(3, send)}<div style="display:none">${nest(
        2,
        `<div aria-label="${attr(W.comment)}" role="button" tabindex="0"></div>`,
      )}</div></form>`,
    ),
  );
}

/** Mounts Lexical on a box; Enter (or the send control) posts through `onPost`. */
function mount(root: HTMLElement, onPost: (text: string) => void, sendControl?: HTMLElement | null): LexicalEditor {
  const editor = createEditor({ namespace: 'rg-replica', onError: (e) => console.error(e) });
  editor.setRootElement(root);
  registerPlainText(editor);
  editors.set(root, editor);
  const post = (): boolean => {
    const text = textOf(editor);
    if (!text.trim()) return true;
    window.__posted.push(text);
    onPost(text);
    editor.update(() => $getRoot().clear());
    return true;
  };
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event) => {
      if (event?.shiftKey) return false;
      event?.preventDefault();
      return post();
    },
    COMMAND_PRIORITY_HIGH,
  );
  if (sendControl) {
    // Facebook enables the send arrow only while the box holds text.
    editor.registerUpdateListener(() => {
      sendControl.setAttribute('aria-disabled', textOf(editor).trim() ? 'false' : 'true');
    });
    sendControl.addEventListener('click', () => {
      if (sendControl.getAttribute('aria-disabled') === 'true') return;
      post();
    });
  }
  return editor;
}

/** Mounts a composer's box and its (visible) send control. */
function mountComposer(form: HTMLElement, onPost: (text: string) => void): LexicalEditor {
  const box = form.querySelector<HTMLElement>('[data-lexical-editor]')!;
  const send = form.querySelector<HTMLElement>('#focused-state-composer-submit [role=button]');
  return mount(box, onPost, send);
}

/** The post page of the practice's Page, or a friend's post. */
function renderPost(main: HTMLElement, own: boolean): void {
  const author = own ? cfg.practice : cfg.friend;
  const href = own ? cfg.pageUrl : 'https://www.facebook.com/jamie.rivera.rg';
  const comments = own ? cfg.reviews.slice(0, 2) : cfg.reviews.slice(1, 2);
  main.innerHTML = `<div role="article" aria-labelledby="rg-post-h">
    ${nest(2, `<h2 id="rg-post-h"><span><a role="link" href="${attr(href)}"><strong><span>${html(author)}</span></strong></a></span></h2>`)}
    ${nest(1, `<div dir="auto">${html(own ? W.post : W.friendPost)}</div>`)}
    <div class="rg-comments"><ul style="list-style:none;padding:0">${comments
      .map(
        (c) =>
          `<li>${nest(1, `<div class="rg-thread">${nest(1, commentHtml(c.author, c.full, true))}<div class="rg-replies"></div></div>`)}</li>`,
      )
      .join('')}</ul><div class="rg-top-composer"></div></div>
  </div>`;
  const list = main.querySelector('.rg-comments ul')!;
  const top = composer(own ? label(W.commentAs, cfg.practice) : W.writeComment, 2);
  main.querySelector('.rg-top-composer')!.append(top);
  mountComposer(top, (text) => {
    const li = document.createElement('li');
    li.innerHTML = commentHtml(own ? cfg.practice : 'Alex Staff', text, false);
    list.append(li);
  });
}

/** "Reply" under a comment: a reply composer, inserted late and deep, pre-filled with an @mention. */
function openReply(button: Element): void {
  const thread = button.closest('.rg-thread');
  const replies = thread?.querySelector('.rg-replies');
  if (!thread || !replies || replies.querySelector('form')) return;
  const author = thread.querySelector('[role=article] a span')?.textContent ?? '';
  const own = cfg.view === 'page-post';
  setTimeout(() => {
    const form = composer(own ? label(W.answerAs, cfg.practice) : W.writeComment, 5);
    replies.append(form);
    const editor = mountComposer(form, (text) => {
      replies.insertBefore(el(commentHtml(own ? cfg.practice : 'Alex Staff', text, false)), form);
    });
    // Facebook tags the person answered: the box starts with their name.
    editor.update(
      () => {
        const p = $createParagraphNode();
        p.append($createTextNode(`${author} `));
        $getRoot().clear().append(p);
        p.selectEnd();
      },
      { discrete: true },
    );
    form.querySelector<HTMLElement>('[data-lexical-editor]')!.focus();
  }, 150);
}

/** Personal Messenger: a Lexical box "Message" without a form; Enter sends. */
function renderMessenger(main: HTMLElement): void {
  main.innerHTML = `<div role="grid" aria-label="Messages">${nest(2, `<div dir="auto">${html(W.friendPost)}</div>`)}<div class="rg-sent"></div></div>
    ${nest(3, `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="${attr(W.message)}" aria-placeholder="Aa"></div>`)}
    <div role="button" tabindex="0" aria-label="${attr(W.enterToSend)}">➤</div>`;
  const box = main.querySelector<HTMLElement>('[data-lexical-editor]')!;
  const send = main.querySelector<HTMLElement>(`[aria-label="${CSS.escape(W.enterToSend)}"]`)!;
  const editor = mount(box, (text) => {
    const d = document.createElement('div');
    d.textContent = text;
    main.querySelector('.rg-sent')!.append(d);
  });
  send.addEventListener('click', () => {
    const text = textOf(editor);
    if (!text.trim()) return;
    window.__posted.push(text);
    editor.update(() => $getRoot().clear());
  });
}

/** `{name}`-style labels come from the shell as "…%s…" templates. */
function label(template: string, name: string): string {
  return template.replace('%s', name);
}
function html(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const attr = html;

const main = document.querySelector<HTMLElement>('[role=main]')!;
main.addEventListener('click', (e) => {
  const reply = (e.target as Element).closest('[data-rg-reply]');
  if (reply) openReply(reply);
});
if (cfg.view === 'messenger') renderMessenger(main);
else renderPost(main, cfg.view === 'page-post');
