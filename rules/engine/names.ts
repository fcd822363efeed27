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
  'reviewer',
  "we're",
  'doc',
]);

/**
 * A role or title used alone as a form of address: "Thanks, Pastor!", "Congratulations, Chef!".
 * No name, so no identifier; with a name after it ("Coach Reggie", "Reverend and Mrs. Okoro") the
 * name is still judged.
 */
export const TITLE_ALONE = new Set(['chef', 'coach', 'padre', 'pastor', 'principal', 'professor', 'rabbi', 'reverend']);

/**
 * Last words of a business, school or organization's name ("Sharma Family Dental", "Grace
 * Fellowship", "Lincoln Elementary"): the capitalized words before them are not a person.
 */
export const ORG_WORD =
  /^(?:dental|dentistry|orthodontics|pediatrics|dermatology|chiropractic|optical|optometry|vision|eyecare|hearing|audiology|pharmacy|clinic|hospice|hospital|medical|health|healthcare|wellness|counseling|recovery|fertility|therapy|rehab|surgery|associates|group|center|centre|institute|foundation|fellowship|church|ministries|parish|school|elementary|academy|college|university|library|bakery|cafe|restaurant|grill|kitchen|market|salon|spa|studio|gym|fitness|club|association|society|league|council|chamber|bank|inc|llc|company|blvd|boulevard|street|avenue|ave|road|rd|lane|highway|hwy)$/i;

/** A capitalized name of one to three words, optionally with an honorific or an initial. */
export const NAME_SOURCE =
  "(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}\\.(?!\\p{L})|\\s+\\p{Lu}[\\p{L}'-]*){0,2}";
