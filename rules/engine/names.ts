/** Shared name cues: honorifics and words that look like names but are not people. */

/** An honorific before a name ("Mrs. Whitfield"). */
export const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|mister|sir|madam)\.?\s/i;

/** Capitalized words that open greetings but are not names ("Hi there", "Thanks, team"). */
export const NOT_NAMES = new Set([
  'again',
  'all',
  // Contractions open sentences with a capital: "We're Harmony Hearing, not Harmony Music."
  "here's",
  "i'm",
  "it's",
  "let's",
  "that's",
  "there's",
  "we'll",
  "we're",
  "we've",
  "you're",
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
  'patient',
  'please',
  // "Dear Reviewer", "Dear Valued Customer": a form of address, nobody in particular.
  'reviewer',
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
  'valued',
  'you',
]);

/**
 * A role or title used alone as a form of address: "Thanks, Pastor!", "Congratulations, Chef!".
 * Not a name; with a name after it ("Pastor Ruiz") the name is still judged.
 */
export const TITLE_ALONE = new Set([
  'captain',
  'chef',
  'coach',
  'doc',
  'doctora',
  'nurse',
  'padre',
  'pastor',
  'principal',
  'professor',
  'rabbi',
  'reverend',
  'sarge',
]);

/**
 * Words that end the name of a business, school or organization ("Sharma Family Dental", "Grace
 * Fellowship", "Willow Creek Hospice", "Lincoln Elementary"): the words before them are not a
 * person. Checked on the last word of a name and on the word right after it.
 */
export const ORG_WORD =
  /^(?:dental|dentistry|orthodontics|pediatrics|dermatology|chiropractic|optical|optometry|vision|eyecare|hearing|audiology|pharmacy|clinic|clinics|hospice|hospital|medical|health|healthcare|wellness|counseling|recovery|fertility|therapy|rehab|physio|surgery|surgical|associates|group|center|centre|institute|foundation|fellowship|church|ministries|parish|school|elementary|academy|college|university|library|bakery|cafe|restaurant|grill|kitchen|market|salon|spa|studio|gym|fitness|club|association|society|league|council|chamber|county|city|bank|inc|llc|co|company|locations?|offices?|campus)$/i;

/** A capitalized name of one to three words, optionally with an honorific or an initial. */
export const NAME_SOURCE =
  "(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}\\.(?!\\p{L})|\\s+\\p{Lu}[\\p{L}'-]*){0,2}";
