/**
 * Confirms a settings change that weakens the guard or shortens the audit trail (issue #11): lists
 * every change (the settings import's diff too), marks the weakening ones, and asks for the manager
 * PIN, or asks the manager to create one the first time.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SettingChange } from '@/lib/settings-changes';

export interface ConfirmChangesProps {
  title: string;
  /** Extra words above the list, e.g. how many records a shorter retention deletes. */
  note?: string;
  changes: SettingChange[];
  /** Whether the PIN is asked for (some weakening change) and whether one exists yet. */
  pin: 'none' | 'enter' | 'create';
  /** Applies the change; resolves with an error message to show, or null when done. */
  onConfirm(pin: string): Promise<string | null>;
  onCancel(): void;
}

/** A modal listing the changes, with the PIN field and Apply / Cancel. */
export function ConfirmChanges(p: ConfirmChangesProps) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => (p.pin === 'none' ? applyRef.current : first.current)?.focus(), [p.pin]);

  const submit = async () => {
    if (p.pin === 'create' && pin !== again) {
      setError('The two PINs are not the same.');
      return;
    }
    setBusy(true);
    const err = await p.onConfirm(pin);
    setBusy(false);
    if (err) setError(err);
  };

  return (
    <div className="rg-modal-backdrop">
      <div
        className="rg-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        onKeyDown={(e) => e.key === 'Escape' && p.onCancel()}
      >
        <h2 id={`${id}-t`}>{p.title}</h2>
        {p.note && <p>{p.note}</p>}
        <ul className="rg-changes" aria-label="Changes">
          {p.changes.map((c) => (
            <li key={c.key} className={c.weakens ? 'rg-change-weakens' : undefined}>
              <strong>{c.label}</strong>: {c.from} → {c.to}
              {c.weakens && <span className="rg-pill rg-pill-warn">weakens the guard</span>}
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {p.pin === 'create' && (
            <p className="rg-small">
              These changes need a manager PIN. Choose one now (4 to 12 digits); it will be asked for whenever someone
              weakens the guard on this browser.
            </p>
          )}
          {p.pin !== 'none' && (
            <div className="rg-field rg-field-inline">
              <label htmlFor={`${id}-pin`}>{p.pin === 'create' ? 'New manager PIN' : 'Manager PIN'}</label>
              <input
                ref={first}
                id={`${id}-pin`}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                onChange={(e) => setPin(e.target.value)}
              />
            </div>
          )}
          {p.pin === 'create' && (
            <div className="rg-field rg-field-inline">
              <label htmlFor={`${id}-again`}>Same PIN again</label>
              <input
                id={`${id}-again`}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
              />
            </div>
          )}
          <p className="rg-feedback rg-feedback-error" role="alert">
            {error ?? ''}
          </p>
          <div className="rg-actions">
            <button ref={applyRef} type="submit" className="primary" disabled={busy}>
              Apply changes
            </button>
            <button type="button" onClick={p.onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
