/**
 * Wording that says a patient's written authorization covers a post (policy category 6 is a
 * testimonial WITHOUT authorization; rules/testimonial.ts flags the rest).
 */

/** A written or signed permission, in English or Spanish ("Maya's written permission", "autorización firmada"). */
const WRITTEN_PERMISSION =
  /\b(?:(?:written|signed)\s(?:(?:photo|media|hipaa)\s)?(?:permission|authori[sz]ation|consent|release)|agreed in writing|autorizaci[oó]n\s(?:por\s)?escrit[oa]|autorizaci[oó]n\sfirmada|permiso\s(?:por\s)?escrito|consentimiento\s(?:por\s)?escrito)\b/giu;
/** Sharing, posting or publishing, not negated ("nunca se han publicado" is a rebuttal). */
const SHARE =
  /\b(?:shar(?:e|ed|ing)|post(?:ed|ing)?|publish(?:ed|ing)?|featur(?:e|ed|ing)|compart(?:ir|id[oa]s?|imos|e|en)|public(?:ar|ad[oa]s?|amos))\b/giu;
const NEGATED = /\b(?:never|not|no|nunca|jam[aá]s|no se ha[n]?|sin)\s(?:\p{L}+\s){0,2}$/iu;

/**
 * The post says the patient's written authorization covers what it shares: "Shared with Maya and
 * Theo's written permission", "With the Danforth family's signed authorization, we're thrilled to
 * share...", "Publicado con su autorización por escrito". The policy's category is a testimonial
 * WITHOUT authorization, and the seed's process is exactly this (a signed release, then the post),
 * so such a post is not flagged for the story, the names or the care it tells (the reply-wide
 * filter in analyze.ts). A rebuttal that cites a signed consent ("you signed the consent for...",
 * "the photos were taken with your signed authorization and never published") shares nothing: the
 * permission must sit next to a share, post or publish that is not negated.
 */
export function statesAuthorization(text: string): boolean {
  WRITTEN_PERMISSION.lastIndex = 0;
  for (let m = WRITTEN_PERMISSION.exec(text); m; m = WRITTEN_PERMISSION.exec(text)) {
    const from = Math.max(0, m.index - 80);
    const window = text.slice(from, m.index + m[0].length + 80);
    SHARE.lastIndex = 0;
    for (let s = SHARE.exec(window); s; s = SHARE.exec(window)) {
      if (!NEGATED.test(window.slice(0, s.index))) return true;
    }
  }
  return false;
}
