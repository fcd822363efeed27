/** Shared formatting for the dashboard's components (one Intl formatter each: the table formats thousands of rows). */
const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const num = new Intl.NumberFormat('en-US');

/** Intl throws a RangeError on an impossible date: a damaged record must not take the page down. */
const safe = (f: Intl.DateTimeFormat, t: number): string => {
  const d = new Date(t);
  return Number.isFinite(d.getTime()) ? f.format(d) : `(invalid date ${String(t)})`;
};
/** "Nov 28, 2026, 9:41 AM". */
export const fmtTime = (t: number): string => safe(dateTime, t);
/** "Nov 28, 2026". */
export const fmtDate = (t: number): string => safe(dateOnly, t);
/** "100,000". */
export const fmtNum = (n: number): string => num.format(n);
/** "3 records" / "1 record". */
export const plural = (n: number, word: string): string => `${fmtNum(n)} ${word}${n === 1 ? '' : 's'}`;
/** A share as "42%" ("–" of nothing). */
export const pct = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 100)}%` : '–');

/** Display names of the sites. */
export const SITE_LABELS: Record<string, string> = {
  facebook: 'Facebook',
  google: 'Google',
  yelp: 'Yelp',
  all: 'All sites',
};
