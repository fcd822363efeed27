import type { Finding } from '@/rules/types';

/** Each finding with what was written, why it is risky, and a safer wording where there is one. */
export function FindingList({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  return (
    <ul className="rg-findings" id={id}>
      {findings.map((f) => (
        <li className="rg-finding" key={`${f.ruleId}:${f.start}:${f.end}`}>
          <span className="rg-sev" data-sev={f.severity}>
            {f.severity === 'block' ? 'Patient info' : 'Caution'}
          </span>
          <q>{f.actual}</q>
          <p className="rg-msg">{f.message}</p>
          {f.suggestion ? <p className="rg-safer">Safer: {f.suggestion}</p> : null}
        </li>
      ))}
    </ul>
  );
}
