import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAUSE_MS, PopupApp } from '@/components/popup/PopupApp';
import type { InteractionRecord } from '@/lib/log-record';
import type { PageStatus } from '@/lib/messaging';
import { getSettings, updateSettings } from '@/lib/settings-storage';
import { browserPopupApi, createPopupStore, type PopupApi, siteOfUrl } from '@/lib/stores/popup-store';
import { createSettingsStore } from '@/lib/stores/settings-store';

const PROFILE = {
  name: 'Bright Smile Dental',
  phone: '(555) 010-2000',
  email: 'hello@brightsmile.example',
  staff: [{ name: 'Dana Ortiz', role: 'office manager' }],
};
const YELP = 'https://biz.yelp.com/r2r/bright-smile-dental-demo/reviews';

function record(over: Partial<InteractionRecord>): InteractionRecord {
  return {
    id: 'r1',
    time: Date.now() - 5 * 60_000,
    site: 'yelp',
    pageKind: 'review-reply',
    url: YELP,
    verdict: 'block',
    categories: ['care-details'],
    rules: ['x'],
    outcome: 'edited',
    reason: '',
    staff: 'Dana Ortiz',
    text: '',
    textHash: '',
    durationMs: 0,
    extensionVersion: '0.1.0',
    prevHash: '',
    hash: '',
    ...over,
  };
}

function fakeApi(over: Partial<PopupApi> = {}): PopupApi & { [K in keyof PopupApi]: ReturnType<typeof vi.fn> } {
  const status: PageStatus = { site: 'yelp', active: true, verdict: 'warn', findingCount: 2 };
  return {
    targetTab: vi.fn(async () => ({ id: 7, url: YELP })),
    getStatus: vi.fn(async () => status),
    insert: vi.fn(async () => ({ ok: true as const })),
    recent: vi.fn(async () => [record({}), record({ id: 'r2', verdict: 'ok', outcome: 'posted', site: 'facebook' })]),
    copy: vi.fn(async () => {}),
    openDashboard: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    ...over,
  } as never;
}

async function renderPopup(api = fakeApi(), now?: () => number) {
  const settingsStore = createSettingsStore();
  const stop = settingsStore.start();
  const popupStore = createPopupStore(api);
  const user = userEvent.setup();
  const view = render(<PopupApp settingsStore={settingsStore} popupStore={popupStore} now={now} />);
  await screen.findByRole('heading', { level: 2, name: 'Approved replies' });
  return { api, user, view, stop, settingsStore };
}

beforeEach(async () => {
  await updateSettings({ profile: PROFILE, staffMember: 'Dana Ortiz' });
});

describe('status of the page', () => {
  it('shows the guard is on and the focused reply’s verdict', async () => {
    await renderPopup();
    expect(await screen.findByText('Guard on')).toBeTruthy();
    expect(screen.getByText('Yelp for Business')).toBeTruthy();
    expect(screen.getByTestId('verdict').textContent).toMatch(/may confirm someone is a patient \(2 issues\)/);
  });

  it('asks to click into a reply box when none has focus', async () => {
    await renderPopup(
      fakeApi({
        getStatus: vi.fn(
          async (): Promise<PageStatus> => ({ site: 'yelp', active: true, verdict: null, findingCount: 0 }),
        ),
      }),
    );
    expect((await screen.findByTestId('verdict')).textContent).toMatch(/No reply box in focus/);
  });

  it('says when the page is not a supported site', async () => {
    await renderPopup(
      fakeApi({
        targetTab: vi.fn(async () => ({ id: 3, url: 'https://example.com/' })),
        getStatus: vi.fn(async () => {
          throw new Error('Could not establish connection');
        }),
      }),
    );
    expect(await screen.findByText('Not watched')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause for 10 minutes' })).toBeNull();
  });

  it('says when a supported page’s content script does not answer', async () => {
    await renderPopup(
      fakeApi({
        getStatus: vi.fn(async () => {
          throw new Error('Could not establish connection');
        }),
      }),
    );
    expect(await screen.findByText(/Reload the page to start it/)).toBeTruthy();
  });

  it('pauses for 10 minutes and resumes', async () => {
    const t = Date.UTC(2026, 10, 28, 9, 0);
    const { user } = await renderPopup(fakeApi(), () => t);
    await user.click(await screen.findByRole('button', { name: 'Pause for 10 minutes' }));
    await waitFor(async () => expect((await getSettings()).settings.pausedUntil).toBe(t + PAUSE_MS));
    expect(await screen.findByText(/Paused until/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume now' }));
    await waitFor(async () => expect((await getSettings()).settings.pausedUntil).toBe(0));
  });

  it('sends "Turn off" to the options page (reason and PIN), and turns a site back on at once', async () => {
    await updateSettings({ siteOff: { yelp: { until: Date.now() + 60_000, reason: 'Yelp is down' } } });
    const { user, api } = await renderPopup();
    expect(await screen.findByText('Off for this site')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Turn on for this site' }));
    await waitFor(async () => expect((await getSettings()).settings.siteOff.yelp).toBeUndefined());
    expect(await screen.findByText('Guard on')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Turn off for this site' }));
    expect(api.openOptions).toHaveBeenCalled();
    expect((await getSettings()).settings.siteOff.yelp).toBeUndefined();
  });

  it('disables what the organization’s policy sets', async () => {
    await fakeBrowser.storage.managed.set({ allowPause: false, sites: { facebook: true, google: true, yelp: true } });
    await renderPopup();
    const pause = await screen.findByRole('button', { name: 'Pause for 10 minutes' });
    expect((pause as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Turn off for this site' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Set by your organization')).toBeTruthy();
  });
});

describe('templates', () => {
  it('previews the selected template filled from the practice profile', async () => {
    await renderPopup();
    const preview = screen.getByTestId('template-preview');
    expect(preview.textContent).not.toMatch(/[{}]/);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Kind words/ }));
    expect(screen.getByTestId('template-preview').textContent).toContain('Everyone at Bright Smile Dental');
  });

  it('searches and filters by category', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByLabelText('Search templates'), 'billing team');
    const list = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(list).toEqual(['Billing complaint']);
    await user.clear(screen.getByLabelText('Search templates'));
    await user.selectOptions(screen.getByLabelText('Category'), 'crisis');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Crisis']);
    await user.type(screen.getByLabelText('Search templates'), 'zzzz');
    expect(screen.getByText(/No template matches/)).toBeTruthy();
  });

  it('inserts the filled text into the reply box of the target tab', async () => {
    const { user, api } = await renderPopup();
    await user.click(screen.getByRole('button', { name: /^Courtesy matters/ }));
    const text = screen.getByTestId('template-preview').textContent;
    expect(text).toContain('please call us at (555) 010-2000 or email hello@brightsmile.example');
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    expect(api.insert).toHaveBeenCalledWith(7, text);
    expect((await screen.findByRole('status')).textContent).toMatch(/Inserted/);
  });

  it('shows the page’s error when there is no reply box', async () => {
    const { user } = await renderPopup(
      fakeApi({ insert: vi.fn(async () => ({ ok: false as const, error: 'No reply box is focused on this page.' })) }),
    );
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No reply box is focused on this page.');
  });

  it('does not try to insert on an unsupported page, and says to copy instead', async () => {
    const api = fakeApi({ targetTab: vi.fn(async () => null) });
    const { user } = await renderPopup(api);
    await screen.findByText('Not watched');
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    expect(api.insert).not.toHaveBeenCalled();
    expect((await screen.findByRole('alert')).textContent).toMatch(/use Copy/);
  });

  it('copies the filled text', async () => {
    const { user, api } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(api.copy).toHaveBeenCalledWith(screen.getByTestId('template-preview').textContent);
    expect((await screen.findByRole('status')).textContent).toMatch(/Copied/);
  });

  it('offers another wording of the same kind, cycling through all of them', async () => {
    const { user } = await renderPopup();
    await user.click(screen.getByRole('button', { name: /^Courtesy matters/ }));
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      seen.add(screen.getByTestId('template-preview').textContent ?? '');
      expect(screen.getByRole('region', { name: 'Preview' }).textContent).toContain('Complaint about wait or staff');
      await user.click(screen.getByRole('button', { name: 'Another wording' }));
    }
    expect(seen.size).toBe(3);
    // Back to the first after all three.
    expect(screen.getByRole('button', { name: /^Courtesy matters/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the practice’s own templates first, marked as theirs', async () => {
    await updateSettings({
      customTemplates: [{ id: 'c1', category: 'praise', title: 'Our thanks', text: 'Thanks from {practice}!' }],
    });
    await renderPopup();
    const praise = screen.getAllByRole('heading', { level: 3 })[0]!.parentElement!;
    const first = within(praise).getAllByRole('button')[0]!;
    expect(first.textContent).toMatch(/^Our thanksOursThanks from Bright Smile Dental!/);
  });

  it('follows settings changed elsewhere, live', async () => {
    await renderPopup();
    await act(() => updateSettings({ profile: { ...PROFILE, name: 'Lakeside Family Dental' } }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Kind words/ }));
    await waitFor(() => expect(screen.getByTestId('template-preview').textContent).toContain('Lakeside Family Dental'));
  });
});

describe('recent activity and staff', () => {
  it('lists the last interactions and opens the dashboard', async () => {
    const { user, api } = await renderPopup();
    expect(await screen.findByText('Edited before posting')).toBeTruthy();
    expect(screen.getByText('Posted')).toBeTruthy();
    expect(screen.getAllByText('5 min ago')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Open dashboard' }));
    expect(api.openDashboard).toHaveBeenCalled();
  });

  it('shows a calm empty state when the log cannot answer', async () => {
    await renderPopup(
      fakeApi({
        recent: vi.fn(async () => {
          throw new Error('no log');
        }),
      }),
    );
    expect(await screen.findByText(/Recent activity will show here/)).toBeTruthy();
  });

  it('asks once who is replying, and remembers it', async () => {
    await updateSettings({ staffMember: '' });
    const { user } = await renderPopup();
    expect(screen.getByText('Who is replying from this browser?')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Staff member'), '__other__');
    await user.type(screen.getByLabelText('Your name'), 'Sam Lee');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await getSettings()).settings.staffMember).toBe('Sam Lee'));
    expect(await screen.findByText('Sam Lee')).toBeTruthy();
    expect(screen.queryByText('Who is replying from this browser?')).toBeNull();
  });

  it('opens the settings page', async () => {
    const { user, api } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(api.openOptions).toHaveBeenCalled();
  });
});

describe('browserPopupApi', () => {
  it('acts on the tab named by ?tab= (a popup opened in a tab of its own)', async () => {
    window.history.replaceState(null, '', '/popup.html?tab=42');
    expect((await browserPopupApi.targetTab())?.id).toBe(42);
    window.history.replaceState(null, '', '/popup.html');
  });
});

describe('siteOfUrl', () => {
  it('knows the watched sites by address, and nothing else', () => {
    expect(siteOfUrl('https://www.facebook.com/BrightSmileDentalDemo/posts/1')).toBe('facebook');
    expect(siteOfUrl('https://www.google.com/local/business/123/customers/reviews')).toBe('google');
    expect(siteOfUrl('https://biz.yelp.com/r2r/x/reviews')).toBe('yelp');
    expect(siteOfUrl('https://www.google.com/search?q=x')).toBeNull();
    expect(siteOfUrl('https://example.com/')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
  });
});
