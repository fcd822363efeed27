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
  if (status.ok) {
    const gaps = status.gaps ? ` (${plural(status.gaps, 'gap')} where the export was filtered)` : '';
    return (
      <p className="rg-chain rg-chain-ok" role="status">
        <span aria-hidden="true">✓ </span>
        {label}Log verified: {fmtNum(status.checked)} records{gaps}
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
