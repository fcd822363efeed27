import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { groupDrafts, RESULT_WORDS } from '@/lib/dashboard/drafts';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { flagsPerWeek, overrideReasons, resultCounts, WEEK_SERIES } from '@/lib/dashboard/stats';

/** Calm, distinguishable colours for how flagged replies ended (colour-blind-safe order from Okabe–Ito). */
export const RESULT_COLORS = ['#009e73', '#d55e00', '#cc79a7', '#e69f00', '#0072b2'];

const axis = { fontSize: 11, fill: '#4d5b5b' };

/** Flagged replies per week, how replies ended and override reasons: every bar counts replies (issue #11). */
export function Charts({ records }: { records: readonly ViewRecord[] }) {
  const drafts = useMemo(() => groupDrafts(records), [records]);
  const weeks = useMemo(() => flagsPerWeek(records), [records]);
  const outcomes = useMemo(() => resultCounts(drafts).filter((r) => r.count > 0), [drafts]);
  const reasons = useMemo(() => overrideReasons(drafts), [drafts]);
  return (
    <div className="rg-charts">
      <figure className="rg-card rg-chart-wide">
        <figcaption>Flagged replies per week, by how they ended</figcaption>
        {weeks.length ? (
          <ResponsiveContainer width="100%" height={230} initialDimension={{ width: 600, height: 230 }}>
            <BarChart data={weeks} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid vertical={false} stroke="#e3e9e9" />
              <XAxis dataKey="week" tick={axis} tickFormatter={(w: string) => w.slice(5)} />
              <YAxis allowDecimals={false} tick={axis} />
              <Tooltip labelFormatter={(w) => `Week of ${w}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {WEEK_SERIES.map((r, i) => (
                <Bar
                  key={r}
                  dataKey={r}
                  name={RESULT_WORDS[r]}
                  stackId="c"
                  fill={RESULT_COLORS[i]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="rg-empty">No flagged replies in this view.</p>
        )}
      </figure>
      <figure className="rg-card">
        <figcaption>How replies ended (replies, not records)</figcaption>
        <ResponsiveContainer width="100%" height={230} initialDimension={{ width: 320, height: 230 }}>
          <BarChart data={outcomes} layout="vertical" margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e3e9e9" />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="label" width={150} tick={axis} />
            <Tooltip />
            <Bar dataKey="count" name="Replies" fill="#7fb5b5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="rg-card">
        <figcaption>Override reasons (by preset reason)</figcaption>
        {reasons.length ? (
          <ResponsiveContainer width="100%" height={230} initialDimension={{ width: 320, height: 230 }}>
            <BarChart data={reasons} layout="vertical" margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
              <CartesianGrid horizontal={false} stroke="#e3e9e9" />
              <XAxis type="number" allowDecimals={false} tick={axis} />
              <YAxis
                type="category"
                dataKey="reason"
                width={150}
                tick={axis}
                tickFormatter={(s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s)}
              />
              <Tooltip />
              <Bar dataKey="count" name="Overrides" fill="#9a5b00" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="rg-empty">No overrides in this view.</p>
        )}
      </figure>
    </div>
  );
}
