/** Practice-specific sensitive terms, and which rules run. */
import { useId, useState } from 'react';
import type { RuleInfo } from '@/lib/stores/rule-list';
import { LockedNote } from '../common/LockedNote';
import { Section } from './Section';

export interface TermsSectionProps {
  terms: string[];
  locked: boolean;
  onChange(terms: string[]): void;
}

/** Extra terms: added one by one, removed with a button each. */
export function TermsSection({ terms, locked, onChange }: TermsSectionProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft.trim();
    if (!t) return;
    if (!terms.some((x) => x.toLowerCase() === t.toLowerCase())) onChange([...terms, t]);
    setDraft('');
  };
  return (
    <Section
      id="terms"
      title="Extra sensitive terms"
      locked={locked}
      description="Words your practice treats as health information when tied to a person: a specialty procedure, a program, a medication."
    >
      {terms.length > 0 ? (
        <ul className="rg-chips">
          {terms.map((t) => (
            <li key={t} className="rg-chip">
              <span>{t}</span>
              <button
                type="button"
                aria-label={`Remove ${t}`}
                disabled={locked}
                onClick={() => onChange(terms.filter((x) => x !== t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rg-muted rg-small">No extra terms.</p>
      )}
      <form
        className="rg-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="rg-visually-hidden" htmlFor={`${id}-t`}>
          New sensitive term
        </label>
        <input
          id={`${id}-t`}
          placeholder="e.g. Suboxone"
          value={draft}
          disabled={locked}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={locked || !draft.trim()}>
          Add term
        </button>
      </form>
    </Section>
  );
}

export interface RulesSectionProps {
  rules: RuleInfo[];
  disabled: string[];
  locked: boolean;
  onChange(disabled: string[]): void;
}

/** One switch per rule in the registry. */
export function RulesSection({ rules, disabled, locked, onChange }: RulesSectionProps) {
  const id = useId();
  return (
    <Section
      id="rules"
      title="Rules"
      locked={locked}
      description="Each rule looks for one kind of risk. Turning one off means replies are no longer checked for it."
    >
      {rules.length === 0 ? (
        <p className="rg-muted rg-small">The list of rules is not available in this version.</p>
      ) : (
        <ul className="rg-rule-list">
          {rules.map((r) => (
            <li key={r.id} className="rg-toggle">
              <input
                id={`${id}-${r.id}`}
                type="checkbox"
                checked={!disabled.includes(r.id)}
                disabled={locked}
                aria-describedby={`${id}-${r.id}-d`}
                onChange={(e) => onChange(e.target.checked ? disabled.filter((x) => x !== r.id) : [...disabled, r.id])}
              />
              <div>
                <label htmlFor={`${id}-${r.id}`}>{r.description || r.id}</label>
                <p id={`${id}-${r.id}-d`} className="rg-small rg-muted">
                  <code>{r.id}</code>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {locked && rules.length > 0 && <LockedNote />}
    </Section>
  );
}
