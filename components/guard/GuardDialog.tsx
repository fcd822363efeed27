import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';
import type { Finding } from '@/rules/types';
import { FindingList } from './FindingList';

/** Props of the dialog that holds a risky reply at submit. */
export interface GuardDialogProps {
  verdict: 'warn' | 'block';
  findings: readonly Finding[];
  onEdit(): void;
  onTemplate(): void;
  onConfirm(reason: string): void;
  /**
   * Act only on events the browser marks as real user input, so page scripts cannot click
   * through the dialog (default true; component tests with synthetic events turn it off).
   */
  requireTrusted?: boolean;
}

/**
 * The alertdialog shown when a flagged reply is submitted: "Edit reply", "Use a safe template",
 * "Post anyway" (then a "Reason" and "Confirm and post"). Keeps focus inside while open.
 */
export function GuardDialog({
  verdict,
  findings,
  onEdit,
  onTemplate,
  onConfirm,
  requireTrusted = true,
}: GuardDialogProps) {
  const [phase, setPhase] = useState<'choose' | 'reason'>('choose');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const titleId = useId();
  const descId = useId();
  const reasonId = useId();
  const hintId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    (phase === 'choose' ? first.current : reasonBox.current)?.focus();
  }, [phase]);

  const real = (e: SyntheticEvent) => !requireTrusted || e.nativeEvent.isTrusted;
  const guard = (fn: () => void) => (e: SyntheticEvent) => {
    if (real(e)) fn();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (real(e)) onEdit();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep Tab inside the dialog (aria-modal): wrap from the last control to the first and back.
    const focusables = Array.from(dialog.current.querySelectorAll<HTMLElement>('button, textarea'));
    const root = dialog.current.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    const head = focusables[0];
    const tail = focusables.at(-1);
    if (e.shiftKey && active === head) {
      e.preventDefault();
      tail?.focus();
    } else if (!e.shiftKey && active === tail) {
      e.preventDefault();
      head?.focus();
    }
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
        <h2 id={titleId}>
          {verdict === 'block' ? 'This reply reveals patient information' : 'Check this reply before posting'}
        </h2>
        <p className="rg-lead" id={descId}>
          {verdict === 'block'
            ? 'Posting it publicly could disclose protected health information. '
            : 'It may confirm that someone is a patient, which is itself private. '}
          Reply Guard found {count} {count === 1 ? 'problem' : 'problems'}:
        </p>
        <FindingList findings={findings} />
        {phase === 'reason' ? (
          <div className="rg-reason">
            <label htmlFor={reasonId}>Reason</label>
            <textarea
              id={reasonId}
              ref={reasonBox}
              aria-describedby={hintId}
              aria-invalid={error ? true : undefined}
              value={reason}
              onChange={(e) => {
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
          <button ref={first} type="button" className="rg-btn rg-primary" onClick={guard(onEdit)}>
            Edit reply
          </button>
          <button type="button" className="rg-btn" onClick={guard(onTemplate)}>
            Use a safe template
          </button>
          {phase === 'choose' ? (
            <button type="button" className="rg-btn rg-danger" onClick={guard(() => setPhase('reason'))}>
              Post anyway
            </button>
          ) : (
            <button
              type="button"
              className="rg-btn rg-danger"
              onClick={guard(() => {
                if (!reason.trim()) {
                  setError('Please write a reason before posting.');
                  reasonBox.current?.focus();
                  return;
                }
                onConfirm(reason.trim());
              })}
            >
              Confirm and post
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
