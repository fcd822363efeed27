import { useRef, useState } from 'react';
import { type Checkpoint, type CheckpointFinding, checkpointText } from '@/lib/audit/checkpoint';
import type { CheckpointCheck, OwnKey, SourceStatus } from '@/lib/dashboard/store';
import { trustLabel } from '@/lib/dashboard/trust';
import type { KeyRow } from '@/lib/db';
import { fmtDate, fmtNum, fmtTime, plural } from './format';

/** Headlines a practice manager reads first, one per kind of finding. */
const FINDING_HEADLINES: Record<CheckpointFinding['kind'], string> = {
  wiped: 'The log was wiped since this checkpoint',
  truncated: 'The newest records were deleted',
  missing: 'Records are missing',
  changed: 'Records were changed',
  rebuilt: 'The log was edited and its links rebuilt to hide it',
  broken: 'The log itself has been altered',
  pruned: 'Old records were deleted by the retention setting (this is logged and expected)',
  'pruned-early':
    'Records were deleted as "old" although they were not (the clock or the retention setting was changed)',
  future: 'Records carry dates in the future (the computer clock was set ahead)',
  'other-workstation': 'This checkpoint belongs to another computer',
};

/** Actions the integrity view needs from the store. */
export interface IntegrityProps {
  localWorkstation: string;
  chain: SourceStatus[] | null;
  checkpoint: Checkpoint | null;
  checkpointCheck: CheckpointCheck | null;
  savedCheckpoints: Checkpoint[];
  keys: KeyRow[];
  ownKey: OwnKey | null;
  busy: boolean;
  verifyCheckpoint: (input: File | string, source?: string) => Promise<void>;
  clearCheckpointCheck: () => void;
  downloadCheckpoint: () => Promise<void>;
  registerKey: (text: string, label: string) => Promise<boolean>;
  removeKey: (keyId: string) => Promise<void>;
  removeWorkstation: (workstation: string) => Promise<void>;
}

/**
 * The log's anchoring for the practice manager (issue #11): this browser's checkpoint, "Verify
 * against a checkpoint", the workstations whose logs were imported (how far each is trusted, and
 * "Remove this workstation's records"), and the workstation keys that make an import verified.
 */
export function IntegrityView(p: IntegrityProps) {
  return (
    <div className="rg-integrity">
      <CheckpointPanel {...p} />
      <WorkstationsPanel {...p} />
      <KeysPanel {...p} />
    </div>
  );
}

function CheckpointPanel(p: IntegrityProps) {
  const file = useRef<HTMLInputElement>(null);
  const [paste, setPaste] = useState('');
  const [picked, setPicked] = useState('');
  const cp = p.checkpoint;
  // Earlier checkpoints at hand: saved from here, and those the imported files carried.
  const earlier = [
    ...p.savedCheckpoints.map((c) => ({ c, how: 'saved on this dashboard' })),
    ...(p.chain ?? [])
      .filter((s) => s.imported && s.checkpoint)
      .map((s) => ({ c: s.checkpoint as Checkpoint, how: 'carried by an imported export' })),
  ].map(({ c, how }, i) => ({
    key: String(i),
    c,
    how,
    label: `${c.workstation} #${fmtNum(c.seq)}, ${fmtTime(c.createdAt || c.time)} (${how})`,
  }));
  return (
    <section className="rg-card rg-panel" aria-labelledby="rg-cp-title">
      <h2 id="rg-cp-title">Checkpoint</h2>
      <p>
        A checkpoint is the log's count and the fingerprint of its newest record. Keep one somewhere the front desk
        cannot reach (print the quarterly report, or save the file to your own e-mail). Later, checking the log against
        it shows any record deleted or changed since, even the whole log wiped.
      </p>
      {cp ? (
        <dl className="rg-kv" aria-label="This browser's checkpoint">
          <dt>This browser</dt>
          <dd>{cp.workstation}</dd>
          <dt>Records</dt>
          <dd>
            {fmtNum(cp.records)} held, newest #{fmtNum(cp.seq)}
            {cp.time ? ` (${fmtTime(cp.time)})` : ''}
          </dd>
          <dt>Last hash</dt>
          <dd>
            <code className="rg-hash" data-testid="checkpoint-hash">
              {cp.hash || '(no records yet)'}
            </code>
          </dd>
          <dt>As text</dt>
          <dd>
            <code className="rg-hash">{checkpointText(cp)}</code>
          </dd>
        </dl>
      ) : (
        <p className="rg-loading">Reading the checkpoint…</p>
      )}
      <p>
        <button type="button" onClick={() => void p.downloadCheckpoint()} disabled={p.busy}>
          Save checkpoint file
        </button>
      </p>

      <h3>Verify against a checkpoint</h3>
      <p className="rg-muted">
        Choose an earlier checkpoint file or an "Export JSON" file, or paste the checkpoint line printed on a report.
      </p>
      <div className="rg-verify-row">
        <input
          ref={file}
          type="file"
          accept=".json,.jsonl,.ndjson,.txt,application/json,application/x-ndjson,text/plain"
          hidden
          data-testid="checkpoint-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void p.verifyCheckpoint(f);
            e.currentTarget.value = '';
          }}
        />
        <button type="button" className="primary" onClick={() => file.current?.click()} disabled={p.busy}>
          Choose checkpoint or export…
        </button>
        <label className="rg-field rg-grow">
          <span>Or paste a checkpoint</span>
          <input
            type="text"
            value={paste}
            placeholder="Reply Guard checkpoint ws-… #… sha256:…"
            onChange={(e) => setPaste(e.currentTarget.value)}
          />
        </label>
        <button type="button" onClick={() => void p.verifyCheckpoint(paste)} disabled={p.busy || !paste.trim()}>
          Check pasted checkpoint
        </button>
      </div>
      {earlier.length > 0 && (
        <div className="rg-verify-row">
          <label className="rg-field rg-grow">
            <span>Or an earlier checkpoint</span>
            <select value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {earlier.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={p.busy || !picked}
            onClick={() => {
              const x = earlier.find((e) => e.key === picked);
              if (x) void p.verifyCheckpoint(JSON.stringify(x.c), x.how);
            }}
          >
            Check against it
          </button>
        </div>
      )}
      {earlier.length > 0 && (
        <p className="rg-small rg-muted">
          Checkpoints saved here are kept on this computer, where the log is; a saved file or a printed report kept
          elsewhere is the stronger proof.
        </p>
      )}
      {p.checkpointCheck && <CheckResult check={p.checkpointCheck} onClear={p.clearCheckpointCheck} />}
    </section>
  );
}

function CheckResult({ check, onClear }: { check: CheckpointCheck; onClear: () => void }) {
  const { evidence: ev, report } = check;
  const cp = ev.checkpoint;
  const when = fmtDate(cp.createdAt || cp.time || Date.now());
  const what =
    ev.kind === 'export'
      ? `the export ${check.source} (checkpoint #${fmtNum(cp.seq)} of ${cp.workstation}, ${when}, and its ${plural(ev.records?.length ?? 0, 'record')})`
      : ev.kind === 'old-export'
        ? `the export ${check.source} (${plural(ev.records?.length ?? 0, 'record')} of ${cp.workstation}, newest #${fmtNum(cp.seq)})`
        : `the checkpoint of ${cp.workstation}, #${fmtNum(cp.seq)}, ${when} (${check.source})`;
  if (!report) {
    return (
      <div className="rg-check rg-check-unknown" role="status" aria-label="Checkpoint result">
        <p>
          <strong>Cannot check:</strong> {cp.workstation} has no records on this dashboard. Import that workstation's
          newest export first, then check again.
        </p>
        <button type="button" className="rg-link" onClick={onClear}>
          Close
        </button>
      </div>
    );
  }
  const problems = report.findings.filter((f) => f.problem);
  const notes = report.findings.filter((f) => !f.problem);
  return (
    <div
      className={`rg-check ${report.ok ? 'rg-check-ok' : 'rg-check-bad'}`}
      role="status"
      aria-label="Checkpoint result"
    >
      <p className="rg-check-head">
        <span aria-hidden="true">{report.ok ? '✓ ' : '✗ '}</span>
        <strong>
          {report.ok ? `Nothing missing or changed since ${when}` : `Records are missing or changed since ${when}`}
        </strong>
      </p>
      <p>
        Compared the log of {report.workstation} now with {what}. The evidence is {check.signer}.
      </p>
      {report.ok && (
        <p>
          {plural(report.added, 'record')} added since; every record the checkpoint covers is still there, unchanged.
        </p>
      )}
      {problems.length > 0 && <FindingItems className="rg-findings" findings={problems} />}
      {notes.length > 0 && <FindingItems className="rg-findings rg-findings-notes" findings={notes} />}
      {!report.ok && (
        <p>
          What to do: keep the checkpoint and this page, and ask who used this computer since {when}. The records that
          are missing cannot be brought back from this browser; an earlier export holds them.
        </p>
      )}
      <button type="button" className="rg-link" onClick={onClear}>
        Close
      </button>
    </div>
  );
}

function WorkstationsPanel(p: IntegrityProps) {
  const [confirming, setConfirming] = useState('');
  const imported = (p.chain ?? []).filter((c) => c.imported);
  return (
    <section className="rg-card rg-panel" aria-labelledby="rg-ws-title">
      <h2 id="rg-ws-title">Imported workstations</h2>
      {imported.length === 0 ? (
        <p className="rg-muted">No other workstation's log has been imported.</p>
      ) : (
        <table className="rg-report-table" aria-label="Imported workstations">
          <thead>
            <tr>
              <th scope="col">Workstation</th>
              <th scope="col">Records</th>
              <th scope="col">Origin</th>
              <th scope="col">Links</th>
              <th scope="col">
                <span className="rg-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {imported.map((c) => (
              <tr key={c.workstation}>
                <th scope="row">{c.workstation}</th>
                <td>{fmtNum(c.records ?? c.status.checked)}</td>
                <td data-trust={c.trust}>{trustLabel(c.trust, c.keyId)}</td>
                <td>{c.status.ok ? 'intact' : `ALTERED from record #${c.brokenSeq}`}</td>
                <td>
                  {confirming === c.workstation ? (
                    <span className="rg-confirm">
                      Remove {plural(c.records ?? 0, 'record')} of {c.workstation} from this dashboard?{' '}
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming('');
                          void p.removeWorkstation(c.workstation);
                        }}
                      >
                        Remove
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming('')}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(c.workstation)} disabled={p.busy}>
                      Remove this workstation's records
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="rg-muted rg-small">
        Removing only takes the imported copy off this dashboard (and is itself logged); the workstation's own log is
        not touched. An import counts as verified only when it was signed by a workstation key registered below.
      </p>
    </section>
  );
}

function KeysPanel(p: IntegrityProps) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [copied, setCopied] = useState(false);
  return (
    <section className="rg-card rg-panel" aria-labelledby="rg-keys-title">
      <h2 id="rg-keys-title">Workstation keys</h2>
      <h3>This workstation's key</h3>
      {p.ownKey ? (
        <p>
          Key id <code data-testid="own-key-id">{p.ownKey.keyId}</code> ({p.localWorkstation}).{' '}
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard
                ?.writeText(p.ownKey!.text)
                .then(() => setCopied(true))
                .catch(() => setCopied(false));
            }}
          >
            Copy this workstation's key
          </button>{' '}
          {copied && <span role="status">Copied. Paste it on the manager's dashboard.</span>}
        </p>
      ) : (
        <p className="rg-loading">Reading this workstation's key…</p>
      )}
      <details className="rg-small">
        <summary>Show the key text</summary>
        <textarea readOnly rows={3} value={p.ownKey?.text ?? ''} aria-label="This workstation's key text" />
      </details>

      <h3>Registered keys</h3>
      {p.keys.length === 0 ? (
        <p className="rg-muted">No workstation key is registered: every import shows as unsigned or unknown signer.</p>
      ) : (
        <table className="rg-report-table" aria-label="Registered workstation keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Workstation</th>
              <th scope="col">Key id</th>
              <th scope="col">Registered</th>
              <th scope="col">
                <span className="rg-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.keys.map((k) => (
              <tr key={k.keyId}>
                <th scope="row">{k.label}</th>
                <td>{k.workstation}</td>
                <td>
                  <code>{k.keyId}</code>
                </td>
                <td>{fmtDate(k.addedAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void p.removeKey(k.keyId)}
                    aria-label={`Remove the key of ${k.label}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="rg-key-form"
        onSubmit={(e) => {
          e.preventDefault();
          void p.registerKey(text, label).then((ok) => {
            if (ok) {
              setText('');
              setLabel('');
            }
          });
        }}
      >
        <label className="rg-field rg-grow">
          <span>Workstation key (copied on that computer)</span>
          <textarea rows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
        <label className="rg-field">
          <span>Name (optional)</span>
          <input type="text" value={label} maxLength={100} onChange={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!text.trim() || p.busy}>
          Register key
        </button>
      </form>
    </section>
  );
}

/** One list of checkpoint findings, each with its plain headline. */
function FindingItems({ className, findings }: { className: string; findings: readonly CheckpointFinding[] }) {
  return (
    <ul className={className}>
      {findings.map((f) => (
        <li key={`${f.kind}:${f.fromSeq ?? ''}`}>
          <strong>{FINDING_HEADLINES[f.kind]}.</strong> {f.message}
        </li>
      ))}
    </ul>
  );
}
