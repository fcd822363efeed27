/**
 * The Facebook replica's page script: real Lexical plain-text composers mounted the way
 * facebook.com mounts comment boxes (div[contenteditable][role=textbox][data-lexical-editor]),
 * Enter posts and Shift+Enter breaks the line; the send arrow (div[role=button][aria-label=Comment])
 * posts too. "Reply" under a comment inserts a reply composer late (as Facebook does), and the
 * banner links navigate in-app with history.pushState (Facebook is a single-page app).
 */

import { registerPlainText } from '@lexical/plain-text';
import { $getRoot, COMMAND_PRIORITY_HIGH, createEditor, KEY_ENTER_COMMAND, type LexicalEditor } from 'lexical';

/** Two anonymized posts with one visitor comment each. */
const POSTS: Record<string, { post: string; author: string; comment: string }> = {
  pfbid02demo: {
    post: "We're open this Saturday for cleanings and check-ups!",
    author: 'Maria Gonzalez',
    comment: "My crown came loose again after two weeks. Not happy with Dr. Patel's work.",
  },
  pfbid03demo: {
    post: 'Ask us about whitening before the holidays',
    author: 'Sam Rivera',
    comment: 'How much does whitening cost? Do you take Delta Dental?',
  },
};

const editors = new WeakMap<HTMLElement, LexicalEditor>();

function textOf(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

function post(root: HTMLElement): boolean {
  const editor = editors.get(root);
  if (!editor) return false;
  const text = textOf(editor);
  if (!text.trim()) return true;
  postComment(root, text);
  editor.update(() => $getRoot().clear());
  return true;
}

function mount(root: HTMLElement): LexicalEditor {
  const editor = createEditor({ namespace: 'replica-comment', onError: (e) => console.error(e) });
  editor.setRootElement(root);
  registerPlainText(editor);
  editors.set(root, editor);
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event) => {
      if (event?.shiftKey) return false;
      event?.preventDefault();
      return post(root);
    },
    COMMAND_PRIORITY_HIGH,
  );
  return editor;
}

/** Appends the posted comment to the thread, as Facebook would after its request succeeds. */
function postComment(root: HTMLElement, text: string): void {
  const thread = root.closest('[data-replica-thread]')?.querySelector('[data-replica-comments]');
  const li = document.createElement('div');
  li.setAttribute('role', 'article');
  li.setAttribute('aria-label', 'Comment by Bright Smile Dental');
  li.dataset.replicaPosted = '';
  li.textContent = text;
  thread?.append(li);
  window.__posted.push(text);
}

/** A composer: form > div[role=textbox][data-lexical-editor] + the send arrow. */
function composer(label: string): HTMLFormElement {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '#';
  form.innerHTML = `<div aria-label="" contenteditable="true" role="textbox" spellcheck="true" data-lexical-editor="true"
    aria-placeholder="Reply as Bright Smile Dental…"></div><div aria-label="Comment" role="button" tabindex="0">➤</div>`;
  form.querySelector('[role=textbox]')?.setAttribute('aria-label', label);
  return form;
}

/** Renders the post page for `id` into the main region and mounts its composer. */
function render(id: string): void {
  const data = POSTS[id] ?? POSTS.pfbid02demo!;
  const main = document.querySelector<HTMLElement>('[data-replica-page]')!;
  main.innerHTML = `
    <div role="article" aria-label="Post by Bright Smile Dental"><div dir="auto"></div></div>
    <div data-replica-thread>
      <div data-replica-comments>
        <div role="article" aria-label="Comment by ${data.author} 2 days ago">
          <a href="/profile.demo" role="link"><span dir="auto">${data.author}</span></a>
          <div dir="auto" data-replica-comment-text></div>
          <div role="button" tabindex="0" data-replica-reply>Reply</div>
        </div>
        <div data-replica-replies></div>
      </div>
    </div>`;
  main.querySelector('[aria-label^="Post by"] [dir=auto]')!.textContent = data.post;
  main.querySelector('[data-replica-comment-text]')!.textContent = data.comment;
  const form = composer(`Reply to ${data.author}`);
  main.querySelector('[data-replica-thread]')!.append(form);
  mount(form.querySelector('[role=textbox]')!);
}

// "Reply" under a comment: Facebook inserts a fresh reply composer under it, focused.
document.addEventListener('click', (e) => {
  const target = e.target as Element;
  const reply = target.closest('[data-replica-reply]');
  if (reply) {
    const replies = reply.closest('[data-replica-comments]')?.querySelector('[data-replica-replies]');
    if (!replies || replies.querySelector('form')) return;
    const author = reply.closest('[role=article]')?.querySelector('a span')?.textContent ?? '';
    // Facebook loads the composer a moment later (lazy chunk): so does the replica.
    setTimeout(() => {
      const form = composer(`Reply to ${author}`);
      replies.append(form);
      const box = form.querySelector<HTMLElement>('[role=textbox]')!;
      mount(box);
      box.focus();
    }, 150);
    return;
  }
  const send = target.closest('[aria-label=Comment][role=button]');
  if (send) {
    const box = send.closest('form')?.querySelector<HTMLElement>('[data-lexical-editor]');
    if (box) post(box);
    return;
  }
  const nav = target.closest<HTMLAnchorElement>('a[data-replica-nav]');
  if (nav) {
    e.preventDefault();
    const url = new URL(nav.href);
    history.pushState({}, '', url.pathname);
    render(url.pathname.split('/').pop() ?? '');
  }
});
window.addEventListener('popstate', () => render(location.pathname.split('/').pop() ?? ''));

declare global {
  interface Window {
    __posted: string[];
    __mountComposer: (el: HTMLElement) => LexicalEditor;
  }
}
window.__posted = [];
window.__mountComposer = mount;
render(location.pathname.split('/').pop() ?? '');
