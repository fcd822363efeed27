/** The whole popup, presentational: the container passes state in and takes callbacks out. */
import type { StaffMember } from '@/rules/types';
import { LockedNote } from '../common/LockedNote';
import { ShieldMark } from '../common/ShieldMark';
import { PagesPrompt, type PagesPromptProps } from './PagesPrompt';
import { RecentList, type RecentListProps } from './RecentList';
import { StaffPicker } from './StaffPicker';
import { StatusCard, type StatusCardProps } from './StatusCard';
import { TemplatePicker, type TemplatePickerProps } from './TemplatePicker';

export interface PopupViewProps {
  status: StatusCardProps;
  templates: TemplatePickerProps;
  recent: RecentListProps;
  staff: {
    name: string;
    options: StaffMember[];
    locked: boolean;
    editing: boolean;
    onEdit(editing: boolean): void;
    onChoose(name: string): void;
  };
  saveError: string | null;
  /** On Facebook with no practice Page listed yet: ask for them (issue #10). */
  pagesPrompt?: PagesPromptProps | null;
  onOpenOptions(): void;
}

/** Header, status, staff, templates, recent activity. */
export function PopupView(p: PopupViewProps) {
  const askStaff = !p.staff.locked && (p.staff.editing || !p.staff.name);
  return (
    <div className="rg-popup">
      <header className="rg-popup-header">
        <ShieldMark />
        <h1>Reply Guard</h1>
        <button type="button" className="rg-link rg-header-link" onClick={p.onOpenOptions}>
          Settings
        </button>
      </header>
      <main>
        <StatusCard {...p.status} />
        {p.pagesPrompt && <PagesPrompt {...p.pagesPrompt} />}
        {p.saveError && (
          <p className="rg-feedback rg-feedback-error" role="alert">
            {p.saveError}
          </p>
        )}
        {askStaff && (
          <StaffPicker
            staff={p.staff.options}
            onChoose={p.staff.onChoose}
            onCancel={p.staff.name ? () => p.staff.onEdit(false) : undefined}
          />
        )}
        <TemplatePicker {...p.templates} />
        <RecentList {...p.recent} />
      </main>
      <footer className="rg-popup-footer">
        {p.staff.name ? (
          <>
            <span>
              Replying as <strong>{p.staff.name}</strong>
            </span>
            {p.staff.locked ? (
              <LockedNote />
            ) : (
              !askStaff && (
                <button type="button" className="rg-link" onClick={() => p.staff.onEdit(true)}>
                  Change
                </button>
              )
            )}
          </>
        ) : (
          <span className="rg-muted">No staff member chosen yet</span>
        )}
      </footer>
    </div>
  );
}

/** The header alone, for the moment before the settings are read. */
export function PopupLoading() {
  return (
    <div className="rg-popup" aria-busy="true">
      <header className="rg-popup-header">
        <ShieldMark />
        <h1>Reply Guard</h1>
      </header>
    </div>
  );
}
