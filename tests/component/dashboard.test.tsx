import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { createDashboardStore } from '@/lib/dashboard/store';
import type { LogDb } from '@/lib/db';
import { type ExportRecord, toJsonLines } from '@/lib/export';
import { appendEvent, appendInteraction, resetLogStateForTests } from '@/lib/log';
import type { InteractionInput } from '@/lib/log-record';
import { freshDb, input, logSettings } from '../unit/log-fixtures';

let db: LogDb;
beforeEach(() => {
  resetLogStateForTests();
  db = freshDb();
  // happy-dom does no layout: give elements a size so the virtualized table renders its rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const MIX: Array<Partial<InteractionInput>> = [
  { site: 'google', verdict: 'ok', categories: [], rules: [], outcome: 'posted', text: 'Thank you!', spans: [] },
  { site: 'facebook', outcome: 'edited' },
  { site: 'yelp', outcome: 'replaced' },
  { site: 'google', outcome: 'overridden', reason: 'Reviewer is a vendor' },
  { site: 'yelp', outcome: 'overridden', reason: '=HYPERLINK("x")' },
  { site: 'facebook', verdict: 'warn', categories: ['staff-gossip'], rules: ['staff-blame'], outcome: 'abandoned' },
];

async function seed(staff = 'Dana Ruiz') {
  for (const m of MIX) await appendInteraction(input(m), { ...logSettings('redacted'), staffMember: staff }, db);
}

/** The dashboard over a store, as entrypoints/dashboard/App.tsx wires it. */
function Page({ store }: { store: ReturnType<typeof createDashboardStore> }) {
  const s = store();
  return <DashboardView {...s} practice="Bright Smile Dental" />;
}

/** Renders the dashboard over a real store and database, and loads the log. */
async function renderDashboard() {
  // Changes made on the dashboard land in this browser's chain, as the background would write them.
  const store = createDashboardStore(db, { record: (e) => appendEvent(e, logSettings(), db) });
  const utils = render(<Page store={store} />);
  await act(() => store.getState().load());
  return { store, ...utils };
}

describe('dashboard page', () => {
  it('shows the heading, the verified chain, the figures and the rows', { timeout: 30_000 }, async () => {
    await seed();
    await renderDashboard();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/dashboard/i);
    expect(await screen.findByText(/Log verified: 6 records/)).toBeTruthy();
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(within(summary).getByText('Risky replies caught').nextSibling?.textContent).toContain('5');
    expect(within(summary).getByText('Posted anyway').nextSibling?.textContent).toContain('2');
    const table = screen.getByRole('table', { name: 'Interaction log' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(within(table).getByText('Reviewer is a vendor')).toBeTruthy();
    // The charts load lazily (recharts is most of the page's code).
    expect(
      await screen.findByText('Flagged replies per week, by how they ended', {}, { timeout: 15_000 }),
    ).toBeTruthy();
  });

  it('filters by site, outcome and category, and clears', async () => {
    await seed();
    await renderDashboard();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Site'), 'yelp');
    expect(screen.getByText('2 of 6 records')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Outcome'), 'overridden');
    expect(screen.getByText('1 of 6 records')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Category'), 'staff-gossip');
    expect(screen.getByText('1 of 6 records')).toBeTruthy();
  });

  it('Export CSV and Export JSON download the filtered records', async () => {
    await seed();
    await renderDashboard();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Outcome'), 'overridden');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    // The JSON export is signed first (asynchronous).
    await waitFor(() => expect(clicks).toHaveLength(2));
    expect(clicks[0]).toMatch(/\.csv$/);
    expect(clicks[1]).toMatch(/\.jsonl$/);
    const csv = await blobs[0]!.text();
    // Every cell is quoted (log core, issue #11): the column names still come first, in order.
    expect(csv.split('\r\n')[0]!.replace(/"/g, '')).toMatch(/^time,site,verdict,categories,rules,outcome,reason,/);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    // The formula a reviewer-supplied reason could smuggle in is neutralized.
    // (In redacted mode the reason itself is also redacted through the rules, issue #11.)
    expect(csv).toMatch(/"'=[^"]*\(""x""\)"/);
    const lines = (await blobs[1]!.text()).trimEnd().split('\n');
    // A signed header line, then the records.
    expect(JSON.parse(lines[0]!).format).toBe('reply-guard-log');
    expect(lines.slice(1).map((l) => JSON.parse(l).outcome)).toEqual(['overridden', 'overridden']);
  });

  it("imports another workstation's file, and refuses a corrupt one without changing anything", async () => {
    await seed();
    const other = freshDb();
    for (const m of MIX.slice(0, 3)) await appendInteraction(input(m), logSettings(), other);
    const records: ExportRecord[] = (await other.interactions.orderBy('seq').toArray()).map((r) => ({
      ...r,
      workstation: 'ws-reception',
    }));
    other.close();
    await other.delete();
    await renderDashboard();
    const user = userEvent.setup();
    const fileInput = screen.getByTestId('import-input') as HTMLInputElement;
    await user.upload(fileInput, new File([toJsonLines(records)], 'reception.jsonl'));
    expect(await screen.findByText(/Imported 3 records from ws-reception; 0 already here were skipped/)).toBeTruthy();
    // An unsigned file links up but is never called verified (issue #11).
    expect(await screen.findByText(/Imported from ws-reception: Not verified: unsigned/)).toBeTruthy();
    expect(screen.queryByText(/Imported from ws-reception: Log verified/)).toBeNull();
    // 6 of this browser's, 3 imported, and the `log-imported` record the import left in the chain.
    await waitFor(() => expect(document.querySelector('.rg-count')?.textContent).toBe('10 records'));

    await user.upload(fileInput, new File(['{"id":1}\n'], 'broken.jsonl'));
    const alert = await screen.findByRole('alert');
    expect(alert?.textContent).toContain(
      'Nothing was imported from broken.jsonl. Line 1: the field "id" is missing or invalid.',
    );
    expect(screen.getByText('10 records')).toBeTruthy();
    expect(await db.imported.count()).toBe(3);
  });

  it('says where the chain breaks', async () => {
    await seed();
    const third = (await db.interactions.orderBy('seq').toArray())[2]!;
    await db.interactions.update(third.id, { reason: 'rewritten later' });
    await renderDashboard();
    const alert = await screen.findByRole('alert');
    expect(alert?.textContent).toMatch(/Log altered: first broken record #3 \(/);
    expect(alert?.textContent).toMatch(/2 records before it verify/);
  });

  it("opens a record's details from its row", async () => {
    await seed();
    await renderDashboard();
    const user = userEvent.setup();
    const [first] = screen.getAllByRole('button', { name: /^Details of record/ });
    await user.click(first!);
    const details = screen.getByRole('region', { name: 'Selected record' });
    expect(within(details).getByText('Record hash')).toBeTruthy();
    expect(within(details).getByText('Staff member').nextSibling?.textContent).toContain('Dana Ruiz');
  });
});

describe('changes to the guard and the new outcomes', () => {
  it('lists every outcome in the filter, shows events with what changed, and explains an unseen submit', async () => {
    await seed();
    await appendEvent(
      { outcome: 'paused', site: 'all', detail: { until: new Date(Date.now() + 600_000).toISOString() } },
      logSettings(),
      db,
    );
    await appendEvent(
      {
        outcome: 'setting-changed',
        site: 'all',
        detail: { setting: 'strictness', label: 'Strictness', from: 'standard', to: 'relaxed' },
      },
      logSettings(),
      db,
    );
    await appendInteraction(input({ site: 'facebook', outcome: 'unseen-submit' }), logSettings(), db);
    await renderDashboard();
    const outcome = screen.getByLabelText('Outcome') as HTMLSelectElement;
    const options = [...outcome.options].map((o) => o.value);
    for (const o of [
      'paused',
      'resumed',
      'site-off',
      'site-on',
      'monitor-only',
      'setting-changed',
      'settings-imported',
      'log-imported',
      'unchecked',
      'unseen-submit',
      'pruned',
    ]) {
      expect(options).toContain(o);
    }
    const table = screen.getByRole('table', { name: 'Interaction log' });
    expect(within(table).getByText('Guard paused')).toBeTruthy();
    expect(within(table).getByText('Strictness: standard → relaxed')).toBeTruthy();
    expect(within(table).getByText(/^The guard may be missing this site's post button\./)).toBeTruthy();
    // The summary warns about it too, naming the site.
    expect(screen.getByText(/The guard may be missing this site's post button \(Facebook\)/)).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(outcome, 'setting-changed');
    expect(screen.getByText(/^1 of \d+ records$/)).toBeTruthy();
  });

  it('a file cannot pass itself off as this browser', async () => {
    await seed();
    const [r] = await db.interactions.toArray();
    await renderDashboard();
    const user = userEvent.setup();
    const forged = { ...r!, id: 'forged-1', workstation: 'This browser' };
    await user.upload(screen.getByTestId('import-input'), new File([`${JSON.stringify(forged)}\n`], 'forged.jsonl'));
    expect((await screen.findByRole('alert')).textContent).toContain('the field "workstation" is invalid');
    expect(await db.imported.count()).toBe(0);
  });
});
