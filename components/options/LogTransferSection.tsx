/** Log settings (retention, what text is kept) and settings export / import. */
import { useEffect, useId, useRef, useState } from 'react';
import { type LogTextMode, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '@/lib/settings';
import { SaveStatus, Section } from './Section';

export interface LogSectionProps {
  retentionDays: number;
  textMode: LogTextMode;
  locked: boolean;
  /** Saves the changed log setting(s); the others stay as they are. */
  onChange(log: Partial<{ retentionDays: number; textMode: LogTextMode }>): Promise<boolean>;
}

const TEXT_MODES: Array<{ id: LogTextMode; label: string; hint: string }> = [
  { id: 'redacted', label: 'Redacted', hint: 'The reply with the risky parts masked. Recommended.' },
  { id: 'full', label: 'Full text', hint: 'The reply exactly as written. The log may then hold patient information.' },
  { id: 'none', label: 'No text', hint: 'Only what happened, and a fingerprint of the text to prove it later.' },
];

/** How long the log keeps records and how much of the reply it keeps. */
export function LogSection(p: LogSectionProps) {
  const id = useId();
  const [days, setDays] = useState(String(p.retentionDays));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // Follow changes made elsewhere (an import, another window).
  useEffect(() => setDays(String(p.retentionDays)), [p.retentionDays]);
  const saveDays = async () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < RETENTION_MIN_DAYS || n > RETENTION_MAX_DAYS) {
      setMessage({
        kind: 'error',
        text: `Keep records for a whole number of days, from ${RETENTION_MIN_DAYS} (one year; HIPAA asks for six) to ${RETENTION_MAX_DAYS}.`,
      });
      return;
    }
    if (n === p.retentionDays) return;
    if (await p.onChange({ retentionDays: n })) setMessage({ kind: 'ok', text: `Records are kept for ${n} days.` });
    // Cancelled or refused: show the setting in force again.
    else setDays(String(p.retentionDays));
  };
  return (
    <Section
      id="log"
      title="Compliance log"
      locked={p.locked}
      description="Every checked reply is logged in this browser for audits. Nothing leaves the computer."
    >
      <div className="rg-field rg-field-inline">
        <label htmlFor={`${id}-days`}>Keep records for (days)</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          value={days}
          disabled={p.locked}
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => void saveDays()}
          onKeyDown={(e) => e.key === 'Enter' && void saveDays()}
        />
      </div>
      <fieldset className="rg-plain" disabled={p.locked}>
        <legend>Text kept in the log</legend>
        <div className="rg-choices">
          {TEXT_MODES.map((m) => (
            <label key={m.id} className="rg-choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m.id}
                checked={p.textMode === m.id}
                disabled={p.locked}
                onChange={() =>
                  void p
                    .onChange({ textMode: m.id })
                    .then((ok) => ok && setMessage({ kind: 'ok', text: `The log keeps: ${m.label.toLowerCase()}.` }))
                }
              />
              <span>
                <strong>{m.label}</strong>
                <span className="rg-small rg-muted">{m.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SaveStatus message={message} />
    </Section>
  );
}

export interface TransferSectionProps {
  onExport(): void;
  /** Reads and applies a file; resolves with what to tell the user. */
  onImport(file: File): Promise<{ kind: 'ok' | 'error'; text: string; details?: string[] }>;
}

/** Download all settings as JSON, or import such a file (all-or-nothing). */
export function TransferSection({ onExport, onImport }: TransferSectionProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);
  return (
    <Section
      id="transfer"
      title="Export and import"
      description="Copy this setup to other front-desk computers. The staff member and any pause stay with each browser."
    >
      <div className="rg-actions">
        <button type="button" onClick={onExport}>
          Export settings
        </button>
        <label htmlFor={`${id}-file`} className="rg-file-label">
          Import settings file
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setResult(await onImport(file));
            if (input.current) input.current.value = '';
          }}
        />
      </div>
      <div
        className={`rg-feedback ${result ? `rg-feedback-${result.kind}` : ''}`}
        role={result?.kind === 'error' ? 'alert' : 'status'}
      >
        {result && (
          <>
            <p>{result.text}</p>
            {result.details && result.details.length > 0 && (
              <ul>
                {result.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Section>
  );
}
