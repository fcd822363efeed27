/**
 * Flags clinical shorthand pasted or typed into a reply: "pt seen 3/4, dx strep, rx amox BID".
 * Chart notes written in abbreviations are a record of one person's care; no vocabulary list
 * of full words catches them, and a reply never needs them.
 */
import type { RuleFinding, SentenceRule } from './engine/rule';
import { SAFE_PRIVATE } from './engine/wording';

const MSG = 'This reads like a chart note about a patient. Chart details must never appear in a public reply.';

// Chart abbreviations. "PT" in capitals is physical therapy (a service), so "pt" counts only in
// lower or title case; "Rx" alone is a pharmacy sign, so two different abbreviations are needed.
const ABBREV =
  /(?<![\p{L}/])(?:[Pp]ts?|dx|Dx|DX|rx|Rx|RX|hx|Hx|HX|sx|Sx|tx|Tx|s\/p|S\/P|f\/u|F\/U|c\/o|C\/O|bid|BID|tid|TID|qid|QID|qhs|QHS|prn|PRN|npo|NPO|y\/o)(?![\p{L}/])/gu;

const rule: SentenceRule = {
  id: 'chart-shorthand',
  description: 'Clinical chart shorthand (pt, dx, rx, hx, s/p, BID ...) in a reply: a note about a patient.',
  rationale: 'Chart notes are PHI by definition: diagnosis, medication and dates of one person, whatever the wording.',
  category: 'care-details',
  defaultSeverity: 'block',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    const kinds = new Set<string>();
    let first = -1;
    let last = -1;
    ABBREV.lastIndex = 0;
    for (let m = ABBREV.exec(ctx.text); m; m = ABBREV.exec(ctx.text)) {
      kinds.add(m[0].toLowerCase().replace(/s$/, ''));
      if (first < 0) first = m.index;
      last = m.index + m[0].length;
    }
    if (kinds.size >= 2) out.push({ start: first, end: last, message: MSG, suggestion: SAFE_PRIVATE });
    return out;
  },
  examples: {
    flag: ['pt c/o knee pain x2 wks, rx naproxen BID', 'Hx of migraines, tx plan updated at f/u'],
    pass: [
      // One pharmacy sign, no chart note.
      'Rx refills are ready for pickup after 2 pm.',
      // "PT" in capitals is the physical therapy service, and "Rx" alone is the pharmacy.
      'Our PT and Rx counters open at 8.',
    ],
  },
};

export default rule;
