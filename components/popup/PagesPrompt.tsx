/**
 * On Facebook, until the practice's own Pages are listed, every reply composer is checked and
 * logged, a staff member's own chats and comments too (issue #10 item 7): the popup asks for them.
 */
import { useId, useState } from 'react';

export interface PagesPromptProps {
  /** The organization's policy sets the profile: staff cannot list the Pages here. */
  locked: boolean;
  onSave(pages: string[]): void;
}

/** Splits what was typed into Page entries: one per line or comma, blanks dropped. */
export function parsePages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

/** Asks which Facebook Pages are the practice's own. */
export function PagesPrompt({ locked, onSave }: PagesPromptProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const pages = parsePages(typed);
  return (
    <form
      className="rg-card rg-staff"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (pages.length) onSave(pages);
      }}
    >
      <h2 id={`${id}-h`}>Which Facebook Pages are your practice's?</h2>
      <p className="rg-small rg-muted">
        Until they are listed, every Facebook reply is checked and logged, your own chats and comments too. Once listed,
        only replies on those Pages, made as them, or in the Business Suite inbox are.
      </p>
      {locked ? (
        <p className="rg-small">Your organization sets the practice profile: ask your practice manager to list them.</p>
      ) : (
        <div className="rg-staff-row">
          <label className="rg-visually-hidden" htmlFor={`${id}-p`}>
            The practice's Facebook Pages
          </label>
          <input
            id={`${id}-p`}
            placeholder="Page name or facebook.com address"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!pages.length}>
            Save Pages
          </button>
        </div>
      )}
    </form>
  );
}
