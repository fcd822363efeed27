import { useMemo } from 'react';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { auditReport, type GroupRow, type Quarter } from '@/lib/dashboard/stats';
import type { SourceStatus } from '@/lib/dashboard/store';
import { fmtDate, fmtNum, fmtTime, pct, plural, SITE_LABELS } from './format';

/**
 * The printable quarterly audit report: the seed's audit questions ("Check social media
 * interactions", "Examine testimonial and review practices") answered from the log.
 */
export function AuditReport(props: {
  records: readonly ViewRecord[];
  quarters: Quarter[];
  quarterKey: string;
  onQuarter: (key: string) => void;
  chain: SourceStatus[] | null;
  practice: string;
  now?: number;
}) {
  const q = props.quarters.find((x) => x.key === props.quarterKey) ?? props.quarters[0]!;
  const r = useMemo(() => auditReport(props.records, q), [props.records, q]);
  const integrity = props.chain
    ?.map((c) =>
      c.status.ok
        ? `${c.imported ? c.workstation : 'This browser'}: verified (${plural(c.status.checked, 'record')})`
        : `${c.imported ? c.workstation : 'This browser'}: ALTERED from record #${c.brokenSeq}`,
    )
    .join('; ');
  const wentOutConfirm = r.confirmedPublicly.length;
  return (
    <article className="rg-report" aria-labelledby="rg-report-title">
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

      <header className="rg-report-head">
        <h2 id="rg-report-title">Quarterly audit report</h2>
        <p className="rg-report-sub">
          {props.practice ? `${props.practice} · ` : ''}Social media review and comment replies · {q.label}
        </p>
        <p className="rg-muted">
          Generated {fmtTime(props.now ?? Date.now())} by Reply Guard from the interaction log
          {r.workstations.length ? ` of ${r.workstations.join(', ')}` : ''}. Log integrity:{' '}
          {integrity ?? 'being checked'}.
        </p>
      </header>

      <section>
        <h3>At a glance</h3>
        <ul className="rg-report-figures">
          <li>
            <strong>{fmtNum(r.total)}</strong> replies checked
          </li>
          <li>
            <strong>{fmtNum(r.risky)}</strong> risky replies caught
          </li>
          <li>
            <strong>{fmtNum(r.prevented)}</strong> stopped before posting ({pct(r.prevented, r.risky)})
          </li>
          <li>
            <strong>{fmtNum(r.overridden)}</strong> posted anyway with a reason
          </li>
          <li>
            <strong>{fmtNum(r.templates)}</strong> replaced with an approved template
          </li>
        </ul>
      </section>

      <section>
        <h3>Audit questions</h3>
        <dl className="rg-qa">
          <dt>Are responses complying with protocols?</dt>
          <dd>
            {r.total === 0
              ? 'No replies were logged this quarter.'
              : `${pct(r.total - r.overridden - r.postedRisky, r.total)} of the ${fmtNum(r.total)} replies checked were either clean or corrected before posting. ${fmtNum(r.overridden)} went out after an override${r.postedRisky ? ` and ${fmtNum(r.postedRisky)} risky replies were posted while the guard was in monitor-only mode` : ''}.`}
          </dd>
          <dt>Has anyone inadvertently confirmed patient status publicly?</dt>
          <dd>
            {wentOutConfirm === 0
              ? `No reply that confirms someone is a patient was posted. ${fmtNum(r.byCategory.find((c) => c.category === 'confirms-patient-status')?.caught ?? 0)} such replies were caught and stopped or changed.`
              : `${fmtNum(wentOutConfirm)} posted ${wentOutConfirm === 1 ? 'reply' : 'replies'} may confirm that someone is a patient; each is listed below for follow-up.`}
          </dd>
          <dt>Are responses following templates?</dt>
          <dd>
            {r.risky === 0
              ? 'No risky replies were caught, so no template was needed.'
              : `${fmtNum(r.templates)} of ${fmtNum(r.risky)} risky replies (${pct(r.templates, r.risky)}) were replaced with an approved template; ${fmtNum(r.riskyByOutcome.find((o) => o.outcome === 'edited')?.count ?? 0)} were rewritten by staff.`}
          </dd>
          <dt>Are staff personal accounts creating risks?</dt>
          <dd>
            Not answerable from this log: it covers replies written in browsers where Reply Guard runs. Check personal
            accounts separately.
          </dd>
        </dl>
      </section>

      <section>
        <h3>Risky replies caught and how they ended</h3>
        <table className="rg-report-table">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Replies</th>
            </tr>
          </thead>
          <tbody>
            {r.riskyByOutcome.map((o) => (
              <tr key={o.outcome}>
                <th scope="row">{o.label}</th>
                <td>{fmtNum(o.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.byCategory.length > 0 && (
          <table className="rg-report-table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Caught</th>
                <th scope="col">Went out anyway</th>
              </tr>
            </thead>
            <tbody>
              {r.byCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.label}</th>
                  <td>{fmtNum(c.caught)}</td>
                  <td>{fmtNum(c.wentOut)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h3>Overrides and their reasons</h3>
        {r.overrides.length ? (
          <>
            <table className="rg-report-table">
              <thead>
                <tr>
                  <th scope="col">Reason given</th>
                  <th scope="col">Overrides</th>
                </tr>
              </thead>
              <tbody>
                {r.reasons.map((x) => (
                  <tr key={x.reason}>
                    <th scope="row">{x.reason}</th>
                    <td>{fmtNum(x.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <RecordList records={r.overrides} />
          </>
        ) : (
          <p>No reply was posted over a warning this quarter.</p>
        )}
      </section>

      {wentOutConfirm > 0 && (
        <section>
          <h3>Posted replies that may confirm patient status</h3>
          <RecordList records={r.confirmedPublicly} />
        </section>
      )}

      <section className="rg-report-split">
        <div>
          <h3>By site</h3>
          <GroupTable rows={r.bySite.map((g) => ({ ...g, name: SITE_LABELS[g.name] ?? g.name }))} head="Site" />
        </div>
        <div>
          <h3>By staff member</h3>
          <GroupTable rows={r.byStaff} head="Staff member" />
        </div>
      </section>

      <footer className="rg-signoff">
        <p>Reviewed by: ______________________________</p>
        <p>Date: ______________</p>
        <p>Actions agreed: ____________________________________________________________</p>
      </footer>
    </article>
  );
}

function RecordList({ records }: { records: ViewRecord[] }) {
  return (
    <table className="rg-report-table rg-report-list">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Site</th>
          <th scope="col">Staff member</th>
          <th scope="col">Outcome</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {records.map((x) => (
          <tr key={x.id}>
            <td className="rg-nowrap">{fmtDate(x.time)}</td>
            <td>{SITE_LABELS[x.site] ?? x.site}</td>
            <td>{x.staff || '(not set)'}</td>
            <td>{x.outcome === 'overridden' ? 'Override' : 'Posted (monitor-only)'}</td>
            <td>{x.reason || '(no reason given)'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupTable({ rows, head }: { rows: GroupRow[]; head: string }) {
  if (!rows.length) return <p>No replies.</p>;
  return (
    <table className="rg-report-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Checked</th>
          <th scope="col">Risky</th>
          <th scope="col">Stopped</th>
          <th scope="col">Overrides</th>
          <th scope="col">Templates</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.name}>
            <th scope="row">{g.name}</th>
            <td>{fmtNum(g.checked)}</td>
            <td>{fmtNum(g.risky)}</td>
            <td>{fmtNum(g.prevented)}</td>
            <td>{fmtNum(g.overridden)}</td>
            <td>{fmtNum(g.templates)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
