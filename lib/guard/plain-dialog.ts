/**
 * The hold dialog without the engine (issue #10 item 3, fail closed): when the engine module cannot
 * load, there is no React overlay, yet a reply the guard could not check must still be held and
 * "Post anyway" with a reason must still work. Same roles, names and defences (DialogGate, shield) as
 * components/guard/GuardDialog.tsx, in plain DOM so it ships in the small content script.
 */
import { GUARD_CSS } from '@/components/guard/styles';
import { DialogGate } from './dialog-gate';
import { createHost, lift, shield } from './shield';

/** What the user decided. */
export interface PlainDialogHandlers {
  onEdit(): void;
  onTemplate(): void;
  onConfirm(reason: string): void;
}

/** An open engine-less dialog. */
export interface PlainDialog {
  close(): void;
}

/** The host tag: the same as the overlay's, so tests and assistive tech see one kind of guard UI. */
const TAG = 'reply-guard-ui';

/** Opens the "could not be checked" dialog over `doc`. */
export function openPlainDialog(doc: Document, handlers: PlainDialogHandlers): PlainDialog {
  const { host, shadow } = createHost(doc, TAG);
  const style = doc.createElement('style');
  style.textContent = GUARD_CSS;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text = '') => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  };
  const root = el('div', { class: 'rg-root' });
  const backdrop = el('div', { class: 'rg-backdrop' });
  const dialog = el('div', {
    class: 'rg-dialog',
    role: 'alertdialog',
    'aria-modal': 'true',
    'aria-labelledby': 'rg-plain-title',
    'aria-describedby': 'rg-plain-desc',
    'data-verdict': 'unchecked',
  });
  dialog.append(
    el('h2', { id: 'rg-plain-title' }, 'This reply could not be checked'),
    el(
      'p',
      { class: 'rg-lead', id: 'rg-plain-desc' },
      'Reply Guard could not check this reply for patient information, so it is holding it. Edit it, use a safe ' +
        'template, or post it anyway with a reason (kept in the compliance log).',
    ),
  );
  const reasonWrap = el('div', { class: 'rg-reason' });
  const reasonLabel = el('label', { for: 'rg-plain-reason' }, 'Reason');
  const reasonBox = el('textarea', { id: 'rg-plain-reason', 'aria-describedby': 'rg-plain-hint' });
  const hint = el(
    'span',
    { id: 'rg-plain-hint', class: 'rg-hint' },
    'Why this reply is safe to post as written. Kept in the compliance log.',
  );
  reasonWrap.append(reasonLabel, reasonBox, hint);
  reasonWrap.hidden = true;
  const actions = el('div', { class: 'rg-actions' });
  const edit = el('button', { type: 'button', class: 'rg-btn rg-primary' }, 'Edit reply');
  const template = el('button', { type: 'button', class: 'rg-btn' }, 'Use a safe template');
  const post = el('button', { type: 'button', class: 'rg-btn rg-danger' }, 'Post anyway');
  actions.append(edit, template, post);
  dialog.append(reasonWrap, actions);
  backdrop.append(dialog);
  root.append(backdrop);
  shadow.append(style, root);
  doc.documentElement.append(host);
  lift(host);
  const stopShield = shield(host, shadow, style, GUARD_CSS);
  const gate = new DialogGate(dialog);
  const buttons = [edit, template, post];
  const arm = (armed: boolean) => {
    for (const b of buttons) {
      if (armed) b.removeAttribute('aria-disabled');
      else b.setAttribute('aria-disabled', 'true');
    }
  };
  arm(false);
  gate.onArmedChange = arm;
  const detachGate = gate.attach();

  let accepted = '';
  let phase: 'choose' | 'reason' = 'choose';
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    detachGate();
    stopShield();
    host.remove();
  };
  const error = (msg: string) => {
    hint.textContent = msg;
    hint.className = 'rg-error';
    reasonBox.setAttribute('aria-invalid', 'true');
    gate.focus(reasonBox);
  };
  const on = (target: HTMLElement, fn: (e: Event) => void) => target.addEventListener('click', fn);
  on(edit, (e) => {
    if (!gate.canAct(e, edit)) return;
    close();
    handlers.onEdit();
  });
  on(template, (e) => {
    if (!gate.canAct(e, template)) return;
    close();
    handlers.onTemplate();
  });
  on(post, (e) => {
    if (!gate.canAct(e, post)) return;
    if (phase === 'choose') {
      phase = 'reason';
      post.textContent = 'Confirm and post';
      reasonWrap.hidden = false;
      gate.focus(reasonBox);
      return;
    }
    // The box must show what the user typed: a value the page set behind our back is refused.
    if (reasonBox.value !== accepted) {
      reasonBox.value = accepted;
      error('The reason was changed by something other than your typing. Please check it and try again.');
      return;
    }
    if (!accepted.trim()) {
      error('Please write a reason before posting.');
      return;
    }
    close();
    handlers.onConfirm(accepted.trim());
  });
  for (const type of ['keydown', 'paste', 'drop', 'compositionstart', 'compositionupdate'])
    reasonBox.addEventListener(type, (e) => gate.reasonGesture(e));
  reasonBox.addEventListener('input', (e) => {
    if (gate.reasonInputOk(e)) accepted = reasonBox.value;
    else reasonBox.value = accepted;
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (e.isTrusted) {
        close();
        handlers.onEdit();
      }
      return;
    }
    if (e.key !== 'Tab') return;
    const focusables = [...dialog.querySelectorAll<HTMLElement>('button, textarea')].filter(
      (n) => !n.closest('[hidden]'),
    );
    const active = shadow.activeElement;
    const head = focusables[0];
    const tail = focusables.at(-1);
    if (e.shiftKey && active === head) {
      e.preventDefault();
      gate.focus(tail);
    } else if (!e.shiftKey && active === tail) {
      e.preventDefault();
      gate.focus(head);
    }
  });
  gate.focus(edit);
  return { close };
}
