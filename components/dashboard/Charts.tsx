import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { CATEGORY_LABELS, flagsPerWeek, outcomeCounts, overrideReasons } from '@/lib/dashboard/stats';
import { CATEGORIES } from '@/rules/types';

/** Calm, distinguishable colours for the six categories (colour-blind-safe order from Okabe–Ito). */
export const CATEGORY_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

const axis = { fontSize: 11, fill: '#4d5b5b' };

/** Flags per week by category, outcomes, and override reasons for the records shown. */
export function Charts({ records }: { records: readonly ViewRecord[] }) {
  const weeks = useMemo(() => flagsPerWeek(records), [records]);
  const outcomes = useMemo(() => outcomeCounts(records), [records]);
  const reasons = useMemo(() => overrideReasons(records), [records]);
  return (
    <div className="rg-charts">
      <figure className="rg-card rg-chart-wide">
        <figcaption>Flagged replies per week, by category</figcaption>
        {weeks.length ? (
          <ResponsiveContainer width="100%" height={230} initialDimension={{ width: 600, height: 230 }}>
            <BarChart data={weeks} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid vertical={false} stroke="#e3e9e9" />
              <XAxis dataKey="week" tick={axis} tickFormatter={(w: string) => w.slice(5)} />
              <YAxis allowDecimals={false} tick={axis} />
              <Tooltip labelFormatter={(w) => `Week of ${w}`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {CATEGORIES.map((c, i) => (
                <Bar
                  key={c}
                  dataKey={c}
                  name={CATEGORY_LABELS[c]}
                  stackId="c"
                  fill={CATEGORY_COLORS[i]}
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
        <figcaption>How replies ended</figcaption>
        <ResponsiveContainer width="100%" height={230} initialDimension={{ width: 320, height: 230 }}>
          <BarChart data={outcomes} layout="vertical" margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
            <CartesianGrid horizontal={false} stroke="#e3e9e9" />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="outcome" width={150} tick={axis} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="risky" name="Flagged" stackId="o" fill="#b3261e" isAnimationActive={false} />
            <Bar dataKey="clean" name="Clean" stackId="o" fill="#7fb5b5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="rg-card">
        <figcaption>Override reasons</figcaption>
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
