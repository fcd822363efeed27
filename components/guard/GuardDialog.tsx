import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';
import { DialogGate } from '@/lib/guard/dialog-gate';
import { formatReason, OVERRIDE_REASONS } from '@/lib/override-reasons';
import type { Finding } from '@/rules/types';
import { FindingList } from './FindingList';

/** What the dialog is about: a flagged reply, or one the guard could not check (it fails closed). */
export type DialogVerdict = 'warn' | 'block' | 'unchecked';

/** Props of the dialog that holds a risky reply at submit. */
export interface GuardDialogProps {
  verdict: DialogVerdict;
  findings: readonly Finding[];
  onEdit(): void;
  onTemplate(): void;
  /** "Confirm and post" with the reason and, when picked, who is replying. */
  onConfirm(reason: string, staff?: string): void;
  /** The practice's staff, for the optional "Who is replying" choice (issue #11 item 6). */
  staff?: readonly string[];
  /** Who was picked last (remembered for a while by the guard), preselected. */
  staffChoice?: string;
  /** Called when the user picks who is replying. */
  onStaffChange?(name: string): void;
  /**
   * Act only on events the browser marks as real user input, while the dialog is visible, so page
   * scripts cannot click, type or focus through it (default true; component tests with synthetic
   * events and no IntersectionObserver v2 turn it off).
   */
  requireTrusted?: boolean;
}

const TITLES: Record<DialogVerdict, string> = {
  block: 'This reply reveals patient information',
  warn: 'Check this reply before posting',
  unchecked: 'This reply could not be checked',
};

/**
 * The alertdialog shown when a flagged reply is submitted: "Edit reply", "Use a safe template",
 * "Post anyway" (then a "Reason" and "Confirm and post"). Keeps focus inside while open. Every
 * action goes through a DialogGate (lib/guard/dialog-gate.ts): trusted, visible, user-focused.
 */
export function GuardDialog({
  verdict,
  findings,
  onEdit,
  onTemplate,
  onConfirm,
  staff = [],
  staffChoice = '',
  onStaffChange,
  requireTrusted = true,
}: GuardDialogProps) {
  const [phase, setPhase] = useState<'choose' | 'reason'>('choose');
  const [reason, setReason] = useState('');
  const [who, setWho] = useState(staff.includes(staffChoice) ? staffChoice : '');
  /** A preset kind of reason (lib/override-reasons.ts), so the report can group overrides. */
  const [kind, setKind] = useState('');
  const [error, setError] = useState('');
  const titleId = useId();
  const descId = useId();
  const reasonId = useId();
  const hintId = useId();
  const whoId = useId();
  const kindId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const gate = useRef<DialogGate | null>(null);
  /** The buttons can act (visible long enough); until then they show as unavailable. */
  const [armed, setArmed] = useState(!requireTrusted);

  useEffect(() => {
    if (!dialog.current) return;
    const g = new DialogGate(dialog.current, { requireTrusted, requireVisible: requireTrusted });
    g.onArmedChange = setArmed;
    gate.current = g;
    const detach = g.attach();
    return () => {
      detach();
      gate.current = null;
    };
  }, [requireTrusted]);

  useEffect(() => {
    const el = phase === 'choose' ? first.current : reasonBox.current;
    if (gate.current) gate.current.focus(el);
    else el?.focus();
  }, [phase]);

  const act = (fn: () => void) => (e: SyntheticEvent) => {
    if (gate.current?.canAct(e.nativeEvent, e.currentTarget as Element) ?? !requireTrusted) fn();
  };
  const reasonGesture = (e: SyntheticEvent) => gate.current?.reasonGesture(e.nativeEvent);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      // Going back to editing is always safe: a trusted Escape is enough, even if the page hid the dialog.
      if (!requireTrusted || e.nativeEvent.isTrusted) onEdit();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep Tab inside the dialog (aria-modal): wrap from the last control to the first and back.
    const focusables = Array.from(dialog.current.querySelectorAll<HTMLElement>('button, textarea, select'));
    const root = dialog.current.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    const head = focusables[0];
    const tail = focusables.at(-1);
    const move = (el: HTMLElement | undefined) => (gate.current ? gate.current.focus(el) : el?.focus());
    if (e.shiftKey && active === head) {
      e.preventDefault();
      move(tail);
    } else if (!e.shiftKey && active === tail) {
      e.preventDefault();
      move(head);
    }
  };

  const confirm = () => {
    const box = reasonBox.current;
    // The box must show what the user typed: a value the page set behind our back is refused.
    if (box && box.value !== reason) {
      box.value = reason;
      setError('The reason was changed by something other than your typing. Please check it and try again.');
      gate.current?.focus(box);
      return;
    }
    // A preset other than "Other" is a reason by itself; otherwise the person's words are needed.
    const logged = kind ? formatReason(kind, reason) : reason.trim();
    if (!logged) {
      setError('Please write a reason before posting.');
      gate.current ? gate.current.focus(box) : box?.focus();
      return;
    }
    if (who) onConfirm(logged, who);
    else onConfirm(logged);
  };

  const count = findings.length;
  return (
    <div className="rg-backdrop">
      <div
        ref={dialog}
        className="rg-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-verdict={verdict}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{TITLES[verdict]}</h2>
        {verdict === 'unchecked' ? (
          <p className="rg-lead" id={descId}>
            Reply Guard could not check this reply for patient information, so it is holding it. Edit it, use a safe
            template, or post it anyway with a reason (kept in the compliance log).
          </p>
        ) : (
          <>
            <p className="rg-lead" id={descId}>
              {verdict === 'block'
                ? 'Posting it publicly could disclose protected health information. '
                : 'It may confirm that someone is a patient, which is itself private. '}
              Reply Guard found {count} {count === 1 ? 'problem' : 'problems'}:
            </p>
            <FindingList findings={findings} />
          </>
        )}
        {staff.length > 0 ? (
          <div className="rg-who">
            <label htmlFor={whoId}>Who is replying</label>
            <select
              id={whoId}
              value={who}
              onChange={(e) => {
                // Only the user's own choice counts (a page-dispatched change is undone by React).
                if (requireTrusted && !e.nativeEvent.isTrusted) return;
                setWho(e.target.value);
                if (e.target.value) onStaffChange?.(e.target.value);
              }}
            >
              <option value="">Not said</option>
              {staff.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {phase === 'reason' ? (
          <div className="rg-reason">
            <label htmlFor={kindId}>Kind of reason</label>
            <select
              id={kindId}
              value={kind}
              onChange={(e) => {
                // Only the user's own choice counts, as for "Who is replying".
                if (requireTrusted && !e.nativeEvent.isTrusted) return;
                setKind(e.target.value);
                if (e.target.value && e.target.value !== 'other') setError('');
              }}
            >
              <option value="">Choose…</option>
              {OVERRIDE_REASONS.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
            <label htmlFor={reasonId}>Reason</label>
            <textarea
              id={reasonId}
              ref={reasonBox}
              aria-describedby={hintId}
              aria-invalid={error ? true : undefined}
              value={reason}
              onKeyDown={reasonGesture}
              onPaste={reasonGesture}
              onDrop={reasonGesture}
              onCompositionStart={reasonGesture}
              onCompositionUpdate={reasonGesture}
              onChange={(e) => {
                // Typed, pasted or dropped by the user only: anything else is undone (React keeps the state).
                if (gate.current && !gate.current.reasonInputOk(e.nativeEvent)) return;
                setReason(e.target.value);
                if (e.target.value.trim()) setError('');
              }}
            />
            <span id={hintId} className={error ? 'rg-error' : 'rg-hint'}>
              {error || 'Why this reply is safe to post as written. Kept in the compliance log.'}
            </span>
          </div>
        ) : null}
        <div className="rg-actions">
          <button
            ref={first}
            type="button"
            className="rg-btn rg-primary"
            aria-disabled={armed ? undefined : true}
            onClick={act(onEdit)}
          >
            Edit reply
          </button>
          <button type="button" className="rg-btn" aria-disabled={armed ? undefined : true} onClick={act(onTemplate)}>
            Use a safe template
          </button>
          {phase === 'choose' ? (
            <button
              type="button"
              className="rg-btn rg-danger"
              aria-disabled={armed ? undefined : true}
              onClick={act(() => setPhase('reason'))}
            >
              Post anyway
            </button>
          ) : (
            <button
              type="button"
              className="rg-btn rg-danger"
              aria-disabled={armed ? undefined : true}
              onClick={act(confirm)}
            >
              Confirm and post
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
