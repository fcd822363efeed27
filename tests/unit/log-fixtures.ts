/** Shared fixtures for the log tests: a fresh database each, and inputs. */
import { LogDb } from '@/lib/db';
import type { InteractionInput } from '@/lib/log-record';
import { DEFAULT_SETTINGS, type LogTextMode, type Settings } from '@/lib/settings';

let n = 0;
/** A new, empty log database with a unique name. */
export function freshDb(): LogDb {
  n++;
  return new LogDb(`log-test-${n}-${Math.random().toString(36).slice(2)}`);
}

/** Settings for appends. */
export function logSettings(
  textMode: LogTextMode = 'full',
  retentionDays = 400,
): Pick<Settings, 'log' | 'staffMember'> {
  return { log: { ...DEFAULT_SETTINGS.log, textMode, retentionDays }, staffMember: 'Dana (front desk)' };
}

/** A risky reply that was held and then edited. */
export function input(over: Partial<InteractionInput> = {}): InteractionInput {
  return {
    site: 'google',
    pageKind: 'review-reply',
    url: 'https://business.google.com/reviews/l/123?hl=en&review=abc#reply',
    verdict: 'block',
    categories: ['confirms-patient-status', 'care-details'],
    rules: ['visit-confirmation', 'procedure-mention'],
    outcome: 'edited',
    text: 'Hi Maria, glad your root canal on Tuesday went well!',
    spans: [
      [15, 30],
      [34, 41],
    ],
    durationMs: 4200,
    ...over,
  };
}
