/** Safer wordings offered as suggestions; adapted from the seed's approved templates (lines 81, 105-106). */

/** For positive reviews: thanks without confirming anything. */
export const SAFE_THANKS =
  "Thank you for your feedback! We're glad to hear about your positive experience. Please reach out to our office directly if you have any questions.";

/** For complaints: invite a private conversation. */
export const SAFE_PRIVATE =
  'We appreciate you raising this and want to help. Please call our office directly so we can talk it through privately.';

/** For a greeting that names the reviewer. */
export const SAFE_GREETING = 'Start with "Thank you for your feedback" instead of a name.';
