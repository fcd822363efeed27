/** How eager the guard is: strictness, reviewers' first names, monitor-only, and where it runs. */
import { useId } from 'react';
import type { SiteId } from '@/lib/settings';
import { SITES } from '@/lib/settings';
import type { Strictness } from '@/rules/types';
import { LockedNote } from '../common/LockedNote';
import { SITE_NAMES } from '../popup/StatusCard';
import { Section } from './Section';

export interface CheckingSectionProps {
  strictness: Strictness;
  allowReviewerFirstName: boolean;
  monitorOnly: boolean;
  sites: Record<SiteId, boolean>;
  locked: { strictness: boolean; allowReviewerFirstName: boolean; monitorOnly: boolean; sites: boolean };
  onStrictness(s: Strictness): void;
  onAllowFirstName(on: boolean): void;
  onMonitorOnly(on: boolean): void;
  onSite(site: SiteId, on: boolean): void;
}

const STRICTNESS: Array<{ id: Strictness; label: string; hint: string }> = [
  { id: 'relaxed', label: 'Relaxed', hint: 'Flags clear disclosures of patient information only.' },
  {
    id: 'standard',
    label: 'Standard',
    hint: 'Also flags wording that confirms someone is a patient. Recommended.',
  },
  { id: 'strict', label: 'Strict', hint: 'Also flags borderline wording, for practices that want extra care.' },
];

/** Strictness radio group and the on/off switches. */
export function CheckingSection(p: CheckingSectionProps) {
  const id = useId();
  return (
    <Section id="checking" title="Checking" description="How carefully replies are checked, and where.">
      <fieldset className="rg-plain" disabled={p.locked.strictness}>
        <legend>Strictness {p.locked.strictness && <LockedNote />}</legend>
        <div className="rg-choices">
          {STRICTNESS.map((s) => (
            <label key={s.id} className="rg-choice">
              <input
                type="radio"
                name={`${id}-strictness`}
                value={s.id}
                checked={p.strictness === s.id}
                disabled={p.locked.strictness}
                onChange={() => p.onStrictness(s.id)}
              />
              <span>
                <strong>{s.label}</strong>
                <span className="rg-small rg-muted">{s.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="rg-toggles">
        <Toggle
          label="Allow reviewers' first names"
          hint={`Lets a reply greet the reviewer by first name ("Thanks, Maria"). Off by default: a name next to a reply can confirm a relationship.`}
          checked={p.allowReviewerFirstName}
          locked={p.locked.allowReviewerFirstName}
          onChange={p.onAllowFirstName}
        />
        <Toggle
          label="Monitor only"
          hint="Marks risky replies but never holds a post. Useful while staff get used to the guard."
          checked={p.monitorOnly}
          locked={p.locked.monitorOnly}
          onChange={p.onMonitorOnly}
        />
      </div>

      <fieldset className="rg-plain" disabled={p.locked.sites}>
        <legend>Sites {p.locked.sites && <LockedNote />}</legend>
        <div className="rg-toggles">
          {SITES.map((site) => (
            <Toggle
              key={site}
              label={`Check replies on ${SITE_NAMES[site]}`}
              checked={p.sites[site]}
              locked={p.locked.sites}
              onChange={(on) => p.onSite(site, on)}
              quiet
            />
          ))}
        </div>
      </fieldset>
    </Section>
  );
}

/** A labelled checkbox with an optional hint and lock. */
export function Toggle(props: {
  label: string;
  hint?: string;
  checked: boolean;
  locked: boolean;
  onChange(on: boolean): void;
  /** No lock note of its own (the group shows it). */
  quiet?: boolean;
}) {
  const id = useId();
  return (
    <div className="rg-toggle">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.locked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id}>{props.label}</label> {props.locked && !props.quiet && <LockedNote />}
        {props.hint && (
          <p id={`${id}-hint`} className="rg-small rg-muted">
            {props.hint}
          </p>
        )}
      </div>
    </div>
  );
}
