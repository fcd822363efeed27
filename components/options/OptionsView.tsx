/** The options page, presentational: sections get their data and callbacks from OptionsApp. */
import { ShieldMark } from '../common/ShieldMark';
import { CheckingSection, type CheckingSectionProps } from './CheckingSection';
import { LogSection, type LogSectionProps, TransferSection, type TransferSectionProps } from './LogTransferSection';
import { ProfileSection, type ProfileSectionProps } from './ProfileSection';
import { TemplatesSection, type TemplatesSectionProps } from './TemplatesSection';
import { RulesSection, type RulesSectionProps, TermsSection, type TermsSectionProps } from './TermsRulesSection';

export interface OptionsViewProps {
  lockedCount: number;
  policyErrors: string[];
  saveError: string | null;
  profile: ProfileSectionProps;
  checking: CheckingSectionProps;
  terms: TermsSectionProps;
  rules: RulesSectionProps;
  templates: TemplatesSectionProps;
  log: LogSectionProps;
  transfer: TransferSectionProps;
}

const NAV = [
  ['profile', 'Practice profile'],
  ['checking', 'Checking'],
  ['terms', 'Sensitive terms'],
  ['rules', 'Rules'],
  ['templates', 'Custom templates'],
  ['log', 'Compliance log'],
  ['transfer', 'Export and import'],
] as const;

/** Header, policy notes and every settings section. */
export function OptionsView(p: OptionsViewProps) {
  return (
    <div className="rg-options">
      <header className="rg-options-header">
        <ShieldMark size={28} />
        <div>
          <h1>Reply Guard settings</h1>
          <p className="rg-muted">Set once by the practice manager. Changes apply right away in every open tab.</p>
        </div>
      </header>
      <div className="rg-options-body">
        <nav aria-label="Sections" className="rg-options-nav">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="rg-options-main">
          {(p.lockedCount > 0 || p.policyErrors.length > 0) && (
            <div className="rg-policy" role="note" aria-label="Organization policy">
              {p.lockedCount > 0 && (
                <p>
                  Your organization sets{' '}
                  {p.lockedCount === 1 ? 'one of these settings' : `${p.lockedCount} of these settings`}. They are shown
                  but cannot be changed here.
                </p>
              )}
              {p.policyErrors.length > 0 && (
                <>
                  <p>
                    <strong>Part of your organization's policy could not be used:</strong>
                  </p>
                  <ul>
                    {p.policyErrors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {p.saveError && (
            <p className="rg-feedback rg-feedback-error" role="alert">
              {p.saveError}
            </p>
          )}
          <ProfileSection {...p.profile} />
          <CheckingSection {...p.checking} />
          <TermsSection {...p.terms} />
          <RulesSection {...p.rules} />
          <TemplatesSection {...p.templates} />
          <LogSection {...p.log} />
          <TransferSection {...p.transfer} />
        </main>
      </div>
    </div>
  );
}

/** The heading alone, until the settings are read. */
export function OptionsLoading() {
  return (
    <div className="rg-options" aria-busy="true">
      <header className="rg-options-header">
        <ShieldMark size={28} />
        <div>
          <h1>Reply Guard settings</h1>
        </div>
      </header>
    </div>
  );
}
