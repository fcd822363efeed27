/** The per-sentence cache never changes results: typing char by char equals a cold analysis. */
import { describe, expect, it } from 'vitest';
import { analyze, resetCache } from '../../../rules/index';

const REPLY =
  'Hi Maria! Thanks for coming in yesterday. We offer same-day crowns. Sorry ur crown came loose, Dr. Lee says hi. Call us at (555) 010-2000.';

describe('incremental analysis', () => {
  it('matches a cold analysis at every prefix', () => {
    resetCache();
    const warm: string[] = [];
    for (let i = 1; i <= REPLY.length; i++) warm.push(JSON.stringify(analyze(REPLY.slice(0, i))));
    for (let i = 1; i <= REPLY.length; i += 7) {
      resetCache();
      expect(JSON.stringify(analyze(REPLY.slice(0, i)))).toBe(warm[i - 1]);
    }
  });

  it('keys the cache by options: a staff profile changes the answer', () => {
    const text = 'Thanks, Keisha!';
    expect(analyze(text).verdict).toBe('warn');
    expect(analyze(text, { profile: { staff: [{ name: 'Keisha Moore' }] } }).verdict).toBe('ok');
    expect(analyze(text).verdict).toBe('warn');
  });
});
