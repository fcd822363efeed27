/**
 * The Facebook replica's comment composer: a real Lexical plain-text editor, mounted the way
 * facebook.com mounts its comment boxes (div[contenteditable][role=textbox][data-lexical-editor]).
 * Enter posts the comment, Shift+Enter breaks the line, as on Facebook.
 */

import { registerPlainText } from '@lexical/plain-text';
import { $getRoot, COMMAND_PRIORITY_HIGH, createEditor, KEY_ENTER_COMMAND, type LexicalEditor } from 'lexical';

function mount(root: HTMLElement): LexicalEditor {
  const editor = createEditor({ namespace: 'replica-comment', onError: (e) => console.error(e) });
  editor.setRootElement(root);
  registerPlainText(editor);
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event) => {
      if (event?.shiftKey) return false;
      event?.preventDefault();
      const text = editor.getEditorState().read(() => $getRoot().getTextContent());
      if (!text.trim()) return true;
      postComment(root, text);
      editor.update(() => $getRoot().clear());
      return true;
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
  (window as unknown as { __posted: string[] }).__posted.push(text);
}

declare global {
  interface Window {
    __posted: string[];
    __mountComposer: (el: HTMLElement) => LexicalEditor;
  }
}
window.__posted = [];
window.__mountComposer = mount;
for (const el of document.querySelectorAll<HTMLElement>('[data-lexical-editor]')) mount(el);
