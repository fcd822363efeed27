import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
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
    render(<OptionsApp settingsStore={store} download={vi.fn()} />);
    const rules = await screen.findByRole('region', { name: 'Rules' });
    const visit = within(rules).getByRole('checkbox', {
      name: 'Mentions of a visit or appointment.',
    }) as HTMLInputElement;
    expect(visit.checked).toBe(true);
    expect(within(rules).getByText('visit-reference')).toBeTruthy();
    await user.click(visit);
    await waitFor(async () => expect((await getSettings()).settings.disabledRules).toEqual(['visit-reference']));
    await user.click(visit);
    await waitFor(async () => expect((await getSettings()).settings.disabledRules).toEqual([]));
  });
});
