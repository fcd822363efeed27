/**
 * Structural cases written for this test (never corpus text): replies addressed to the reader
 * that mention health in words no table lists, and generic replies full of "you" and body words.
 * They guard the reader-care back-stop and the generic-sentence detector against regressions.
 * Issue #9 made `analyze` the rules plus a learned second opinion, which may demote a rule finding
 * or add its own: the structural checks therefore run on the rules alone (`analyzeRules`), and the
 * combination is held to the same lists with a tolerance (a learned model is not exact).
 */
import { describe, expect, it } from 'vitest';
import { analyze, analyzeRules } from '../../../rules/index';

const FLAG = [
  'Hope the Trulicity pen is easier than the vials were!',
  "How's the hip treating you these days?",
  'Keep wearing the boot for two more weeks and no running yet.',
  'So glad the tooth isnt throbbing anymore.',
  'The bruising from the filler should fade within a week, so no need to worry.',
  'ur retainer still ok?',
  'Still feeling sore?',
  'Sorry the drainage tube was so uncomfortable overnight.',
  'pt c/o wrist pain, rx ibuprofen TID',
  "Your two o'clock with Dr. Ames moved to Friday.",
  'We saved you the corner chair for next week!',
  'Say hi to your sister who drove you in!',
  'Sorry you were turned away at the desk yesterday.',
  'Our brave little patient today got three stitches and laughed the whole time.',
  'Nos encantó atender a sus hijos, ¡qué valientes!',
  'We still remember how shy you were at the start, look at you now!',
  'So relieved the scan showed nothing worrying!',
  'Keep doing your wall slides twice a day at home.',
  'Glad check-in went faster this time!',
  'Glad speech therapy is helping!',
  'Yay for clear skin!!',
];

const PASS = [
  'Your teeth work hard for you! Brush twice a day and floss daily.',
  'After a long day at the computer, your eyes need a break.',
  'Lifting a heavy box? Bend at your knees and keep it close.',
  'Keep sparklers away from little hands this weekend.',
  'Pack enough of your medications for the whole trip.',
  'Questions about your bill? Our billing office is open weekdays.',
  'You can now book cleanings and whitening online, 24/7.',
  'Happy to answer any questions you have about LASIK.',
  "We're proud to welcome Dr. Alvarez, who specializes in sports injuries.",
  'Your eyes deserve a yearly check, even if your vision seems fine.',
  'Sleep apnea can raise your blood pressure, so mention snoring to a doctor.',
  'Good luck to the Jefferson High swim team this weekend!',
  'Rx refills are ready for pickup after 2 pm.',
  'Save your spot online before you head over!',
  'Thank you to the Lions Club for hosting our talk on mental health awareness.',
  'If your inhaler runs low over the holidays, our on-call pharmacist can help.',
  'Did your teens get their sports physicals yet? Walk-ins all week.',
  'Si usted tiene dudas sobre su seguro, llame a la oficina.',
  'So proud of our nurses who walked for lupus research on Sunday.',
  'Sorry, we no longer offer laser hair removal at this office.',
  'Congrats to Dr. Lee on her new paper about childhood eczema!',
  'Sorry for the slow phones; allergy season keeps them ringing.',
  'Hope the videos on our website about hip pain are useful.',
];

describe('generalization: structure over vocabulary', () => {
  it.each(FLAG)('flags: %s', (text) => {
    expect(analyzeRules(text).verdict).not.toBe('ok');
  });
  it.each(PASS)('passes: %s', (text) => {
    expect(analyzeRules(text).findings).toEqual([]);
  });
  // A regression guard for the combination, not a target: these near-misses are built to look risky,
  // and the learned model flagged 4 of the 23 when this was written (it demoted none of the flags).
  it('the rules combined with the learned model still catch at least 90% and pass at least 80%', () => {
    const caught = FLAG.filter((t) => analyze(t).verdict !== 'ok').length;
    const passed = PASS.filter((t) => analyze(t).verdict === 'ok').length;
    expect(caught / FLAG.length).toBeGreaterThanOrEqual(0.9);
    expect(passed / PASS.length).toBeGreaterThanOrEqual(0.8);
  });
});
