import { useMemo } from 'react';
import { type Checkpoint, checkpointText } from '@/lib/audit/checkpoint';
import type { Draft } from '@/lib/dashboard/drafts';
import { RESULT_WORDS } from '@/lib/dashboard/drafts';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { fmtDuration, GUARD_OFF_WORDS } from '@/lib/dashboard/guard-off';
import {
  auditReport,
  CATEGORY_LABELS,
  type GroupRow,
  OUTCOME_LABELS,
  type Quarter,
  UNSEEN_HINT,
} from '@/lib/dashboard/stats';
import type { SourceStatus } from '@/lib/dashboard/store';
import { trustLabel } from '@/lib/dashboard/trust';
import { fmtNum, fmtTime, pct, plural, SITE_LABELS } from './format';

/** A CSS string literal holding `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`);
  return `"${clean}"`;
}

/** One checkpoint line for the report: whose log, its head, and how it checked. */
export interface ReportCheckpoint {
  label: string;
  checkpoint: Checkpoint;
  note: string;
}

/**
 * The printable quarterly audit report (issue #11): one page of summary (replies caught,
 * stopped, posted anyway by reason, unchecked, the guard switched off and for how long, by site
 * and by staff member, the log's checkpoint), then an appendix with every reply to follow up.
 * Every printed page carries the practice, the quarter and its page number (@page margin boxes,
 * which Chromium prints since version 131; verified with a PDF in tests/e2e/dashboard-report.spec.ts).
 */
export function AuditReport(props: {
  records: readonly ViewRecord[];
  quarters: Quarter[];
  quarterKey: string;
  onQuarter: (key: string) => void;
  chain: SourceStatus[] | null;
  checkpoints: ReportCheckpoint[];
  /** The practice's name; null while the profile is still loading (printing waits for it). */
  practice: string | null;
  now?: number;
}) {
  const now = props.now ?? Date.now();
  const q = props.quarters.find((x) => x.key === props.quarterKey) ?? props.quarters[0]!;
  const r = useMemo(() => auditReport(props.records, q, now), [props.records, q, now]);
  if (props.practice === null) {
    return <p className="rg-loading">Loading the practice profile…</p>;
  }
  const practice = props.practice || 'Practice name not set';
  const integrity = props.chain
    ?.map((c) => {
      const who = c.imported ? `${c.workstation} (imported)` : `This browser (${c.workstation})`;
      if (!c.status.ok) return `${who}: ALTERED from record #${c.brokenSeq}`;
      if (c.imported && c.trust !== 'verified') return `${who}: records link up, but ${trustLabel(c.trust, c.keyId)}`;
      return `${who}: verified, ${plural(c.status.checked, 'record')}`;
    })
    .join('; ');
  const own = props.checkpoints[0]?.checkpoint;
  const footer = own ? `Checkpoint ${own.workstation} #${own.seq} sha256:${own.hash.slice(0, 16) || '-'}…` : '';
  // The running header and footer of every printed page. Chromium prints @page margin boxes
  // (since 131), with the page counters a fixed footer cannot have.
  const pageCss = `@media print { @page {
  @top-left { content: ${cssString(`${practice} · ${q.short} audit report`)}; }
  @top-right { content: ${cssString('Reply Guard · confidential')}; }
  @bottom-left { content: ${cssString(footer)}; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); }
} }`;
  const confirms = r.byCategory.find((c) => c.category === 'confirms-patient-status');
  return (
    <article className="rg-report" aria-labelledby="rg-report-title">
      <style>{pageCss}</style>
      <div className="rg-report-controls rg-noprint">
        <label className="rg-field">
          <span>Quarter</span>
          <select value={q.key} onChange={(e) => props.onQuarter(e.currentTarget.value)}>
            {props.quarters.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print report
        </button>
      </div>

      <section className="rg-report-summary" aria-label="Summary">
        <header className="rg-report-head">
          <h2 id="rg-report-title">Quarterly audit report: {q.short}</h2>
          <p className="rg-report-sub">
            <strong data-testid="report-practice">{practice}</strong> · Replies to reviews and comments · {q.label}
          </p>
          <p className="rg-muted rg-small">
            Generated {fmtTime(now)} from the Reply Guard log
            {r.workstations.length ? ` of ${r.workstations.join(', ')}` : ''}. Log integrity:{' '}
            {integrity ?? 'being checked'}.
          </p>
        </header>

        <ul className="rg-report-figures">
          <Figure n={r.checked} label="replies checked" />
          <Figure n={r.caught} label="risky replies caught" />
          <Figure n={r.prevented} label={`stopped before posting (${pct(r.prevented, r.caught)})`} />
          <Figure n={r.overridden} label="posted anyway with a reason" />
          <Figure n={r.postedRisky} label="posted in monitor-only mode" />
          <Figure n={r.unchecked} label="could not be checked" />
          {r.unseen > 0 && <Figure n={r.unseen} label="possible missed posts" />}
        </ul>

        <dl className="rg-qa">
          <dt>Has anyone confirmed patient status publicly?</dt>
          <dd>
            {r.confirmedPublicly === 0
              ? `No reply flagged for confirming someone is a patient went out. ${fmtNum(confirms?.caught ?? 0)} such replies were caught.`
              : `${fmtNum(r.confirmedPublicly)} ${r.confirmedPublicly === 1 ? 'reply' : 'replies'} flagged for confirming someone is a patient went out; see the appendix.`}
            {r.unseen > 0 ? ` ${UNSEEN_HINT}: ${plural(r.unseen, 'flagged reply')} left the box unseen.` : ''}
          </dd>
          <dt>Are responses following protocol and templates?</dt>
          <dd>
            {r.caught === 0
              ? 'No risky replies were caught.'
              : `${pct(r.prevented, r.caught)} of risky replies were corrected before posting; ${fmtNum(r.templates)} used an approved template.`}
            {r.byCategory.length > 0 &&
              ` Flagged for: ${r.byCategory.map((c) => `${c.label.toLowerCase()} ${fmtNum(c.caught)}`).join(', ')}.`}
          </dd>
        </dl>

        <div className="rg-report-grid">
          <div>
            <h3>Posted anyway, by reason</h3>
            {r.reasons.length ? (
              <table className="rg-report-table" aria-label="Overrides by reason">
                <tbody>
                  {r.reasons.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">{x.reason}</th>
                      <td>{fmtNum(x.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>No reply was posted over a warning.</p>
            )}
          </div>
          <div>
            <h3>Guard switched off</h3>
            {r.guardOffTotals.length ? (
              <table className="rg-report-table" aria-label="Guard switched off">
                <tbody>
                  {r.guardOffTotals.map((t) => (
                    <tr key={`${t.kind}:${t.site}`}>
                      <th scope="row">
                        {GUARD_OFF_WORDS[t.kind]}
                        {t.site !== 'all' ? `: ${SITE_LABELS[t.site] ?? t.site}` : ''}
                      </th>
                      <td>
                        {plural(t.times, 'time')}, {fmtDuration(t.ms)}
                        {t.open ? ' (still off)' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>The guard was on all quarter.</p>
            )}
            {r.changes.length > 0 && (
              <p className="rg-small">
                Other changes logged: {r.changes.map((c) => `${c.label.toLowerCase()} ${fmtNum(c.count)}`).join(', ')}.
              </p>
            )}
          </div>
          <div>
            <h3>By site</h3>
            <GroupTable rows={r.bySite.map((g) => ({ ...g, name: SITE_LABELS[g.name] ?? g.name }))} head="Site" />
          </div>
          <div>
            <h3>By staff member</h3>
            <GroupTable rows={r.byStaff} head="Staff member" />
          </div>
        </div>

        <div className="rg-report-checkpoints">
          <h3>Log checkpoint</h3>
          {props.checkpoints.length ? (
            <ul>
              {props.checkpoints.map((c) => (
                <li key={c.label}>
                  {c.label}: {plural(c.checkpoint.records, 'record')} held, newest #{c.checkpoint.seq}
                  {c.note ? ` (${c.note})` : ''}
                  <br />
                  <code data-testid="report-checkpoint">{checkpointText(c.checkpoint)}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p>Reading the checkpoint…</p>
          )}
          <p className="rg-small rg-muted">
            Keep this page. "Verify against a checkpoint" on the dashboard shows any record missing or changed since.
          </p>
        </div>

        <footer className="rg-signoff">
          <span>Reviewed by: ________________________</span>
          <span>Date: ____________</span>
          <span>Actions agreed: ________________________________</span>
        </footer>
      </section>

      <section className="rg-report-appendix" aria-labelledby="rg-appendix-title">
        <h3 id="rg-appendix-title">Appendix: each flagged or overridden reply</h3>
        <p className="rg-small rg-muted">
          Replies, not records: a reply edited and then posted anyway appears once, as posted anyway. Text as the log
          settings kept it.
        </p>
        <h4>To follow up: went out, or may have ({fmtNum(r.followUp.length)})</h4>
        <DraftTable drafts={r.followUp} empty="None this quarter." />
        <h4>Stopped before posting ({fmtNum(r.stopped.length)})</h4>
        <DraftTable drafts={r.stopped} empty="None this quarter." />
        {r.guardOff.length > 0 && (
          <>
            <h4>When the guard was off</h4>
            <table className="rg-report-table rg-appendix-table">
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">For</th>
                  <th scope="col">What</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Staff</th>
                  <th scope="col">Workstation</th>
                </tr>
              </thead>
              <tbody>
                {r.guardOff.map((s) => (
                  <tr key={`${s.workstation}:${s.kind}:${s.site}:${s.start}`}>
                    <td className="rg-nowrap">{fmtTime(s.start)}</td>
                    <td>
                      {fmtDuration(s.end - s.start)}
                      {s.open ? ' (still off)' : ''}
                    </td>
                    <td>
                      {GUARD_OFF_WORDS[s.kind]}
                      {s.site !== 'all' ? `: ${SITE_LABELS[s.site] ?? s.site}` : ''}
                    </td>
                    <td>{s.reason || '—'}</td>
                    <td>{s.staff || '(not set)'}</td>
                    <td>{s.workstation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </article>
  );
}

function Figure({ n, label }: { n: number; label: string }) {
  return (
    <li>
      <strong>{fmtNum(n)}</strong> {label}
    </li>
  );
}

/** Safe to link: only web addresses (a record's link came from a page). */
const webLink = (link: string | undefined) => (link && /^https:\/\//i.test(link) ? link : '');

/** The path a draft took, e.g. "Edited → Posted anyway". */
function path(d: Draft): string {
  const steps = d.records.map((x) => OUTCOME_LABELS[x.outcome]);
  return steps.filter((s, i) => s !== steps[i - 1]).join(' → ');
}

function DraftTable({ drafts, empty }: { drafts: Draft[]; empty: string }) {
  if (!drafts.length) return <p className="rg-small">{empty}</p>;
  return (
    <table className="rg-report-table rg-appendix-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Site · reviewer</th>
          <th scope="col">Reply</th>
          <th scope="col">Findings</th>
          <th scope="col">Outcome</th>
          <th scope="col">Reason</th>
          <th scope="col">Staff</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d) => {
          const m = d.main;
          const link = webLink(m.link);
          return (
            <tr key={d.key} data-result={d.result}>
              <td className="rg-nowrap">{fmtTime(m.time)}</td>
              <td>
                {SITE_LABELS[m.site] ?? m.site}
                {m.reviewer ? ` · ${m.reviewer}` : ''}
                {link && (
                  <>
                    {' '}
                    <a href={link} target="_blank" rel="noreferrer noopener">
                      open review
                    </a>
                  </>
                )}
              </td>
              <td className="rg-reply-cell">{m.text || '(text not kept)'}</td>
              <td>{d.categories.map((c) => CATEGORY_LABELS[c]).join(', ') || '—'}</td>
              <td>
                {RESULT_WORDS[d.result]}
                {d.records.length > 1 ? <span className="rg-muted"> ({path(d)})</span> : null}
                {d.result === 'unseen' ? <span className="rg-muted"> {UNSEEN_HINT}.</span> : null}
              </td>
              <td>{m.reason || '—'}</td>
              <td>{m.staff || '(not set)'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function GroupTable({ rows, head }: { rows: GroupRow[]; head: string }) {
  if (!rows.length) return <p>No replies.</p>;
  return (
    <table className="rg-report-table" aria-label={`By ${head.toLowerCase()}`}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Checked</th>
          <th scope="col">Caught</th>
          <th scope="col">Stopped</th>
          <th scope="col">Posted anyway</th>
          <th scope="col">Unchecked</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.name}>
            <th scope="row">{g.name}</th>
            <td>{fmtNum(g.checked)}</td>
            <td>{fmtNum(g.caught)}</td>
            <td>{fmtNum(g.prevented)}</td>
            <td>{fmtNum(g.overridden + g.postedRisky)}</td>
            <td>{fmtNum(g.unchecked)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
