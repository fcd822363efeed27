/**
 * How the rules and the learned second opinion combine (issue #9, item 3), keeping spans and
 * explanations:
 *  - a rule finding stands unless the model is confident the whole reply is safe (its score is
 *    below the strictness's demote threshold, never above a logit of -1 in standard mode); then
 *    the finding becomes a hint (returned in `hints`, counted by `npm run eval`, not in the
 *    verdict). Pattern identifiers (numbers, emails, addresses) and echoes of the review are never
 *    demoted; a tagged name next to care words may be (see demotable).
 *    Strict mode never demotes, so every rule finding stays visible there;
 *  - when the rules are silent and the model's score is above a high threshold, one finding with
 *    ruleId 'learned' is added: span = the highest-scoring sentence, marks = the words that pushed
 *    the score, category from the per-category head, a plain message and a safer wording. The
 *    policy's borderline sympathy is left out of that score (the rules flag it in strict mode only).
 * Strictness picks the thresholds (rules/model/weights.generated.ts, chosen by cross-validation).
 * `disabledRules: ['learned']` turns the second opinion off entirely (rules alone).
 */
import { PATTERNS as BORDERLINE_SYMPATHY } from '../borderline-sympathy';
import { staffNames } from '../engine/analyze';
import { mergeFindings, verdictOf } from '../engine/merge';
import { normalize, toOriginal } from '../engine/normalize';
import { resolveOptions } from '../engine/options';
import { AUTHORIZED, statesAuthorization } from '../engine/whole-post';
import { SAFE_PRIVATE, SAFE_THANKS } from '../engine/wording';
import { type Analysis, type AnalyzeOptions, type Category, type Finding, LEARNED_RULE_ID } from '../types';
import { approvedRuns } from './features';
import { categoryOf, explain, scoreReply, thresholdsFor } from './index';
import { isFirstName } from './vocabulary';

/** Plain words per category for a learned finding: why, and a safer wording. */
const WORDING: Record<Category, { message: string; suggestion: string }> = {
  'confirms-patient-status': {
    message:
      'Our second check thinks this sentence tells the world that this person is (or was) a patient here. Even that fact is private.',
    suggestion: SAFE_THANKS,
  },
  'care-details': {
    message:
      "Our second check thinks this sentence reveals something about a person's health or treatment. Details of anyone's care are private.",
    suggestion: SAFE_PRIVATE,
  },
  identifiers: {
    message:
      "Our second check thinks this sentence includes a person's name, date, phone, email or another detail that identifies them.",
    suggestion: "Leave out the person's name and contact details; give only the office's own phone or email.",
  },
  'defensive-disclosure': {
    message:
      "Our second check thinks this sentence answers a complaint with what happened in the person's care or records. That discloses it.",
    suggestion: SAFE_PRIVATE,
  },
  'staff-gossip': {
    message: 'Our second check thinks this sentence talks about a patient in a way that could point to who they are.',
    suggestion: 'Talk about the practice and its services, not about patients.',
  },
  'testimonial-without-authorization': {
    message:
      "Our second check thinks this shares a patient's story, name or result. That needs the patient's written permission.",
    suggestion: 'Share patient stories only with signed permission; otherwise describe the service in general.',
  },
};

/** The identifier rule that guesses at a name in a sentence about care: wrong on shop, team and unlisted staff names. */
const NAME_RULES: ReadonlySet<string> = new Set(['patient-name']);

/**
 * Rule findings the model may demote. Numbers, addresses, handles, dates and emails stay: a
 * pattern found them, and whether they are the practice's own is read from its profile by the
 * rules. So does a greeting by name ("Hi Maria", the policy's own example). A name the tagger finds
 * next to care words is often the practice's own staff, a business or a team: the model (which
 * reads the reply without the profile's names) may demote that when it is confident, like any
 * other finding. Echoes of the review stay: the model never sees the review.
 */
export function demotable(f: Finding): boolean {
  if (f.ruleId === 'echo-review') return false;
  if (f.ruleId === 'confirms-relationship' && POLICY_CONFIRMATION.test(f.actual)) return false;
  return f.category !== 'identifiers' || NAME_RULES.has(f.ruleId);
}

/**
 * The policy's own examples of confirming that someone is a patient ("your visit", "when you came
 * in", "welcome back", "thanks for trusting us with your care"), as the rules found them: a
 * statistical opinion does not overrule the labelling standard's literal wording, however much of
 * the rest of the reply reads like an approved template.
 */
const POLICY_CONFIRMATION =
  /\b(?:thanks?(?: you)?(?: so much)? for (?:visiting|coming in|coming by|stopping in|choosing us|trusting us)|welcome back|when you came in|we saw you|your (?:visit|appointment)s?\b)/i;

/**
 * Longest text the model scores. Review replies are a few thousand characters at most (the sites
 * cap them lower); above this a paste is judged by the rules alone, which only ever means no
 * demotion and no learned finding, and keeps any input linear and fast.
 */
export const MODEL_MAX_CHARS = 20_000;

/** Categories whose learned finding blocks (a care detail); the rest warn. */
const BLOCKING: ReadonlySet<Category> = new Set(['care-details', 'defensive-disclosure']);

/** Lower-case words of the staff's names (and the allowed reviewer first name), titles left out. */
function peopleWords(options: AnalyzeOptions | undefined, reviewerFirstName: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const s of options?.profile?.staff ?? [])
    for (const w of (s?.name ?? '').toLowerCase().split(/[^\p{L}\p{N}']+/u))
      if (w.length > 1 && !TITLES.has(w)) out.add(w);
  if (reviewerFirstName) out.add(reviewerFirstName);
  return out;
}

/** Titles in a staff entry ("Dr. Priya Patel") are not name words: "dr" stays visible to the model. */
const TITLES: ReadonlySet<string> = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'nurse', 'dra']);

/**
 * The normalized reply with the policy's borderline sympathy blanked out (same length, so offsets
 * still hold). Scoring this is the model's opinion of everything else the reply says.
 */
export function withoutBorderline(normText: string): string {
  let out = normText;
  for (const p of BORDERLINE_SYMPATHY) out = out.replace(p.re, (m) => ' '.repeat(m.length));
  return out;
}

/**
 * The practice's patients as a group: "our patients", "many loyal families", and a provider's own
 * "all of my patients".
 */
const GROUP =
  /\b(?:our|my|many|all|most|so many|countless|thousands of|hundreds of)\s+(?:of (?:our|my)\s+)?(?:[\w-]+\s+)?(?:patients|clients|families|members)\b/i;
/** Anyone in particular: a reader, a person, one of them, a day, a number, a feeling about someone, Spanish. */
const SOMEONE =
  /\b(?:you|your|yours|yourself|u|ur|y'all|he|she|him|his|her|hers|one of|some of|a few of|several of|hope|glad|sorry|congrats|congratulations|happy|thanks?|welcome|today|tonight|yesterday|this (?:morning|afternoon|week)|last (?:week|night|month)|tu|tus|su|sus|usted|te|le|que|gracias)\b|\d|[\u00bf\u00a1]/i;

/**
 * "Our practice has many loyal patients who have benefited from our care": the practice talking
 * about its patients as a group, nobody in particular. The policy flags talk about patients in
 * general only when it can identify someone (the rules' staff-gossip), so the model adds nothing.
 */
export function aboutPatientsAsAGroup(text: string): boolean {
  return GROUP.test(text) && !SOMEONE.test(text);
}

/** Combines the rules' analysis of `text` with the model's opinion; see the module comment. */
export function combine(text: string, rules: Analysis, options?: AnalyzeOptions): Analysis {
  const o = resolveOptions(options);
  if (o.disabled.has(LEARNED_RULE_ID) || text.trim().length === 0 || text.length > MODEL_MAX_CHARS) return rules;
  const t = thresholdsFor(o.strictness);
  // The model cannot change this answer: nothing to demote (strict mode, or identifiers only).
  if (rules.findings.length > 0 && (t.demote === null || !rules.findings.some(demotable))) return rules;
  const norm = normalize(text);
  // Names the practice allows (staff, the reviewer's first name when that setting is on, and names
  // the reply itself frames as staff, as the name rules read them) are not names to the model either.
  // (Only first names matter to the model's name cues, so only their frames are read.)
  const framed = staffNames(norm.text, isFirstName);
  const allowed =
    o.reviewerFirstName || framed.size
      ? new Set([...o.staffWords, ...framed, ...(o.reviewerFirstName ? [o.reviewerFirstName] : [])])
      : o.staffWords;
  // The model learned names from replies with no profile: the practice's own people's names are
  // taken out of what it reads, or "Rosa Delgado will call you back" would look like a patient's name.
  const people = peopleWords(options, o.reviewerFirstName);
  // What the reply shares with the approved wording (the seed's and the practice's templates) is
  // read past: the model judges what staff added to it.
  const approved = approvedRuns(options?.approvedWording);
  const { score, ex } = scoreReply(norm.text, allowed, people, approved);
  if (rules.findings.length > 0) {
    if (t.demote === null || !(score < t.demote)) return rules;
    const kept = rules.findings.filter((f) => !demotable(f));
    const hints = rules.findings.filter(demotable);
    if (hints.length === 0) return rules;
    return { verdict: verdictOf(kept), findings: kept, hints };
  }
  // Written so that a missing or broken score (NaN) never adds a finding.
  if (!(score >= t.add)) return rules;
  if (aboutPatientsAsAGroup(text)) return rules;
  // The policy calls plain sympathy ("We hope you feel better soon") borderline: the rules flag it
  // in strict mode only. The model judges the rest of the reply, so it cannot overrule that.
  const rest = withoutBorderline(norm.text);
  if (rest !== norm.text && !(scoreReply(rest, allowed, people, approved).score >= t.add)) return rules;
  const category = categoryOf(ex.vector);
  // A post that says the patient's written authorization covers what it shares: the rules read it
  // as one post and drop its story and care (engine/whole-post.ts); the second opinion agrees.
  if (AUTHORIZED.has(category) && statesAuthorization(norm.text)) return rules;
  const severity = BLOCKING.has(category) ? 'block' : 'warn';
  // Relaxed flags clear disclosures only (rules/engine/analyze.ts): a learned warning stays silent.
  if (o.strictness === 'relaxed' && severity !== 'block') return rules;
  const why = explain(norm.text, allowed, people, approved);
  const [start, end] = toOriginal(norm, why.start, why.end);
  const finding: Finding = {
    ruleId: LEARNED_RULE_ID,
    category,
    severity,
    start,
    end,
    actual: text.slice(start, end),
    message: WORDING[category].message,
    suggestion: WORDING[category].suggestion,
    marks: why.marks.map((m) => {
      const [s, e] = toOriginal(norm, m.start, m.end);
      return { start: s, end: e };
    }),
  };
  const findings = mergeFindings([finding], text);
  return { verdict: verdictOf(findings), findings };
}
