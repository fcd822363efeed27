import { describe, expect, it } from 'vitest';
import { formatReason, OVERRIDE_REASONS, reasonPreset } from '@/lib/override-reasons';

describe('override reasons', () => {
  it('logs the preset with the person’s words, and finds the preset again for the report', () => {
    const logged = formatReason('authorized', ' form signed 3/2 ');
    expect(logged).toBe('Written authorization on file: form signed 3/2');
    expect(reasonPreset(logged).id).toBe('authorized');
    expect(reasonPreset(formatReason('false-alarm', '')).id).toBe('false-alarm');
  });

  it('keeps free text under "Other", including reasons written before presets existed', () => {
    expect(formatReason('other', 'boss said ok')).toBe('boss said ok');
    expect(reasonPreset('boss said ok').id).toBe('other');
    // A free-text reason that merely contains a preset's words is not that preset.
    expect(reasonPreset('I think False alarm: nothing about a patient').id).toBe('other');
    expect(new Set(OVERRIDE_REASONS.map((r) => r.id)).size).toBe(OVERRIDE_REASONS.length);
  });
});
