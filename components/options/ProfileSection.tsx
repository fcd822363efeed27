/**
 * The practice profile: its own name, contact details and staff. These fill the templates and are
 * never flagged as a patient's identifiers (detection policy, "identifiers").
 */
import { useEffect, useId, useState } from 'react';
import type { PracticeProfile, StaffMember } from '@/rules/types';
import { SaveStatus, Section } from './Section';

export interface ProfileSectionProps {
  profile: PracticeProfile;
  locked: boolean;
  onSave(profile: PracticeProfile): Promise<boolean>;
}

const FIELDS = [
  {
    key: 'name',
    label: 'Practice name',
    type: 'text',
    placeholder: 'Bright Smile Dental',
    autoComplete: 'organization',
  },
  { key: 'phone', label: 'Phone', type: 'tel', placeholder: '(555) 010-2000', autoComplete: 'tel' },
  { key: 'email', label: 'Email', type: 'email', placeholder: 'frontdesk@example.com', autoComplete: 'email' },
  {
    key: 'address',
    label: 'Address',
    type: 'text',
    placeholder: '12 Main Street, Springfield',
    autoComplete: 'street-address',
  },
  { key: 'website', label: 'Web site', type: 'url', placeholder: 'https://example.com', autoComplete: 'url' },
] as const;

type Draft = Record<(typeof FIELDS)[number]['key'], string> & {
  staff: StaffMember[];
  /** One Page or account per line. */
  facebookPages: string;
  instagramAccounts: string;
};

/** One entry per line (or comma), trimmed, blanks and repeats dropped. */
function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

function toDraft(profile: PracticeProfile): Draft {
  return {
    name: profile.name ?? '',
    phone: profile.phone ?? '',
    email: profile.email ?? '',
    address: profile.address ?? '',
    website: profile.website ?? '',
    staff: profile.staff ?? [],
    facebookPages: (profile.facebookPages ?? []).join('\n'),
    instagramAccounts: (profile.instagramAccounts ?? []).join('\n'),
  };
}

/** Edits a copy of the profile; "Save profile" writes it. */
export function ProfileSection({ profile, locked, onSave }: ProfileSectionProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile));
  const [dirty, setDirty] = useState(false);
  // A change made elsewhere (another window, an import, the policy) shows here unless the user is
  // in the middle of editing.
  useEffect(() => {
    if (!dirty) setDraft(toDraft(profile));
  }, [profile, dirty]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setMessage(null);
  };
  const setStaff = (i: number, patch: Partial<StaffMember>) =>
    set({ staff: draft.staff.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const submit = async () => {
    const email = draft.email.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setMessage({ kind: 'error', text: 'The email address does not look right.' });
      return;
    }
    const out: PracticeProfile = {
      staff: draft.staff
        .map((s) => ({ name: s.name.trim(), ...(s.role?.trim() ? { role: s.role.trim() } : {}) }))
        .filter((s) => s.name),
    };
    for (const f of FIELDS) {
      const v = draft[f.key].trim();
      if (v) out[f.key] = v;
    }
    const pages = lines(draft.facebookPages);
    if (pages.length) out.facebookPages = pages;
    const accounts = lines(draft.instagramAccounts);
    if (accounts.length) out.instagramAccounts = accounts;
    const ok = await onSave(out);
    if (ok) setDirty(false);
    setMessage(
      ok ? { kind: 'ok', text: 'Profile saved.' } : { kind: 'error', text: 'The profile could not be saved.' },
    );
  };

  return (
    <Section
      id="profile"
      title="Practice profile"
      locked={locked}
      description="Your practice's own details fill the approved templates. They are never flagged, and neither are your staff's names."
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset disabled={locked} className="rg-plain">
          <legend className="rg-visually-hidden">Practice details</legend>
          <div className="rg-grid">
            {FIELDS.map((f) => (
              <div className="rg-field" key={f.key}>
                <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
                <input
                  id={`${id}-${f.key}`}
                  type={f.type}
                  placeholder={f.placeholder}
                  autoComplete={f.autoComplete}
                  value={draft[f.key]}
                  disabled={locked}
                  onChange={(e) => set({ [f.key]: e.target.value } as Partial<Draft>)}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset disabled={locked} className="rg-plain rg-staff-list">
          <legend>Staff</legend>
          {draft.staff.length === 0 && <p className="rg-muted rg-small">No staff added yet.</p>}
          {draft.staff.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; order is stable while editing.
            <div className="rg-row" key={i}>
              <label className="rg-visually-hidden" htmlFor={`${id}-sn${i}`}>
                Staff name {i + 1}
              </label>
              <input
                id={`${id}-sn${i}`}
                placeholder="Name, e.g. Dr. Priya Patel"
                value={s.name}
                disabled={locked}
                onChange={(e) => setStaff(i, { name: e.target.value })}
              />
              <label className="rg-visually-hidden" htmlFor={`${id}-sr${i}`}>
                Role of staff member {i + 1}
              </label>
              <input
                id={`${id}-sr${i}`}
                placeholder="Role, e.g. dentist"
                value={s.role ?? ''}
                disabled={locked}
                onChange={(e) => setStaff(i, { role: e.target.value })}
              />
              <button
                type="button"
                disabled={locked}
                aria-label={`Remove ${s.name || `staff member ${i + 1}`}`}
                onClick={() => set({ staff: draft.staff.filter((_, j) => j !== i) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={locked}
            onClick={() => set({ staff: [...draft.staff, { name: '', role: '' }] })}
          >
            Add staff member
          </button>
        </fieldset>
        <fieldset disabled={locked} className="rg-plain">
          <legend>The practice's own pages</legend>
          <p className="rg-muted rg-small">
            On Facebook only replies on these Pages, made as them, or in the Business Suite inbox are held and logged; a
            staff member's own chats and comments never are. Until a Page is listed, every Facebook reply is.
          </p>
          <div className="rg-grid">
            <div className="rg-field">
              <label htmlFor={`${id}-fb`}>Facebook Pages (one per line)</label>
              <textarea
                id={`${id}-fb`}
                rows={2}
                placeholder="Bright Smile Dental or facebook.com/BrightSmileDental"
                value={draft.facebookPages}
                disabled={locked}
                onChange={(e) => set({ facebookPages: e.target.value })}
              />
            </div>
            <div className="rg-field">
              <label htmlFor={`${id}-ig`}>Instagram accounts (one per line)</label>
              <textarea
                id={`${id}-ig`}
                rows={2}
                placeholder="@brightsmiledental"
                value={draft.instagramAccounts}
                disabled={locked}
                onChange={(e) => set({ instagramAccounts: e.target.value })}
              />
            </div>
          </div>
        </fieldset>
        <div className="rg-actions">
          <button type="submit" className="primary" disabled={locked}>
            Save profile
          </button>
        </div>
        <SaveStatus message={message} />
      </form>
    </Section>
  );
}
