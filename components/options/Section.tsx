/** A titled settings section, with the organization's lock shown when the policy sets it. */
import type { ReactNode } from 'react';
import { LockedNote } from '../common/LockedNote';

export interface SectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  locked?: boolean;
  children: ReactNode;
}

/** One card of the options page. */
export function Section({ id, title, description, locked, children }: SectionProps) {
  return (
    <section className="rg-section" aria-labelledby={`${id}-h`} id={id}>
      <div className="rg-section-title">
        <h2 id={`${id}-h`}>{title}</h2>
        {locked && <LockedNote />}
      </div>
      {description && <p className="rg-section-desc">{description}</p>}
      {children}
    </section>
  );
}

/** A short status line after saving, read out politely. */
export function SaveStatus({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  return (
    <p
      className={`rg-feedback ${message ? `rg-feedback-${message.kind}` : ''}`}
      role={message?.kind === 'error' ? 'alert' : 'status'}
    >
      {message?.text ?? ''}
    </p>
  );
}
