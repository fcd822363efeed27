import type { Analysis } from '@/rules/types';
import { type DialogVerdict, GuardDialog } from './GuardDialog';
import { StatusChip } from './StatusChip';

/** One chip's place and content: viewport coordinates of its anchor corner. */
export interface ChipView {
  id: number;
  analysis: Analysis;
  /** Viewport position (px) of the chip's top-left corner. */
  top: number;
  left: number;
  placement: 'above' | 'below';
}

/** The held reply the dialog is about: its findings, or `unchecked` when the guard could not check it. */
export interface DialogView {
  key: number;
  verdict: DialogVerdict;
  findings: Analysis['findings'];
  /** The practice's staff, for "Who is replying". */
  staff?: readonly string[];
  /** Who was picked last, preselected. */
  staffChoice?: string;
}

/** Everything the guard shows over a page: chips beside boxes and, when a post is held, the dialog. */
export interface GuardOverlayProps {
  chips: readonly ChipView[];
  dialog: DialogView | null;
  /** A short sentence for screen readers when the focused box's verdict changes ('' for none). */
  announcement?: string;
  /** The log's refusal (e.g. storage full), shown as an alert until dismissed. */
  logError?: string | null;
  onDismissLogError?(): void;
  onEdit(): void;
  onTemplate(): void;
  onConfirm(reason: string, staff?: string): void;
  onStaffChange?(name: string): void;
}

/** The guard's whole overlay, rendered into its shadow root. */
export function GuardOverlay({
  chips,
  dialog,
  announcement = '',
  logError,
  onDismissLogError,
  onEdit,
  onTemplate,
  onConfirm,
  onStaffChange,
}: GuardOverlayProps) {
  return (
    <div className="rg-root">
      <div className="rg-sr" role="status" aria-live="polite">
        {announcement}
      </div>
      {logError ? (
        <div className="rg-log-error" role="alert">
          <p>{logError}</p>
          <button type="button" onClick={onDismissLogError}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="rg-layer">
        {chips.map((c) => (
          <div key={c.id} className="rg-chip-wrap" style={{ top: c.top, left: c.left }}>
            <StatusChip verdict={c.analysis.verdict} findings={c.analysis.findings} placement={c.placement} />
          </div>
        ))}
      </div>
      {dialog ? (
        <GuardDialog
          key={dialog.key}
          verdict={dialog.verdict}
          findings={dialog.findings}
          staff={dialog.staff}
          staffChoice={dialog.staffChoice}
          onStaffChange={onStaffChange}
          onEdit={onEdit}
          onTemplate={onTemplate}
          onConfirm={onConfirm}
        />
      ) : null}
    </div>
  );
}
