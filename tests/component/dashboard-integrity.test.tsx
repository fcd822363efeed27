import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Real IndexedDB work and ECDSA signing on a shared 2-core machine: give each test room.
vi.setConfig({ testTimeout: 30_000 });

import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { checkpointText } from '@/lib/audit/checkpoint';
import { workstationKeyText } from '@/lib/audit/keys';
import { currentCheckpoint, workstationId } from '@/lib/audit/local-chain';
import { recordHashSync } from '@/lib/background/chain';
import { createDashboardStore } from '@/lib/dashboard/store';
import type { LogDb } from '@/lib/db';
import { buildJsonExport, type ExportRecord, toJsonLines } from '@/lib/export';
import { appendEvent, appendInteraction, resetLogStateForTests } from '@/lib/log';
import { freshDb, input, logSettings } from '../unit/log-fixtures';

// Issue #11: the manager's side of anchoring. A checkpoint shows truncation and wipes; imports
// are "verified" only when a registered key signed them; a workstation's records can be removed;
// and a page that fails to draw shows a message, not a blank page.

let db: LogDb;
const others: LogDb[] = [];
beforeEach(() => {
  resetLogStateForTests();
  db = freshDb();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(async () => {
  for (const d of [db, ...others.splice(0)]) {
    d.close();
    await d.delete();
  }
});

async function seed(n: number, target = db) {
  for (let i = 0; i < n; i++)
    await appendInteraction(input({ outcome: i % 2 ? 'edited' : 'overridden', reason: 'x' }), logSettings(), target);
}

function Page({ store }: { store: ReturnType<typeof createDashboardStore> }) {
  return <DashboardView {...store()} practice="Bright Smile Dental" />;
}

async function openIntegrity() {
  const store = createDashboardStore(db, { record: (e) => appendEvent(e, logSettings(), db) });
  render(<Page store={store} />);
  await act(() => store.getState().load());
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Integrity and workstations' }));
  return { store, user };
}

/** A signed export of another workstation's log, and that workstation's key text. */
async function otherWorkstation(n = 3) {
  const other = freshDb();
  others.push(other);
  await seed(n, other);
  const ws = await workstationId(other);
  const records: ExportRecord[] = (await other.interactions.orderBy('seq').toArray()).map((r) => ({
    ...r,
    workstation: ws,
  }));
  const file = await buildJsonExport(records, {
    workstation: ws,
    checkpoint: await currentCheckpoint(other),
    filtered: false,
    db: other,
  });
  return { ws, file, key: await workstationKeyText(ws, other), records };
}

const result = () => screen.getByRole('status', { name: 'Checkpoint result' });

describe('verify against a checkpoint', () => {
  it('shows this browser checkpoint, and finds the newest records deleted since a checkpoint file', async () => {
    await seed(6);
    const { user } = await openIntegrity();
    await waitFor(() => expect(screen.getByTestId('checkpoint-hash').textContent).toMatch(/^[0-9a-f]{64}$/));
    const earlier = await currentCheckpoint(db);
    expect(screen.getByTestId('checkpoint-hash').textContent).toBe(earlier.hash);
    const file = () => new File([JSON.stringify(earlier)], 'checkpoint.json', { type: 'application/json' });

    await user.upload(screen.getByTestId('checkpoint-input'), file());
    expect((await screen.findByRole('status', { name: 'Checkpoint result' })).textContent).toContain(
      'Nothing missing or changed since',
    );
    // The front desk deletes the newest two records.
    const newest = await db.interactions.orderBy('seq').reverse().limit(2).primaryKeys();
    await db.interactions.bulkDelete(newest);
    await user.upload(screen.getByTestId('checkpoint-input'), file());
    await waitFor(() => expect(result().textContent).toContain('Records are missing or changed since'));
    expect(result().textContent).toContain('The newest records were deleted.');
    expect(result().textContent).toContain("signed by this browser's key");
  });

  it('finds a wipe from the printed checkpoint line, and a changed record from an earlier export', async () => {
    await seed(5);
    const { user } = await openIntegrity();
    const cp = await currentCheckpoint(db);
    const ws = await workstationId(db);
    const exported = await buildJsonExport(
      (await db.interactions.orderBy('seq').toArray()).map((r) => ({ ...r, workstation: ws })),
      { workstation: ws, checkpoint: cp, filtered: false, db },
    );
    // A record changed and the chain recomputed from it on: the checkpoint's record no longer matches.
    const all = await db.interactions.orderBy('seq').toArray();
    await db.interactions.update(all[1]!.id, { hash: 'f'.repeat(64) });
    await user.upload(screen.getByTestId('checkpoint-input'), new File([exported], 'export.jsonl'));
    await waitFor(() => expect(result().textContent).toContain('Records were changed.'));

    await db.interactions.clear();
    await user.type(screen.getByLabelText('Or paste a checkpoint'), checkpointText(cp));
    await user.click(screen.getByRole('button', { name: 'Check pasted checkpoint' }));
    await waitFor(() => expect(result().textContent).toContain('The log was wiped since this checkpoint.'));
    expect(result().textContent).toContain('typed or printed');
  });

  it('offers the checkpoints saved here earlier, and checks against the one picked', async () => {
    localStorage.clear();
    await seed(4);
    const { user } = await openIntegrity();
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Save checkpoint file' }));
    const picker = (await screen.findByLabelText('Or an earlier checkpoint')) as HTMLSelectElement;
    const option = [...picker.options].find((o) => o.textContent!.includes('#4'))!;
    expect(option.textContent).toContain('saved on this dashboard');
    // The newest record goes; the saved checkpoint still remembers it.
    const [newest] = await db.interactions.orderBy('seq').reverse().limit(1).primaryKeys();
    await db.interactions.delete(newest!);
    await user.selectOptions(picker, option.value);
    await user.click(screen.getByRole('button', { name: 'Check against it' }));
    await waitFor(() => expect(result().textContent).toContain('The newest records were deleted.'));
  });

  it('refuses evidence that is not a checkpoint, with a message', async () => {
    await seed(1);
    const { user } = await openIntegrity();
    await user.upload(screen.getByTestId('checkpoint-input'), new File(['hello'], 'notes.txt'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This is not a Reply Guard checkpoint or log export',
    );
    const cp = await currentCheckpoint(db);
    await user.upload(
      screen.getByTestId('checkpoint-input'),
      new File([JSON.stringify({ ...cp, seq: cp.seq + 5 })], 'forged.json'),
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('does not match its signature'));
  });
});

describe('a re-chained import against its workstation checkpoint', () => {
  it("finds another workstation's log edited and re-chained, from the checkpoint line it printed", async () => {
    const other = await otherWorkstation(4);
    const cp = await currentCheckpoint(others[0]!);
    // The forger removes an override's reason and recomputes every hash after it: the file links up.
    const forged: ExportRecord[] = [];
    for (const r of other.records) {
      const { hash: _h, workstation: _w, ...rest } = r;
      const prevHash = forged.at(-1)?.hash ?? r.prevHash;
      const fields = { ...rest, prevHash, reason: r.seq === 1 ? 'Approved by the practice manager' : r.reason };
      forged.push({ ...fields, hash: recordHashSync(fields), workstation: other.ws });
    }
    const { user } = await openIntegrity();
    await user.upload(screen.getByTestId('import-input'), new File([toJsonLines(forged)], 'forged.jsonl'));
    const table = await screen.findByRole('table', { name: 'Imported workstations' });
    const row = within(table).getByRole('rowheader', { name: other.ws }).closest('tr') as HTMLElement;
    // It links up, and it is unsigned: never "verified".
    expect(row.textContent).toContain('intact');
    expect(row.textContent).toContain('Unsigned');
    await user.type(screen.getByLabelText('Or paste a checkpoint'), checkpointText(cp));
    await user.click(screen.getByRole('button', { name: 'Check pasted checkpoint' }));
    await waitFor(() => expect(result().textContent).toContain('The log was edited and its links rebuilt to hide it.'));
  });
});

describe('export order', () => {
  it('writes each workstation in chain order, even when times run backwards, so the file imports again', async () => {
    const now = Date.now();
    // Queued interactions arrive late: later records with earlier times.
    for (const t of [now - 1000, now - 5000, now - 3000]) await appendInteraction(input(), logSettings(), db, t);
    const store = createDashboardStore(db, { record: (e) => appendEvent(e, logSettings(), db) });
    render(<Page store={store} />);
    await act(() => store.getState().load());
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    store.getState().exportFiltered('jsonl');
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0]!.text()).trimEnd().split('\n').slice(1);
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3]);
  });
});

describe('imported workstations and keys', () => {
  it('an import is never "verified" until its key is registered; removing the key takes it back', async () => {
    await seed(2);
    const other = await otherWorkstation();
    const { user } = await openIntegrity();
    await user.upload(screen.getByTestId('import-input'), new File([other.file], 'reception.jsonl'));
    await screen.findByText(/Imported 3 records/);
    const table = await screen.findByRole('table', { name: 'Imported workstations' });
    const row = () => within(table).getByRole('rowheader', { name: other.ws }).closest('tr') as HTMLElement;
    expect(row().textContent).toContain('Unknown signer');
    expect(row().textContent).not.toContain('Verified');
    expect(screen.getByText(new RegExp(`Imported from ${other.ws}: Not verified`))).toBeTruthy();

    await user.type(
      screen.getByLabelText('Workstation key (copied on that computer)'),
      other.key.replace(/[{[]/g, '$&$&'),
    );
    await user.type(screen.getByLabelText('Name (optional)'), 'Front desk 2');
    await user.click(screen.getByRole('button', { name: 'Register key' }));
    const keys = await screen.findByRole('table', { name: 'Registered workstation keys' });
    expect(within(keys).getByRole('rowheader', { name: 'Front desk 2' })).toBeTruthy();
    await waitFor(() => expect(row().textContent).toContain('Verified: signed by a registered workstation key'));
    // The registration is itself a record in this browser's chain.
    expect((await db.interactions.toArray()).some((r) => r.detail?.setting === 'workstationKeys')).toBe(true);

    await user.click(within(keys).getByRole('button', { name: 'Remove the key of Front desk 2' }));
    await waitFor(() => expect(row().textContent).toContain('Unknown signer'));
  });

  it('refuses a key text that is not one', async () => {
    const { user } = await openIntegrity();
    await user.type(screen.getByLabelText('Workstation key (copied on that computer)'), 'not a key');
    await user.click(screen.getByRole('button', { name: 'Register key' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The key was not registered.');
  });

  it("removes a workstation's records (after a confirmation) and logs it; this browser's log is untouched", async () => {
    await seed(2);
    const other = await otherWorkstation();
    const { user } = await openIntegrity();
    await user.upload(screen.getByTestId('import-input'), new File([toJsonLines(other.records)], 'plain.jsonl'));
    const table = await screen.findByRole('table', { name: 'Imported workstations' });
    const row = within(table).getByRole('rowheader', { name: other.ws }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Unsigned');
    await user.click(within(row).getByRole('button', { name: "Remove this workstation's records" }));
    expect(
      within(row).getByText(`Remove 3 records of ${other.ws} from this dashboard?`, { exact: false }),
    ).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(new RegExp(`Removed 3 records imported from ${other.ws}`))).toBeTruthy();
    expect(await db.imported.count()).toBe(0);
    const own = await db.interactions.toArray();
    expect(own.filter((r) => r.kind !== 'event')).toHaveLength(2);
    expect(own.some((r) => r.outcome === 'import-removed')).toBe(true);
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Imported workstations' })).toBeNull());
  });
});

/** A child that throws while `armed` (a render error, as a record with an impossible date once caused). */
function Bomb({ armed }: { armed: { current: boolean } }) {
  if (armed.current) throw new RangeError('Invalid time value');
  return <p>Back to normal</p>;
}

describe('error boundary', () => {
  it('shows a message instead of a blank page, and can try again', async () => {
    const armed = { current: true };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary page="dashboard">
        <Bomb armed={armed} />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something on the dashboard could not be shown');
    expect(alert.textContent).toContain('Invalid time value');
    expect(alert.textContent).toContain('Nothing was deleted');
    armed.current = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Back to normal')).toBeTruthy();
  });

  it('a time-bomb import is refused, and a record with an impossible time that got in anyway does not blank the dashboard', async () => {
    await seed(2);
    const { user } = await openIntegrity();
    const [r] = await db.interactions.toArray();
    const bomb = { ...r!, id: 'bomb', seq: 1, workstation: 'ws-bomb', time: 9007199254740991 };
    await user.upload(screen.getByTestId('import-input'), new File([`${JSON.stringify(bomb)}\n`], 'bomb.jsonl'));
    expect((await screen.findByRole('alert')).textContent).toContain('not a plausible date');
    expect(await db.imported.count()).toBe(0);

    // Past every check (DevTools, an older version): the page still draws, and the record can be removed.
    await db.imported.add(bomb);
    const store = createDashboardStore(db, { record: (e) => appendEvent(e, logSettings(), db) });
    render(<Page store={store} />);
    await act(() => store.getState().load());
    expect(screen.getAllByRole('heading', { level: 1 }).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/\(invalid date 9007199254740991\)/).length).toBeGreaterThan(0);
  });
});
