/**
 * The engine tells the model the practice's approved replies (issue #9): the shipped library and
 * the practice's own templates, filled in with its profile, so what staff add to a template is
 * judged on its own.
 */
import { describe, expect, it } from 'vitest';
import { analyze, withPracticeLibrary } from '@/lib/guard/heavy';
import { templates } from '@/lib/templates';
import { normalize } from '@/rules/engine/normalize';
import { approvedRuns, extractNormalized } from '@/rules/model/features';

const profile = { name: 'Sunny Smiles Dental', phone: '(555) 010-2000' };
const custom = 'Thanks a bunch from everyone at {practice}, we truly appreciate you taking the time!';

describe('the practice library the engine passes on', () => {
  it('adds every shipped template and the custom ones, filled in with the profile', () => {
    const o = withPracticeLibrary({ profile, approvedWording: [custom] });
    const wording = o.approvedWording ?? [];
    expect(wording).toHaveLength(templates.length + 1);
    expect(wording.some((t) => t.includes('{'))).toBe(false);
    expect(wording.at(-1)).toBe(
      'Thanks a bunch from everyone at Sunny Smiles Dental, we truly appreciate you taking the time!',
    );
    expect(o.profile).toBe(profile);
  });

  it('gives the same options object for the same options (the caches key on it)', () => {
    const options = { profile };
    expect(withPracticeLibrary(options)).toBe(withPracticeLibrary(options));
    expect(withPracticeLibrary()).toBe(withPracticeLibrary());
    // A new options object with the same profile and templates (each submit reads the context
    // again) shares the filled library, so the model does not rebuild its reading of it.
    const a = withPracticeLibrary({ profile, approvedWording: [custom] });
    const b = withPracticeLibrary({ profile, approvedWording: [custom], context: { reviewText: 'x' } });
    expect(a.approvedWording).toBe(b.approvedWording);
  });

  it('lets the model read past a filled custom template and keeps what was added', () => {
    const o = withPracticeLibrary({ profile, approvedWording: [custom] });
    const reply = `${o.approvedWording?.at(-1)} Good luck with the new retainer, Jake!`;
    const read = extractNormalized(normalize(reply).text, undefined, undefined, approvedRuns(o.approvedWording));
    expect(read.tokens.map((t) => t.word)).toEqual(['good', 'luck', 'with', 'the', 'new', 'retainer', 'jake']);
    // The engine's analyze still flags the name added to it.
    expect(analyze(reply, { profile, approvedWording: [custom] }).verdict).not.toBe('ok');
  });
});
