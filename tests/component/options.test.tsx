import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { PinGuard, type PinRecord } from '@/lib/manager-pin';
import { DEFAULT_SETTINGS, endOfDay } from '@/lib/settings';
import { getSettings, updateSettings } from '@/lib/settings-storage';
import { exportSettings } from '@/lib/settings-transfer';
import { createSettingsStore } from '@/lib/stores/settings-store';

const PROFILE = { name: 'Bright Smile Dental', phone: '(555) 010-2000', email: 'hello@brightsmile.example', staff: [] };

/** A PIN store in memory, with few PBKDF2 iterations so tests stay fast. */
function memoryPins(initial: PinRecord | null = null) {
  let record = initial;
  return new PinGuard(
    {
      get: async () => record,
      set: async (r) => {
        record = r;
      },
    },
    Date.now,
    1000,
  );
}

async function renderOptions(opts: { pins?: PinGuard; olderThan?: number } = {}) {
  const settingsStore = createSettingsStore();
  settingsStore.start();
  const download = vi.fn();
  const countOlderThan = vi.fn(async () => opts.olderThan ?? 0);
  const recordEvent = vi.fn(async () => 'id');
  const pins = opts.pins ?? memoryPins();
  const user = userEvent.setup();
  render(
    <OptionsApp
      settingsStore={settingsStore}
      download={download}
      pins={pins}
      countOlderThan={countOlderThan}
      recordEvent={recordEvent}
    />,
  );
  await screen.findByRole('heading', { level: 2, name: 'Practice profile' });
  return { user, download, pins, countOlderThan, recordEvent };
}

/** Answers the PIN dialog: creates the PIN the first time (both fields), enters it after. */
async function answerPin(user: ReturnType<typeof userEvent.setup>, pin = '2468') {
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByLabelText(/Manager PIN|New manager PIN/), pin);
  const again = within(dialog).queryByLabelText('Same PIN again');
  if (again) await user.type(again, pin);
  await user.click(within(dialog).getByRole('button', { name: 'Apply changes' }));
  return dialog;
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
  it('saves a stricter setting at once, and asks for the manager PIN (created the first time) to weaken', async () => {
    const { user, pins } = await renderOptions();
    const firstNames = screen.getByLabelText("Allow reviewers' first names") as HTMLInputElement;
    expect(firstNames.checked).toBe(false);
    await user.click(screen.getByRole('radio', { name: /Strict/ }));
    await waitFor(async () => expect((await saved()).strictness).toBe('strict'));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(firstNames);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'This change weakens the guard' })).toBeTruthy();
    expect(
      within(dialog)
        .getByText(/Allow reviewers' first names/)
        .closest('li')?.textContent,
    ).toMatch(/off → on.*weakens the guard/);
    expect((await saved()).allowReviewerFirstName).toBe(false);
    await answerPin(user);
    await waitFor(async () => expect((await saved()).allowReviewerFirstName).toBe(true));
    expect(await pins.isSet()).toBe(true);

    await user.click(screen.getByLabelText('Monitor only'));
    const second = await screen.findByRole('dialog');
    expect(within(second).queryByLabelText('Same PIN again')).toBeNull();
    await answerPin(user);
    await waitFor(async () => expect((await saved()).monitorOnly).toBe(true));
  });

  it('refuses a wrong PIN and saves nothing; Cancel leaves the setting as it was', async () => {
    const pins = memoryPins();
    await pins.create('1357');
    const { user } = await renderOptions({ pins });
    await user.click(screen.getByRole('radio', { name: /Relaxed/ }));
    const dialog = await answerPin(user, '9999');
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/not right/);
    expect((await saved()).strictness).toBe('standard');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('radio', { name: /Standard/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('turns a site off only with a reason, until the end of the day, and back on without a PIN', async () => {
    const { user } = await renderOptions();
    const google = screen.getByLabelText('Check replies on Google Business Profile') as HTMLInputElement;
    await user.click(google);
    const off = screen.getByRole('button', { name: 'Turn off until the end of today' });
    expect((off as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Why turn it off?'), 'Google shows an error on every reply');
    await user.click(off);
    await answerPin(user);
    await waitFor(async () =>
      expect((await saved()).siteOff.google).toEqual({
        until: endOfDay(),
        reason: 'Google shows an error on every reply',
      }),
    );
    expect((await saved()).sites.google).toBe(true);
    expect(await screen.findByText(/Google shows an error on every reply/)).toBeTruthy();
    await user.click(screen.getByLabelText('Check replies on Google Business Profile'));
    await waitFor(async () => expect((await saved()).siteOff.google).toBeUndefined());
    expect(screen.queryByRole('dialog')).toBeNull();
  });
  it('adds and removes extra sensitive terms', async () => {
    const { user } = await renderOptions();
    await user.type(screen.getByLabelText('New sensitive term'), 'Suboxone{Enter}');
    await user.type(screen.getByLabelText('New sensitive term'), 'IVF');
    await user.click(screen.getByRole('button', { name: 'Add term' }));
    await waitFor(async () => expect((await saved()).extraTerms).toEqual(['Suboxone', 'IVF']));
    // Dropping a term narrows what is flagged: the manager PIN is asked for.
    await user.click(await screen.findByRole('button', { name: 'Remove Suboxone' }));
    await answerPin(user);
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
  it('refuses less than a year, and says how many records a shorter retention deletes before asking the PIN', async () => {
    await updateSettings({ log: { retentionDays: 3000, textMode: 'redacted' } });
    const { user, countOlderThan } = await renderOptions({ olderThan: 58 });
    const log = section('Compliance log');
    const days = within(log).getByLabelText('Keep records for (days)');
    await user.clear(days);
    await user.type(days, '1{Enter}');
    expect((await within(log).findByRole('alert')).textContent).toMatch(/from 365/);
    await user.clear(days);
    await user.type(days, '400{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(countOlderThan).toHaveBeenCalledWith(400);
    expect(within(dialog).getByText(/deletes 58 records older than 400 days/)).toBeTruthy();
    await answerPin(user);
    await waitFor(async () => expect((await saved()).log.retentionDays).toBe(400));
    await user.click(within(log).getByRole('radio', { name: /No text/ }));
    await answerPin(user);
    await waitFor(async () => expect((await saved()).log).toEqual({ retentionDays: 400, textMode: 'none' }));
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
    const { user, recordEvent } = await renderOptions();
    const file = exportSettings({ ...DEFAULT_SETTINGS, profile: { name: 'Imported Dental' }, monitorOnly: true });
    await user.upload(
      screen.getByLabelText('Import settings file'),
      new File([file], 'setup.json', { type: 'application/json' }),
    );
    // The diff comes first; monitor-only weakens the guard, so the PIN is asked for.
    const dialog = await screen.findByRole('dialog', { name: /Import settings from “setup.json”/ });
    expect(
      within(dialog)
        .getByText(/Monitor only/)
        .closest('li')?.textContent,
    ).toMatch(/off → on.*weakens/);
    expect((await saved()).monitorOnly).toBe(false);
    await answerPin(user);
    expect((await screen.findByText(/Imported settings from “setup.json”/)).textContent).toBeTruthy();
    expect(recordEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        outcome: 'settings-imported',
        detail: expect.objectContaining({ file: 'setup.json' }),
      }),
    );
    const s = await saved();
    expect([s.profile.name, s.monitorOnly, s.staffMember]).toEqual(['Imported Dental', true, 'Dana Ortiz']);
    await waitFor(() =>
      expect((screen.getByLabelText('Practice name') as HTMLInputElement).value).toBe('Imported Dental'),
    );
  });

  it('changes nothing when the import is cancelled at the diff', async () => {
    const { user } = await renderOptions();
    const before = await fakeBrowser.storage.local.get(null);
    const file = exportSettings({ ...DEFAULT_SETTINGS, profile: PROFILE, strictness: 'relaxed' });
    await user.upload(screen.getByLabelText('Import settings file'), new File([file], 'lax.json'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog)
        .getByText(/Strictness/)
        .closest('li')?.textContent,
    ).toMatch(/standard → relaxed/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await within(section('Export and import')).findByRole('alert')).textContent).toMatch(/Nothing was changed/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
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
