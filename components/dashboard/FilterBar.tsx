import type { Filters } from '@/lib/dashboard/filter';
import { CATEGORY_LABELS, OUTCOME_LABELS, OUTCOME_ORDER } from '@/lib/dashboard/stats';
import { RECORD_VERDICTS, VERDICT_WORDS } from '@/lib/log-record';
import { SITES } from '@/lib/settings';
import { CATEGORIES } from '@/rules/types';
import { fmtNum, SITE_LABELS } from './format';

/** Filters over the log: dates, site, outcome, verdict, category, staff member, workstation. */
export function FilterBar(props: {
  filters: Filters;
  onChange: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  onReset: () => void;
  staff: string[];
  workstations: string[];
  /** This browser's workstation id: labelled as such (an imported file never can be). */
  localWorkstation?: string;
  shown: number;
  total: number;
  loading?: boolean;
}) {
  const { filters: f, onChange } = props;
  const select = <K extends keyof Filters>(key: K, label: string, options: Array<[string, string]>) => (
    <label className="rg-field">
      <span>{label}</span>
      <select value={f[key]} onChange={(e) => onChange(key, e.currentTarget.value as Filters[K])}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const active = Object.values(f).some(Boolean);
  return (
    <section className="rg-filters" aria-label="Filter the log">
      <label className="rg-field">
        <span>From</span>
        <input type="date" value={f.from} onChange={(e) => onChange('from', e.currentTarget.value)} />
      </label>
      <label className="rg-field">
        <span>To</span>
        <input type="date" value={f.to} onChange={(e) => onChange('to', e.currentTarget.value)} />
      </label>
      {select(
        'site',
        'Site',
        SITES.map((s) => [s, SITE_LABELS[s] ?? s]),
      )}
      {select(
        'outcome',
        'Outcome',
        OUTCOME_ORDER.map((o) => [o, OUTCOME_LABELS[o]]),
      )}
      {select(
        'verdict',
        'Verdict',
        RECORD_VERDICTS.map((v) => [v, v === 'none' ? 'None (changes to the guard)' : VERDICT_WORDS[v]]),
      )}
      {select(
        'category',
        'Category',
        CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]]),
      )}
      {select(
        'staff',
        'Staff member',
        props.staff.map((s) => [s, s || '(not set)']),
      )}
      {props.workstations.length > 1 &&
        select(
          'workstation',
          'Workstation',
          props.workstations.map((w) => [w, w === props.localWorkstation ? `This browser (${w})` : w]),
        )}
      <div className="rg-filter-end">
        <output className="rg-count" aria-live="polite">
          {props.loading
            ? 'Loading the log…'
            : props.shown === props.total
              ? `${fmtNum(props.total)} records`
              : `${fmtNum(props.shown)} of ${fmtNum(props.total)} records`}
        </output>
        {active && (
          <button type="button" className="rg-link" onClick={props.onReset}>
            Clear filters
          </button>
        )}
      </div>
    </section>
  );
}
