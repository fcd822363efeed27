/** Shared name cues: honorifics and words that look like names but are not people. */

/** An honorific before a name ("Mrs. Whitfield"). */
export const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|mister|sir|madam)\.?\s/i;

/** Capitalized words that open greetings but are not names ("Hi there", "Thanks, team"). */
export const NOT_NAMES = new Set([
  'again',
  'all',
  'aww',
  'congrats',
  'congratulations',
  'dad',
  'dear',
  'doctor',
  'dr',
  'everybody',
  'everyone',
  'folks',
  'friend',
  'friends',
  'glad',
  'good',
  'great',
  'guys',
  'happy',
  'hello',
  'hey',
  'hi',
  'hiya',
  'honey',
  'hooray',
  'hope',
  'howdy',
  'hun',
  'love',
  'mom',
  'neighbor',
  'neighbors',
  'our',
  'please',
  'sir',
  'so',
  'sorry',
  'team',
  'thank',
  'thanks',
  'that',
  'the',
  'there',
  'this',
  'we',
  'welcome',
  'wow',
  "y'all",
  'yall',
  'yay',
  'you',
]);

/** A capitalized name of one to three words, optionally with an honorific or an initial. */
export const NAME_SOURCE =
  "(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}\\.(?!\\p{L})|\\s+\\p{Lu}[\\p{L}'-]*){0,2}";
