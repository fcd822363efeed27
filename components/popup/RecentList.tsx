/** The last few interactions the guard logged, with the way to the full dashboard. */
import { type InteractionRecord, OUTCOME_WORDS, type Outcome } from '@/lib/log-record';
import type { RecentState } from '@/lib/stores/popup-store';
import { SITE_NAMES } from './StatusCard';

const OUTCOME_TEXT: Record<Outcome, string> = {
  ...OUTCOME_WORDS,
  posted: 'Posted',
  edited: 'Edited before posting',
  replaced: 'Replaced with a template',
  overridden: 'Posted anyway',
  abandoned: 'Not posted',
};

function ago(ms: number, now: number): string {
  const min = Math.round((now - ms) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(ms).toLocaleDateString();
}

export interface RecentListProps {
  recent: RecentState;
  now: number;
  onOpenDashboard(): void;
}

/** Recent interactions, or a calm empty state when there are none or the log cannot answer. */
export function RecentList({ recent, now, onOpenDashboard }: RecentListProps) {
  return (
    <section className="rg-recent" aria-labelledby="rg-recent-h">
      <div className="rg-section-head">
        <h2 id="rg-recent-h">Recent activity</h2>
        <button type="button" className="rg-link" onClick={onOpenDashboard}>
          Open dashboard
        </button>
      </div>
      {recent.kind === 'loading' && <p className="rg-muted">Loading…</p>}
      {recent.kind === 'error' && <p className="rg-muted">Recent activity will show here once replies are checked.</p>}
      {recent.kind === 'ready' && recent.records.length === 0 && <p className="rg-muted">No replies checked yet.</p>}
      {recent.kind === 'ready' && recent.records.length > 0 && (
        <ul className="rg-recent-list">
          {recent.records.map((r: InteractionRecord) => (
            <li key={r.id}>
              <span className={`rg-dot rg-dot-${r.verdict}`} aria-hidden="true" />
              <span className="rg-recent-main">
                <span>{OUTCOME_TEXT[r.outcome] ?? r.outcome}</span>
                <span className="rg-small rg-muted">
                  {SITE_NAMES[r.site as keyof typeof SITE_NAMES] ?? r.site} ·{' '}
                  {r.verdict === 'ok' ? 'safe' : r.verdict === 'warn' ? 'flagged' : 'risky'}
                </span>
              </span>
              <time className="rg-small rg-muted" dateTime={new Date(r.time).toISOString()}>
                {ago(r.time, now)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
