import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { getSettings, updateSettings } from '@/lib/settings-storage';
import { exportSettings } from '@/lib/settings-transfer';
import { createSettingsStore } from '@/lib/stores/settings-store';

const PROFILE = { name: 'Bright Smile Dental', phone: '(555) 010-2000', email: 'hello@brightsmile.example', staff: [] };

async function renderOptions() {
  const settingsStore = createSettingsStore();
  settingsStore.start();
  const download = vi.fn();
  const user = userEvent.setup();
  render(<OptionsApp settingsStore={settingsStore} download={download} />);
  await screen.findByRole('heading', { level: 2, name: 'Practice profile' });
  return { user, download };
}

const saved = async () => (await getSettings()).settings;
const section = (name: string) => screen.getByRole('region', { name });

beforeEach(async () => {
  await updateSettings({ profile: PROFILE, staffMember: 'Dana Ortiz' });
});

describe('practice profile', () => {
  it('edits details and staff, and saves them', async () => {
    const { user } = await renderOptions();
    const profile = section('Practice profile');
    const name = within(profile).getByLabelText('Practice name');
    expect((name as HTMLInputElement).value).toBe('Bright Smile Dental');
    await user.clear(name);
    await user.type(name, 'Lakeside Dental');
    await user.type(within(profile).getByLabelText('Web site'), 'https://lakeside.example');
    await user.click(within(profile).getByRole('button', { name: 'Add staff member' }));
    await user.type(within(profile).getByLabelText('Staff name 1'), 'Dr. Priya Patel');
    await user.type(within(profile).getByLabelText('Role of staff member 1'), 'dentist');
    await user.click(within(profile).getByRole('button', { name: 'Add staff member' }));
    await user.type(within(profile).getByLabelText('Staff name 2'), 'Temp');
    await user.click(within(profile).getByRole('button', { name: 'Remove Temp' }));
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));
    expect((await within(profile).findByRole('status')).textContent).toBe('Profile saved.');
    expect((await saved()).profile).toEqual({
      name: 'Lakeside Dental',
      phone: '(555) 010-2000',
      email: 'hello@brightsmile.example',
      website: 'https://lakeside.example',
      staff: [{ name: 'Dr. Priya Patel', role: 'dentist' }],
    });
  });

  it('refuses an email address that does not look right', async () => {
    const { user } = await renderOptions();
    const profile = section('Practice profile');
    await user.clear(within(profile).getByLabelText('Email'));
    await user.type(within(profile).getByLabelText('Email'), 'not-an-email');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));
    expect((await within(profile).findByRole('alert')).textContent).toMatch(/email address/);
    expect((await saved()).profile.email).toBe('hello@brightsmile.example');
  });
});

describe('checking', () => {
  it('saves strictness, first names (off by default), monitor-only and per-site switches', async () => {
    const { user } = await renderOptions();
    const firstNames = screen.getByLabelText("Allow reviewers' first names") as HTMLInputElement;
    expect(firstNames.checked).toBe(false);
    await user.click(screen.getByRole('radio', { name: /Strict/ }));
    await user.click(firstNames);
    await user.click(screen.getByLabelText('Monitor only'));
    await user.click(screen.getByLabelText('Check replies on Google Business Profile'));
    await waitFor(async () => {
      const s = await saved();
      expect([s.strictness, s.allowReviewerFirstName, s.monitorOnly, s.sites]).toEqual([
        'strict',
        true,
        true,
        { facebook: true, google: false, yelp: true },
      ]);
    });
  });

  it('adds and removes extra sensitive terms', async () => {
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('New sensitive term'), 'Suboxone{Enter}');
    await user.type(screen.getByLabelText('New sensitive term'), 'IVF');
    await user.click(screen.getByRole('button', { name: 'Add term' }));
    await waitFor(async () => expect((await saved()).extraTerms).toEqual(['Suboxone', 'IVF']));
    await user.click(await screen.findByRole('button', { name: 'Remove Suboxone' }));
    await waitFor(async () => expect((await saved()).extraTerms).toEqual(['IVF']));
  });
});

describe('custom templates', () => {
  it('adds a template that passes the rules', async () => {
    const { user } = await renderOptions();
    const templates = section('Custom templates');
    await user.click(within(templates).getByRole('button', { name: 'Add template' }));
    await user.type(within(templates).getByLabelText('Title'), 'Our thanks');
    await user.selectOptions(within(templates).getByLabelText('Kind of review'), 'praise');
    await user.type(within(templates).getByLabelText('Template text'), 'Thanks from all of us at {{practice}!');
    expect(within(templates).getByText(/Thanks from all of us at Bright Smile Dental!/)).toBeTruthy();
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    await waitFor(async () =>
      expect((await saved()).customTemplates).toEqual([
        expect.objectContaining({
          category: 'praise',
          title: 'Our thanks',
          text: 'Thanks from all of us at {practice}!',
        }),
      ]),
    );
    expect(within(templates).getByRole('status').textContent).toBe('Saved "Our thanks".');
  });

  it('refuses a template the check flags, shows the finding and saves nothing', async () => {
    const { user } = await renderOptions();
    const templates = section('Custom templates');
    await user.click(within(templates).getByRole('button', { name: 'Add template' }));
    await user.type(within(templates).getByLabelText('Title'), 'Named');
    await user.type(within(templates).getByLabelText('Template text'), 'Thanks {{name}!');
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    const alert = await within(templates).findByRole('alert');
    expect(alert.textContent).toMatch(/Not saved/);
    expect(alert.textContent).toMatch(/\{name\}/);
    expect((await saved()).customTemplates).toEqual([]);
  });

  it('edits, reorders and deletes', async () => {
    await updateSettings({
      customTemplates: [
        { id: 'a', category: 'praise', title: 'First', text: 'Thank you!' },
        { id: 'b', category: 'billing', title: 'Second', text: 'Please {contact} about billing.' },
      ],
    });
    const { user } = await renderOptions();
    const templates = section('Custom templates');
    await user.click(within(templates).getByRole('button', { name: 'Move First down' }));
    await waitFor(async () => expect((await saved()).customTemplates.map((t) => t.id)).toEqual(['b', 'a']));
    await user.click(within(templates).getByRole('button', { name: 'Edit First' }));
    const text = within(templates).getByLabelText('Template text');
    await user.clear(text);
    await user.type(text, 'Thank you so much!');
    await user.click(within(templates).getByRole('button', { name: 'Save template' }));
    await waitFor(async () => expect((await saved()).customTemplates[1]?.text).toBe('Thank you so much!'));
    await user.click(within(templates).getByRole('button', { name: 'Delete Second' }));
    await waitFor(async () => expect((await saved()).customTemplates.map((t) => t.id)).toEqual(['a']));
  });
});

describe('log settings', () => {
  it('saves retention days and the text mode, and refuses a bad number', async () => {
    const { user } = await renderOptions();
    const log = section('Compliance log');
    const days = within(log).getByLabelText('Keep records for (days)');
    await user.clear(days);
    await user.type(days, '0{Enter}');
    expect((await within(log).findByRole('alert')).textContent).toMatch(/from 1 to 3650/);
    await user.clear(days);
    await user.type(days, '90{Enter}');
    await user.click(within(log).getByRole('radio', { name: /No text/ }));
    await waitFor(async () => expect((await saved()).log).toEqual({ retentionDays: 90, textMode: 'none' }));
  });
});

describe('export and import', () => {
  it('exports all settings as a JSON download', async () => {
    const { user, download } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Export settings' }));
    const [name, text] = download.mock.calls[0]!;
    expect(name).toMatch(/^reply-guard-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(text).settings.profile).toEqual(PROFILE);
  });

  it('imports a settings file', async () => {
    const { user } = await renderOptions();
    const file = exportSettings({ ...DEFAULT_SETTINGS, profile: { name: 'Imported Dental' }, monitorOnly: true });
    await user.upload(
      screen.getByLabelText('Import settings file'),
      new File([file], 'setup.json', { type: 'application/json' }),
    );
    expect((await screen.findByText(/Imported settings from “setup.json”/)).textContent).toBeTruthy();
    const s = await saved();
    expect([s.profile.name, s.monitorOnly, s.staffMember]).toEqual(['Imported Dental', true, 'Dana Ortiz']);
    await waitFor(() =>
      expect((screen.getByLabelText('Practice name') as HTMLInputElement).value).toBe('Imported Dental'),
    );
  });

  it.each([
    ['a corrupt file', '{"format":"reply-guard-settings",', /not valid JSON/],
    ['a foreign file', '{"theme":"dark"}', /not a Reply Guard settings file/],
  ])('refuses %s with a clear error and changes nothing', async (_n, content, message) => {
    const { user } = await renderOptions();
    const before = await fakeBrowser.storage.local.get(null);
    await user.upload(
      screen.getByLabelText('Import settings file'),
      new File([content], 'x.json', { type: 'application/json' }),
    );
    const alert = await within(section('Export and import')).findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

describe('organization policy and live updates', () => {
  it('shows policy-locked settings disabled with a note, and the policy’s errors', async () => {
    await fakeBrowser.storage.managed.set({ monitorOnly: true, profile: { name: 'Org Dental' }, strictness: 'loud' });
    await renderOptions();
    const monitor = screen.getByLabelText('Monitor only') as HTMLInputElement;
    expect(monitor.checked).toBe(true);
    expect(monitor.disabled).toBe(true);
    expect((screen.getByLabelText('Practice name') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('Set by your organization').length).toBeGreaterThanOrEqual(2);
    const note = screen.getByRole('note', { name: 'Organization policy' });
    expect(note.textContent).toMatch(/sets 2 of these settings/);
    expect(note.textContent).toMatch(/strictness/);
  });

  it('shows changes made elsewhere without a reload', async () => {
    await renderOptions();
    await act(() => updateSettings({ monitorOnly: true }));
    await waitFor(() => expect((screen.getByLabelText('Monitor only') as HTMLInputElement).checked).toBe(true));
  });
});
