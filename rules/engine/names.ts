/** Shared name cues: honorifics and words that look like names but are not people. */

/** An honorific before a name ("Mrs. Whitfield"). */
export const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|mister|sir|madam)\.?\s/i;

/** Capitalized words that open greetings but are not names ("Hi there", "Thanks, team"). */
export const NOT_NAMES = new Set([
  'again',
  'all',
  'everybody',
  'everyone',
  'folks',
  'friend',
  'friends',
  'guys',
  'hun',
  'honey',
  'love',
  'neighbor',
  'neighbors',
  'sir',
  'so',
  'team',
  'there',
  'thanks',
  'thank',
  'we',
  'you',
  "y'all",
  'yall',
]);

/** A capitalized name of one to three words, optionally with an honorific or an initial. */
export const NAME_SOURCE =
  "(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}\\.(?!\\p{L})|\\s+\\p{Lu}[\\p{L}'-]*){0,2}";
