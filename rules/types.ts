/**
 * The contract of the rules module (issue #3, shared/spec/detection-policy.md).
 * Pure types: the same code runs in the content script, the CLI and the tests.
 */

/** What posting the reply would do: nothing, confirm a relationship, or disclose PHI. */
export type Verdict = 'ok' | 'warn' | 'block';

/** A finding's weight; a reply's verdict is the heaviest of its findings. */
export type Severity = 'warn' | 'block';

/** The policy's six categories; a finding has exactly one. */
export const CATEGORIES = [
  'confirms-patient-status',
  'care-details',
  'identifiers',
  'defensive-disclosure',
  'staff-gossip',
  'testimonial-without-authorization',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One risky span of the reply, indexed in the original (un-normalized) text. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Inclusive start offset in the original text (UTF-16 code units). */
  start: number;
  /** Exclusive end offset in the original text. */
  end: number;
  /** The text between start and end, as the user typed it. */
  actual: string;
  /** Why this is risky, in plain words for front-desk staff. */
  message: string;
  /** A safer wording, where one exists. */
  suggestion?: string;
  /**
   * Words inside the span that pushed the learned model's score (ruleId 'learned' only), in the
   * original text: the marks the chip underlines more strongly.
   */
  marks?: Array<{ start: number; end: number }>;
}

/** The rule id of a finding added by the learned second opinion (rules/model/; not a rule file). */
export const LEARNED_RULE_ID = 'learned';

/** The verdict on a whole reply. */
export interface Analysis {
  verdict: Verdict;
  findings: Finding[];
  /**
   * Rule findings demoted because the learned model is confident the reply is safe (issue #9).
   * They do not count for the verdict; strict mode never demotes, so there they stay findings.
   */
  hints?: Finding[];
  /**
   * Set when the analysis could not run in full (a rule or the pipeline failed): the findings are
   * what was found before the failure, and an `ok` verdict means "not checked", not "safe". The
   * guard holds such a reply as unchecked (fail closed).
   */
  unchecked?: true;
}

/** A staff member of the practice: their names are never findings. */
export interface StaffMember {
  name: string;
  role?: string;
}

/** The practice's own details: never findings (policy: "the practice's own contact details"). */
export interface PracticeProfile {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  website?: string;
  staff?: StaffMember[];
  /**
   * The practice's own Facebook Pages (names or facebook.com addresses): on Facebook only replies on
   * these Pages, or made as them, are held and logged (issue #10). Empty: every reply composer is.
   */
  facebookPages?: string[];
  /** The practice's Instagram accounts (handles), answered from the Business Suite inbox. */
  instagramAccounts?: string[];
}

/** How eager the guard is. */
export type Strictness = 'relaxed' | 'standard' | 'strict';

/** The user's or the organization's choices that change what is flagged. */
export interface RuleSettings {
  strictness?: Strictness;
  /** Rule ids to skip. */
  disabledRules?: string[];
  /** Practice-specific sensitive terms, flagged as care details when tied to a person. */
  extraTerms?: string[];
  /** Allow the reviewer's first name in a greeting ("Thanks, Maria"); off by default. */
  allowReviewerFirstName?: boolean;
}

/** What the reply answers: the review or comment, and its author's display name. */
export interface ReplyContext {
  reviewText?: string;
  reviewAuthor?: string;
  platform?: 'facebook' | 'google' | 'yelp' | 'other';
}

/** Everything `analyze` may be told besides the text. */
export interface AnalyzeOptions {
  profile?: PracticeProfile;
  settings?: RuleSettings;
  context?: ReplyContext;
  /**
   * The practice's approved replies (its template library, custom templates included), filled in.
   * The learned model reads a reply without the wording it shares with them (besides the seed's
   * templates, which it always sets aside), so what staff add to a template is judged on its own.
   */
  approvedWording?: readonly string[];
}
