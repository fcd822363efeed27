/**
 * Flags record, chart, account, member, policy or claim numbers and card digits
 * ("your chart number is 00471-B", "member ID WXT-558201", "card ending in 4421").
 */
import type { RuleFinding, SentenceRule } from './engine/rule';

const MSG = 'This publishes a record or account number. Those are HIPAA identifiers.';

/** A labelled identifier with at least one digit. */
export const RECORD =
  /\b(?:chart|record|medical record|mrn|account|acct|member|membership|patient|policy|claim|plan|subscriber|group|case|file|invoice|reference|ref|confirmation|prescription|rx|order|ticket|tracking)\s{0,2}(?:number|no\.?|num|#|id)?\s{0,2}(?:is|was|:|#)?\s{0,2}\(?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}\)?/gi;
/** Payment card digits. */
export const CARD =
  /\b(?:card|visa|mastercard|amex|account) (?:ending|ending in|that ends in|ending with|last four|x+)\s*(?:in\s*)?\d{4}\b/gi;

const rule: SentenceRule = {
  id: 'record-number',
  description: 'A chart, account, member, policy or claim number, or card digits.',
  rationale: 'Record, account and plan numbers are HIPAA identifiers.',
  category: 'identifiers',
  defaultSeverity: 'warn',
  scope: 'sentence',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const re of [RECORD, CARD]) {
      re.lastIndex = 0;
      for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
        // Plain small numbers ("plan 2024", "case 1") are years or counts, not identifiers.
        if (re === RECORD && /^\D*(?:19|20)\d\d\D*$/.test(m[0].replace(/^\D+/, ''))) continue;
        // A raffle's winning ticket is drawn for everyone, not a patient's record.
        if (/^ticket/i.test(m[0]) && /\b(?:raffle|drawing|giveaway|winner|winning|sorteo|rifa|ganador)/i.test(ctx.text))
          continue;
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          message: MSG,
          suggestion: 'Remove the number; share it only by phone or the patient portal.',
        });
      }
    }
    return out;
  },
  examples: {
    flag: [
      'Your account number is 88120-44.',
      'We refunded the card ending in 9931.',
      'Claim #A77310 was resubmitted.',
    ],
    pass: [
      // A raffle's winning ticket.
      'Drawing the winner of our summer raffle live: ticket #0472! DM us to claim it.',
      // A year, not an identifier.
      'Our membership plan launched in 2024.',
      // Counts.
      'We accept most plans, including Medicare.',
    ],
  },
};

export default rule;
