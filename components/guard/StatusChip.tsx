import { useEffect, useId, useRef, useState } from 'react';
import type { Finding, Verdict } from '@/rules/types';
import { FindingList } from './FindingList';

/** Props of the status chip shown beside a watched reply box. */
export interface StatusChipProps {
  verdict: Verdict;
  findings: readonly Finding[];
  /** Open the list above the chip (default) or below it when the box is near the top of the window. */
  placement?: 'above' | 'below';
}

const WORDS: Record<Verdict, string> = {
  ok: 'No patient information found',
  warn: 'May confirm someone is a patient',
  block: 'Contains patient information',
};

/** A small ok / warn / block chip with a count; opening it lists each finding and a safer wording. */
export function StatusChip({ verdict, findings, placement = 'above' }: StatusChipProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const count = findings.length;
  // Nothing left to list: close, so an empty panel never lingers.
  useEffect(() => {
    if (count === 0) setOpen(false);
  }, [count]);
  const shown = verdict === 'ok' ? 'OK' : String(count);
  // The name starts with what the chip shows (WCAG 2.5.3 label in name), then says what it means.
  const label = `${verdict === 'ok' ? 'OK' : `${count} ${count === 1 ? 'finding' : 'findings'}`}. Reply Guard: ${WORDS[verdict]}`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the chip or its list closes the list.
    <div
      className="rg-chip-inner"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="rg-chip"
        data-verdict={verdict}
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="rg-dot" aria-hidden="true" />
        <span>{shown}</span>
      </button>
      {open ? (
        <section
          id={panelId}
          className={`rg-panel${placement === 'below' ? ' rg-below' : ''}`}
          aria-label="Reply Guard findings"
        >
          <h2>{WORDS[verdict]}</h2>
          {count ? <FindingList findings={findings} /> : <p>Nothing in this reply reveals who is a patient.</p>}
        </section>
      ) : null}
    </div>
  );
}
