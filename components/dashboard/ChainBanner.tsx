import type { SourceStatus } from '@/lib/dashboard/store';
import { fmtNum, fmtTime, plural } from './format';

/** Whether each log's hash chain verifies, and where the first break is. */
export function ChainBanner({ chain, loading }: { chain: SourceStatus[] | null; loading: boolean }) {
  if (loading || !chain) {
    return (
      <output className="rg-chain rg-chain-pending" aria-live="polite">
        Checking the log's integrity…
      </output>
    );
  }
  const [local, ...imported] = chain;
  return (
    <div className="rg-chain-list" aria-live="polite">
      {local && <ChainLine s={local} label="" />}
      {imported.map((s) => (
        <ChainLine key={s.workstation} s={s} label={`Imported from ${s.workstation}: `} />
      ))}
    </div>
  );
}

function ChainLine({ s, label }: { s: SourceStatus; label: string }) {
  const { status } = s;
  if (status.ok && s.imported && s.trust !== 'verified') {
    // Unsigned or signed by an unregistered key: intact is all that can be said (issue #11).
    const why =
      s.trust === 'unknown-signer'
        ? `signed by a key that is not registered (${s.keyId})`
        : 'unsigned, so where it came from cannot be checked';
    return (
      <p className="rg-chain rg-chain-unverified" role="status">
        <span aria-hidden="true">? </span>
        {label}Not verified: {why}. {fmtNum(status.checked)} records link up.
      </p>
    );
  }
  if (status.ok) {
    const gaps = status.gaps ? ` (${plural(status.gaps, 'gap')} where the export was filtered)` : '';
    const note = status.note ? ` (${status.note})` : '';
    return (
      <p className="rg-chain rg-chain-ok" role="status">
        <span aria-hidden="true">✓ </span>
        {label}Log verified: {fmtNum(status.checked)} records{gaps}
        {note}
      </p>
    );
  }
  const b = status.firstBroken!;
  return (
    <p className="rg-chain rg-chain-broken" role="alert">
      <span aria-hidden="true">⚠ </span>
      {label}Log altered: first broken record #{s.brokenSeq ?? b.index + 1} ({fmtTime(b.time)}): {b.reason}.{' '}
      {fmtNum(status.checked)} records before it verify.
    </p>
  );
}
