/** How eager the guard is: strictness, reviewers' first names, monitor-only, and where it runs. */
import { useId, useState } from 'react';
import type { SiteId, SiteOff } from '@/lib/settings';
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
  /** Sites turned off for the day at this browser, still running (expired ones left out). */
  siteOff: Partial<Record<SiteId, SiteOff>>;
  locked: { strictness: boolean; allowReviewerFirstName: boolean; monitorOnly: boolean; sites: boolean };
  onStrictness(s: Strictness): void;
  onAllowFirstName(on: boolean): void;
  onMonitorOnly(on: boolean): void;
  /** Turns a site back on, or off until the end of the day with the reason given. */
  onSite(site: SiteId, on: boolean, reason?: string): void;
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
            <SiteSwitch
              key={site}
              site={site}
              on={p.sites[site] && !p.siteOff[site]}
              off={p.siteOff[site]}
              locked={p.locked.sites}
              onSite={p.onSite}
            />
          ))}
        </div>
      </fieldset>
    </Section>
  );
}

/**
 * One site's switch. Turning a site off asks why and lasts until the end of the day at most
 * (issue #11: every weakening of the guard leaves a record and expires).
 */
function SiteSwitch(p: {
  site: SiteId;
  on: boolean;
  off: SiteOff | undefined;
  locked: boolean;
  onSite(site: SiteId, on: boolean, reason?: string): void;
}) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <div>
      <Toggle
        label={`Check replies on ${SITE_NAMES[p.site]}`}
        checked={p.on && !asking}
        locked={p.locked}
        onChange={(on) => (on ? p.onSite(p.site, true) : setAsking(true))}
        quiet
      />
      {p.off && (
        <p className="rg-site-off rg-small">
          Off until {new Date(p.off.until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: “
          {p.off.reason}”
        </p>
      )}
      {asking && (
        <form
          className="rg-site-off"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            p.onSite(p.site, false, reason.trim());
            setAsking(false);
            setReason('');
          }}
        >
          <label htmlFor={`${id}-why`}>Why turn it off?</label>
          <input id={`${id}-why`} value={reason} required onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={!reason.trim()}>
            Turn off until the end of today
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Keep it on
          </button>
        </form>
      )}
    </div>
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
