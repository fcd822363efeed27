/**
 * The preset reasons for "Post anyway" (issue #11): the hold dialog offers them first, so the
 * quarterly report can group overrides by reason instead of drawing one bar per free-text note.
 * A logged reason is the preset's label, optionally followed by ": " and the person's own words.
 */

/** One preset: a stable id for counting and the words the dialog shows. */
export interface OverrideReason {
  id: string;
  label: string;
}

/** The presets, most common first; "other" takes free text only. */
export const OVERRIDE_REASONS: readonly OverrideReason[] = [
  { id: 'false-alarm', label: 'False alarm: nothing about a patient' },
  { id: 'not-a-patient', label: 'The reviewer is not a patient' },
  { id: 'authorized', label: 'Written authorization on file' },
  { id: 'manager-approved', label: 'Approved by the practice manager' },
  { id: 'other', label: 'Other' },
];

/** The reason as logged: the preset's label, then the person's words when there are any. */
export function formatReason(presetId: string, detail: string): string {
  const preset = OVERRIDE_REASONS.find((r) => r.id === presetId);
  const words = detail.trim();
  if (!preset || preset.id === 'other') return words;
  return words ? `${preset.label}: ${words}` : preset.label;
}

/** The preset a logged reason starts with, or 'other' (free text, or a reason from before presets). */
export function reasonPreset(reason: string): OverrideReason {
  const other = OVERRIDE_REASONS[OVERRIDE_REASONS.length - 1] as OverrideReason;
  return (
    OVERRIDE_REASONS.find((r) => r.id !== 'other' && (reason === r.label || reason.startsWith(`${r.label}: `))) ?? other
  );
}
