import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { PinGuard, type PinRecord } from '@/lib/manager-pin';
import { getSettings } from '@/lib/settings-storage';
import { createSettingsStore } from '@/lib/stores/settings-store';

// The rules registry as issue #3 exposes it: each rule has an id and a description.
const registry = vi.hoisted(() => ({ rules: [] as Array<{ id: string; description: string }> }));
vi.mock('@/lib/stores/rule-list', () => ({ ruleList: () => registry.rules }));

describe('rules on/off', () => {
  it('says so calmly when the rules registry is not available', async () => {
    registry.rules = [];
    const store = createSettingsStore();
    store.start();
    render(<OptionsApp settingsStore={store} download={vi.fn()} />);
    const rules = await screen.findByRole('region', { name: 'Rules' });
    expect(within(rules).getByText(/not available in this version/)).toBeTruthy();
  });

  it('lists each rule with its description and saves the ones turned off', async () => {
    registry.rules = [
      { id: 'visit-reference', description: 'Mentions of a visit or appointment.' },
      { id: 'care-terms', description: 'Procedures, conditions and treatments.' },
    ];
    const store = createSettingsStore();
    store.start();
    const user = userEvent.setup();
    let pin: PinRecord | null = null;
    const store2 = {
      get: async () => pin,
      set: async (r: PinRecord) => {
        pin = r;
      },
    };
    const pins = new PinGuard(store2, Date.now, 1000);
    await pins.create('2468');
    render(<OptionsApp settingsStore={store} download={vi.fn()} pins={pins} />);
    const rules = await screen.findByRole('region', { name: 'Rules' });
    const visit = within(rules).getByRole('checkbox', {
      name: 'Mentions of a visit or appointment.',
    }) as HTMLInputElement;
    expect(visit.checked).toBe(true);
    expect(within(rules).getByText('visit-reference')).toBeTruthy();
    // Turning a rule off weakens the guard: the manager PIN is asked for first.
    await user.click(visit);
    const dialog = await screen.findByRole('dialog');
    expect((await getSettings()).settings.disabledRules).toEqual([]);
    await user.type(within(dialog).getByLabelText('Manager PIN'), '2468');
    await user.click(within(dialog).getByRole('button', { name: 'Apply changes' }));
    await waitFor(async () => expect((await getSettings()).settings.disabledRules).toEqual(['visit-reference']));
    await user.click(visit);
    await waitFor(async () => expect((await getSettings()).settings.disabledRules).toEqual([]));
  });
});
