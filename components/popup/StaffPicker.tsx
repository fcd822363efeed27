/** Who replies from this browser: chosen once, written into every log record (issue #6). */
import { useId, useState } from 'react';
import type { StaffMember } from '@/rules/types';

export interface StaffPickerProps {
  staff: StaffMember[];
  onChoose(name: string): void;
  onCancel?(): void;
}

const OTHER = '__other__';

/** Asks once for the staff member's name, from the practice's staff list or typed in. */
export function StaffPicker({ staff, onChoose, onCancel }: StaffPickerProps) {
  const id = useId();
  const [choice, setChoice] = useState(staff[0]?.name ?? OTHER);
  const [typed, setTyped] = useState('');
  const name = (choice === OTHER ? typed : choice).trim();
  return (
    <form
      className="rg-card rg-staff"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (name) onChoose(name);
      }}
    >
      <h2 id={`${id}-h`}>Who is replying from this browser?</h2>
      <p className="rg-small rg-muted">Asked once. The compliance log notes who handled each reply.</p>
      <div className="rg-staff-row">
        {staff.length > 0 && (
          <>
            <label className="rg-visually-hidden" htmlFor={`${id}-s`}>
              Staff member
            </label>
            <select id={`${id}-s`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              {staff.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.role ? `${s.name} (${s.role})` : s.name}
                </option>
              ))}
              <option value={OTHER}>Someone else…</option>
            </select>
          </>
        )}
        {choice === OTHER && (
          <>
            <label className="rg-visually-hidden" htmlFor={`${id}-n`}>
              Your name
            </label>
            <input id={`${id}-n`} placeholder="Your name" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </>
        )}
        <button type="submit" className="primary" disabled={!name}>
          Save
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
