/**
 * The top of the popup: is the guard on for this site, and what it thinks of the focused reply.
 */

import type { SiteId } from '@/lib/settings';
import type { PageState } from '@/lib/stores/popup-store';
import type { Verdict } from '@/rules/types';
import { LockedNote } from '../common/LockedNote';

/** Site ids as staff know them. */
export const SITE_NAMES: Record<SiteId, string> = {
  facebook: 'Facebook',
  google: 'Google Business Profile',
  yelp: 'Yelp for Business',
};

/** The guard's state on the page's site, from the settings in force. */
export type GuardState = { kind: 'on' } | { kind: 'paused'; until: number } | { kind: 'off' };

export interface StatusCardProps {
  page: PageState;
  guard: GuardState | null;
  monitorOnly: boolean;
  pauseLocked: boolean;
  siteLocked: boolean;
  onPause(): void;
  onResume(): void;
  onSiteOn(on: boolean): void;
  /** "Copy page structure for a bug report" (issue #10 item 9); absent: not offered. */
  onCopyStructure?(): void;
  /** What happened after copying it. */
  structureNote?: { kind: 'ok' | 'error'; text: string } | null;
}

const VERDICT_TEXT: Record<Verdict, (n: number) => string> = {
  ok: () => 'The reply looks safe to post.',
  warn: (n) => `The reply may confirm someone is a patient (${n} ${n === 1 ? 'issue' : 'issues'}).`,
  block: (n) => `The reply would reveal patient information (${n} ${n === 1 ? 'issue' : 'issues'}).`,
};
const VERDICT_LABEL: Record<Verdict, string> = { ok: 'Safe', warn: 'Check', block: 'Risky' };

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/** Guard state and the focused reply's verdict, with pause and per-site switches. */
export function StatusCard(props: StatusCardProps) {
  const { page, guard } = props;
  if (page.kind === 'loading') {
    return (
      <section className="rg-card rg-status" aria-label="This page">
        <p className="rg-muted">Checking this page…</p>
      </section>
    );
  }
  if (page.kind === 'unsupported') {
    return (
      <section className="rg-card rg-status" aria-label="This page">
        <div className="rg-status-row">
          <span className="rg-pill rg-pill-off">Not watched</span>
        </div>
        <p className="rg-muted">
          Reply Guard works on Facebook, Google Business Profile and Yelp for Business. You can still copy a template
          below.
        </p>
      </section>
    );
  }
  const site = page.kind === 'ready' ? page.status.site : page.site;
  return (
    <section className="rg-card rg-status" aria-label="This page">
      <div className="rg-status-row">
        <strong>{SITE_NAMES[site]}</strong>
        <GuardPill guard={guard} />
      </div>
      {page.kind === 'no-answer' ? (
        <p className="rg-muted">Reply Guard is not running in this tab yet. Reload the page to start it.</p>
      ) : guard?.kind !== 'on' ? (
        <p className="rg-muted">Replies on this site are not being checked.</p>
      ) : page.status.verdict ? (
        <p className={`rg-verdict rg-verdict-${page.status.verdict}`} data-testid="verdict">
          <span className={`rg-pill rg-pill-${page.status.verdict}`}>{VERDICT_LABEL[page.status.verdict]}</span>
          <span>{VERDICT_TEXT[page.status.verdict](page.status.findingCount)}</span>
        </p>
      ) : (
        <p className="rg-muted" data-testid="verdict">
          No reply box in focus. Click into a reply box on the page to check it.
        </p>
      )}
      {page.kind === 'ready' && (page.status.unseenSubmits ?? 0) > 0 && (
        <p className="rg-small rg-verdict-warn" data-testid="unseen-submit">
          The guard may be missing this site's post button: a flagged reply left its box without a post the guard saw.
        </p>
      )}
      {page.kind === 'ready' && props.onCopyStructure && (
        <div className="rg-structure">
          <button type="button" className="rg-link" onClick={props.onCopyStructure}>
            Copy page structure for a bug report
          </button>
          <p
            className={`rg-small ${props.structureNote?.kind === 'error' ? 'rg-feedback-error' : 'rg-muted'}`}
            role={props.structureNote?.kind === 'error' ? 'alert' : undefined}
            aria-live="polite"
          >
            {props.structureNote?.text ?? ''}
          </p>
        </div>
      )}
      {props.monitorOnly && guard?.kind === 'on' && (
        <p className="rg-small rg-muted">Monitor only: risky replies are marked but never held.</p>
      )}
      <GuardControls {...props} siteName={SITE_NAMES[site]} />
    </section>
  );
}

function GuardPill({ guard }: { guard: GuardState | null }) {
  if (!guard) return null;
  if (guard.kind === 'on') return <span className="rg-pill rg-pill-ok">Guard on</span>;
  if (guard.kind === 'paused') return <span className="rg-pill rg-pill-warn">Paused until {time(guard.until)}</span>;
  return <span className="rg-pill rg-pill-off">Off for this site</span>;
}

function GuardControls(props: StatusCardProps & { siteName: string }) {
  const { guard } = props;
  if (!guard) return null;
  return (
    <div className="rg-status-actions">
      {guard.kind === 'paused' && (
        <button type="button" onClick={props.onResume} disabled={props.pauseLocked}>
          Resume now
        </button>
      )}
      {guard.kind === 'on' && (
        <button type="button" onClick={props.onPause} disabled={props.pauseLocked}>
          Pause for 10 minutes
        </button>
      )}
      {guard.kind === 'off' ? (
        <button type="button" onClick={() => props.onSiteOn(true)} disabled={props.siteLocked}>
          Turn on for this site
        </button>
      ) : (
        <button type="button" onClick={() => props.onSiteOn(false)} disabled={props.siteLocked}>
          Turn off for this site
        </button>
      )}
      {(props.pauseLocked || props.siteLocked) && <LockedNote />}
    </div>
  );
}
