import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LogTable } from '@/components/dashboard/LogTable';
import { buildRecordSync } from '@/lib/background/chain';
import type { ViewRecord } from '@/lib/dashboard/filter';
import { input } from '../unit/log-fixtures';

function records(n: number): ViewRecord[] {
  const out: ViewRecord[] = [];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const r = buildRecordSync(input({ reason: `reason ${i}` }), {
      id: `id-${i}`,
      time: Date.UTC(2026, 9, 1) + i * 60_000,
      staff: i % 2 ? 'Dana Ruiz' : 'Luis Moreno',
      textMode: 'redacted',
      extensionVersion: '0.1.0',
      prevHash: prev,
      seq: i + 1,
    });
    prev = r.hash;
    out.push({ ...r, workstation: 'ws-a', imported: false });
  }
  return out.reverse();
}

beforeEach(() => {
  // happy-dom does no layout: give the scroller a size so the virtualizer has a window to fill.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});

describe('log table', () => {
  it('renders only the rows in view out of 100,000, newest first', () => {
    const base = records(1)[0]!;
    // Cheap copies: the table does not check hashes.
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      ...base,
      id: `r${i}`,
      seq: 100_000 - i,
      reason: `reason ${i}`,
    }));
    render(<LogTable records={many} loadingMore={false} />);
    const table = screen.getByRole('table', { name: 'Interaction log' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(within(table).getByText('reason 0')).toBeTruthy();
    expect(within(table).queryByText('reason 99999')).toBeNull();
  });

  it('shows every field of a record from its row, and closes', async () => {
    const rs = records(5);
    render(<LogTable records={rs} loadingMore={false} />);
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: /^Details of record 5 from/ })[0]!);
    const details = screen.getByRole('region', { name: 'Selected record' });
    expect(within(details).getByText(rs[0]!.hash)).toBeTruthy();
    expect(within(details).getByText('reason 4')).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Selected record' })).toBeNull();
  });

  it('says so when nothing matches', () => {
    render(<LogTable records={[]} loadingMore={false} />);
    expect(screen.getByText(/No records match/)).toBeTruthy();
  });
});
