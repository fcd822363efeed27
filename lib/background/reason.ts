/**
 * What the log keeps of a reason (issue #11): the staff member's own words, kept in every text
 * mode, but in redacted and none modes with what the rules flag masked, since a reason often
 * repeats what the reply said ("Maria agreed we could mention her root canal").
 *
 * The rules engine is not part of the service worker: it would make every wake of the worker
 * ~7 times slower (measured: median 110 ms → 830 ms). The sender runs the rules where they are
 * already loaded (the guard's engine in the page, the options page) and sends the flagged spans
 * (`reasonSpans`, see lib/guard/log.ts reasonSpans). Without spans the background fails closed
 * with a conservative mask of its own: every capitalised word that does not start a sentence,
 * every number, e-mail address and handle, and every word of a small list of care terms.
 */
import type { LogTextMode } from '@/lib/settings';
import { maskSpans, REDACTION_MARK } from './chain';

/** Care words a reason without the rules' spans never keeps (lowercase; a short, common list). */
const CARE_WORDS =
  /\b(appointment|visit|visited|patient|treatment|treated|surgery|procedure|diagnos\w*|prescri\w*|medication|therapy|root canal|crown|filling|implant|extraction|cleaning|exam|x-?rays?|cancer|diabetes|pregnan\w*|infection|injury|pain|sore|chart|records?|test results?|results)\b/gi;

/** The spans a conservative mask hides in `text` (no rules: names, numbers, contacts, care words). */
export function conservativeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const add = (re: RegExp, keep?: (m: RegExpExecArray) => boolean) => {
    for (let m = re.exec(text); m; m = re.exec(text)) if (!keep?.(m)) spans.push([m.index, m.index + m[0].length]);
  };
  add(/[\w.+-]+@[\w-]+(\.[\w-]+)+|@\w+/g);
  add(/\d[\d\s().\-/:]*\d|\d/g);
  // A capitalised word is a name unless it starts a sentence (or is "I").
  add(/\b\p{Lu}[\p{L}'’-]*/gu, (m) => {
    if (m[0] === 'I') return true;
    const before = text.slice(0, m.index).trimEnd();
    return before === '' || /[.!?]$/.test(before);
  });
  add(CARE_WORDS);
  return spans;
}

/**
 * The reason as the log keeps it. Full mode: as typed. Redacted / none: the rules' spans masked
 * when the sender gave them (an empty list: the rules found nothing), else the conservative mask.
 */
export function reasonForLog(
  reason: string,
  mode: LogTextMode,
  spans?: ReadonlyArray<readonly [number, number]>,
): string {
  const text = reason.slice(0, 2000);
  if (mode === 'full' || !text.trim()) return text;
  const masked = maskSpans(text, spans ?? conservativeSpans(text));
  // Collapse runs of marks so the shape of what was hidden leaks nothing.
  return masked.replaceAll(`${REDACTION_MARK} ${REDACTION_MARK}`, REDACTION_MARK);
}
