import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { groupDrafts } from '@/lib/dashboard/drafts';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { guardOffSpans } from '@/lib/dashboard/guard-off';
import { auditReport, lastFullQuarter, quarterOf } from '@/lib/dashboard/stats';
import { createDashboardStore } from '@/lib/dashboard/store';
import type { LogDb } from '@/lib/db';
import { appendEvent, appendInteraction, resetLogStateForTests } from '@/lib/log';
import type { AuditEventInput, InteractionInput } from '@/lib/log-record';
import { freshDb, input, logSettings } from '../unit/log-fixtures';

// Issue #11 item 6: the quarterly report counts replies (drafts), defaults to the last full
// quarter, groups overrides by preset reason, shows when the guard was off, and lists each
// flagged or overridden reply once in an appendix.

const NOW = Date.now();
const LAST = lastFullQuarter(NOW);
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A moment in the last full quarter: day `d`, hour `h`. */
const at = (d: number, h = 10) => LAST.start + d * DAY + h * HOUR;

let db: LogDb;
beforeEach(() => {
  resetLogStateForTests();
  db = freshDb();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settings = (staff: string) => ({ ...logSettings('full'), staffMember: staff });
const reply = (time: number, over: Partial<InteractionInput>, staff = 'Dana Ruiz') =>
  appendInteraction(input(over), settings(staff), db, time);
const event = (time: number, e: AuditEventInput) => appendEvent(e, settings('Dana Ruiz'), db, time);

/** A quarter of work: seven replies (drafts), eleven records, and the guard switched off twice. */
async function seedQuarter() {
  // d1: held, edited, held again, posted anyway: one reply, overridden (not also "prevented").
  await reply(at(1, 9), { draftId: 'd1', outcome: 'edited' });
  await reply(at(1, 10), {
    draftId: 'd1',
    outcome: 'overridden',
    reason: 'False alarm: nothing about a patient: vendor review',
    reviewer: 'Acme Supplies',
  });
  // d2: edited, then abandoned: one reply, stopped once.
  await reply(at(2), { draftId: 'd2', outcome: 'edited' });
  await reply(at(2, 11), { draftId: 'd2', outcome: 'abandoned' });
  // d3: posted anyway with a link to the exact review.
  await reply(
    at(3),
    {
      draftId: 'd3',
      outcome: 'overridden',
      reason: 'Approved by the practice manager',
      reviewer: 'Maria G.',
      link: 'https://www.google.com/maps/reviews/data=abc123',
      text: 'Thanks Maria, glad the cleaning went well!',
    },
    'Luis Moreno',
  );
  // d4: posted anyway, the same preset reason as d1 with no words of its own.
  await reply(at(4), { draftId: 'd4', outcome: 'overridden', reason: 'False alarm: nothing about a patient' });
  // d5: replaced with a template.
  await reply(at(5), { draftId: 'd5', outcome: 'replaced' });
  // d6: clean.
  await reply(at(6), {
    draftId: 'd6',
    verdict: 'ok',
    categories: [],
    rules: [],
    outcome: 'posted',
    text: 'Thank you!',
    spans: [],
  });
  // d7: the guard could not check it.
  await reply(at(7), {
    draftId: 'd7',
    verdict: 'unchecked',
    categories: [],
    rules: [],
    outcome: 'unchecked',
    spans: [],
  });
  // The guard paused for 30 minutes, Facebook switched off for an hour.
  await event(at(8, 9), { outcome: 'paused', site: 'all', detail: { until: new Date(at(8, 10)).toISOString() } });
  await event(at(8, 9) + 30 * 60_000, { outcome: 'resumed', site: 'all' });
  await event(at(9, 9), {
    outcome: 'site-off',
    site: 'facebook',
    reason: 'Facebook layout broke the button',
    detail: { until: new Date(at(9, 20)).toISOString() },
  });
  await event(at(9, 10), { outcome: 'site-on', site: 'facebook' });
  // The quarter under way: not in the default report.
  await reply(NOW - 60_000, { draftId: 'now-1', outcome: 'overridden', reason: 'A reply from the current quarter' });
}

function Page({ store, practice }: { store: ReturnType<typeof createDashboardStore>; practice: string | null }) {
  return <DashboardView {...store()} practice={practice} />;
}

async function openReport(practice: string | null = 'Bright Smile Dental') {
  const store = createDashboardStore(db, { record: (e) => appendEvent(e, logSettings(), db) });
  const utils = render(<Page store={store} practice={practice} />);
  await act(() => store.getState().load());
  await userEvent.setup().click(screen.getByRole('button', { name: 'Quarterly audit report' }));
  return { store, ...utils };
}

const rowOf = (table: HTMLElement, name: string) =>
  within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('quarterly audit report', () => {
  it('defaults to the last full quarter and counts replies, not records', { timeout: 30_000 }, async () => {
    await seedQuarter();
    await openReport();
    const report = await screen.findByRole('article', { name: /Quarterly audit report/ }, { timeout: 15_000 });
    expect((screen.getByRole('combobox', { name: 'Quarter' }) as HTMLSelectElement).value).toBe(LAST.key);
    expect(within(report).getByRole('heading', { level: 2 }).textContent).toBe(`Quarterly audit report: ${LAST.short}`);
    const figures = report.querySelector('.rg-report-figures')!.textContent!;
    // 7 drafts (11 interaction records); d1 edited-then-overridden is overridden, d2 edited-then-abandoned once.
    expect(figures).toContain('7 replies checked');
    expect(figures).toContain('5 risky replies caught');
    expect(figures).toContain('2 stopped before posting');
    expect(figures).toContain('3 posted anyway with a reason');
    expect(figures).toContain('1 could not be checked');
    // The current quarter's reply is not in it.
    expect(within(report).queryByText('A reply from the current quarter')).toBeNull();
  });

  it('groups overrides by preset reason and shows how long the guard was off', { timeout: 30_000 }, async () => {
    await seedQuarter();
    await openReport();
    await screen.findByRole('article', { name: /Quarterly audit report/ }, { timeout: 15_000 });
    const reasons = screen.getByRole('table', { name: 'Overrides by reason' });
    expect(within(reasons).getAllByRole('row')).toHaveLength(2);
    expect(within(rowOf(reasons, 'False alarm: nothing about a patient')).getByRole('cell').textContent).toBe('2');
    expect(within(rowOf(reasons, 'Approved by the practice manager')).getByRole('cell').textContent).toBe('1');
    const off = screen.getByRole('table', { name: 'Guard switched off' });
    expect(within(rowOf(off, 'Guard paused')).getByRole('cell').textContent).toBe('1 time, 30 min');
    expect(within(rowOf(off, 'Site turned off: Facebook')).getByRole('cell').textContent).toBe('1 time, 1 h');
    const staff = screen.getByRole('table', { name: 'By staff member' });
    expect(within(rowOf(staff, 'Luis Moreno')).getAllByRole('cell')[0]!.textContent).toBe('1');
  });

  it('lists each flagged or overridden reply once in the appendix, with its reply, reviewer and link', {
    timeout: 30_000,
  }, async () => {
    await seedQuarter();
    await openReport();
    const report = await screen.findByRole('article', { name: /Quarterly audit report/ }, { timeout: 15_000 });
    const appendix = within(report).getByRole('region', { name: 'Appendix: each flagged or overridden reply' });
    const rows = appendix.querySelectorAll('tbody tr[data-result]');
    // d1, d3, d4 (overridden), d7 (unchecked), then d2 and d5 (stopped): six replies, no duplicates.
    expect([...rows].map((r) => r.getAttribute('data-result'))).toEqual([
      'overridden',
      'overridden',
      'overridden',
      'unchecked',
      'prevented',
      'prevented',
    ]);
    const d1 = [...rows].find((r) => r.textContent!.includes('Acme Supplies')) as HTMLElement;
    expect(d1.textContent).toContain('Posted anyway (Edited → Posted anyway)');
    expect(d1.textContent).toContain('False alarm: nothing about a patient: vendor review');
    const d3 = [...rows].find((r) => r.textContent!.includes('Maria G.')) as HTMLElement;
    expect(d3.textContent).toContain('Thanks Maria, glad the cleaning went well!');
    expect(d3.textContent).toContain('Luis Moreno');
    expect(within(d3).getByRole('link', { name: 'open review' }).getAttribute('href')).toBe(
      'https://www.google.com/maps/reviews/data=abc123',
    );
    // The guard-off intervals are listed too, with the reason given.
    expect(within(appendix).getByText('Facebook layout broke the button')).toBeTruthy();
  });

  it('waits for the practice profile before it can print, then prints with name and checkpoint', {
    timeout: 30_000,
  }, async () => {
    await seedQuarter();
    const { store, rerender } = await openReport(null);
    expect(await screen.findByText('Loading the practice profile…', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Print report' })).toBeNull();
    rerender(<Page store={store} practice="Bright Smile Dental" />);
    const report = await screen.findByRole('article', { name: /Quarterly audit report/ }, { timeout: 15_000 });
    expect(within(report).getByTestId('report-practice').textContent).toBe('Bright Smile Dental');
    // The running header of every printed page names the practice and the quarter.
    expect(report.querySelector('style')!.textContent).toContain(`"Bright Smile Dental · ${LAST.short} audit report"`);
    expect(report.querySelector('style')!.textContent).toContain('counter(pages)');
    const cp = await within(report).findByTestId('report-checkpoint');
    expect(cp.textContent).toMatch(/^Reply Guard checkpoint ws-[\w-]+ #\d+ sha256:[0-9a-f]{64} /);
    const print = vi.fn();
    window.print = print;
    await userEvent.setup().click(within(report).getByRole('button', { name: 'Print report' }));
    expect(print).toHaveBeenCalled();
  });
});

describe('report figures (pure)', () => {
  const base = (over: Partial<ViewRecord>): ViewRecord =>
    ({
      id: crypto.randomUUID(),
      seq: 1,
      time: at(1),
      site: 'google',
      pageKind: 'review-reply',
      url: '',
      verdict: 'block',
      categories: ['care-details'],
      rules: ['procedure-mention'],
      outcome: 'edited',
      reason: '',
      staff: 'Dana',
      text: 'x',
      durationMs: 1,
      extensionVersion: '0',
      prevHash: '',
      hash: '',
      workstation: 'ws-a',
      imported: false,
      ...over,
    }) as ViewRecord;

  it('a draft edited then posted clean counts as stopped; the same draft id on two workstations is two replies', () => {
    const drafts = groupDrafts([
      base({ draftId: 'x', seq: 1, outcome: 'edited' }),
      base({ draftId: 'x', seq: 2, verdict: 'ok', categories: [], outcome: 'posted', time: at(1, 11) }),
      base({ draftId: 'x', seq: 1, workstation: 'ws-b', outcome: 'overridden', reason: 'Other words' }),
    ]);
    expect(drafts.map((d) => d.result).sort()).toEqual(['overridden', 'prevented']);
  });

  it('a pause that nothing ended runs to its own expiry; a site off with no expiry runs to the end of the quarter', () => {
    const q = quarterOf(at(1));
    const spans = guardOffSpans(
      [
        base({
          kind: 'event',
          outcome: 'paused',
          time: at(10, 9),
          detail: { until: new Date(at(10, 9) + 600_000).toISOString() },
        }),
        base({
          kind: 'event',
          outcome: 'site-off',
          site: 'yelp',
          time: q.end - 2 * HOUR,
          seq: 2,
          detail: { setting: 'sites.yelp' },
        }),
      ],
      q.start,
      q.end,
      q.end + DAY,
    );
    expect(spans.map((s) => [s.kind, s.end - s.start, s.open])).toEqual([
      ['paused', 600_000, false],
      ['site-off', 2 * HOUR, true],
    ]);
    const r = auditReport([], q, q.end + DAY);
    expect(r.checked).toBe(0);
  });
});
