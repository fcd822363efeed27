/**
 * Issue #10 item 7: the practice lists its own Facebook Pages; until it does, the popup asks on
 * Facebook. The options page keeps them with the profile.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileSection } from '@/components/options/ProfileSection';
import { parsePages } from '@/components/popup/PagesPrompt';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PageStatus } from '@/lib/messaging';
import { getSettings, updateSettings } from '@/lib/settings-storage';
import { createPopupStore, type PopupApi } from '@/lib/stores/popup-store';
import { createSettingsStore } from '@/lib/stores/settings-store';
import type { PracticeProfile } from '@/rules/types';

const FACEBOOK = 'https://www.facebook.com/BrightSmileDental/posts/1';

function api(site: PageStatus['site'], url: string): PopupApi {
  const status: PageStatus = { site, active: true, verdict: null, findingCount: 0 };
  return {
    targetTab: vi.fn(async () => ({ id: 7, url })),
    getStatus: vi.fn(async () => status),
    insert: vi.fn(async () => ({ ok: true as const })),
    recent: vi.fn(async () => []),
    copy: vi.fn(async () => {}),
    openDashboard: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
  } as never;
}

async function renderPopup(site: PageStatus['site'], url: string) {
  const settingsStore = createSettingsStore();
  settingsStore.start();
  render(<PopupApp settingsStore={settingsStore} popupStore={createPopupStore(api(site, url))} />);
  await screen.findByRole('heading', { level: 2, name: 'Approved replies' });
}

beforeEach(async () => {
  await updateSettings({ profile: { name: 'Bright Smile Dental', staff: [] }, staffMember: 'Dana Ortiz' });
});

describe('the popup asks for the practice’s Facebook Pages', () => {
  it('on Facebook with none listed, and saves what is typed into the profile', async () => {
    await renderPopup('facebook', FACEBOOK);
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: "The practice's Facebook Pages" });
    const save = screen.getByRole('button', { name: 'Save Pages' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(field, 'Bright Smile Dental, facebook.com/BrightSmileKids');
    await user.click(save);
    await waitFor(async () =>
      expect((await getSettings()).settings.profile).toMatchObject({
        name: 'Bright Smile Dental',
        facebookPages: ['Bright Smile Dental', 'facebook.com/BrightSmileKids'],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save Pages' })).toBeNull());
  });

  it('not once a Page is listed', async () => {
    await updateSettings({ profile: { staff: [], facebookPages: ['Bright Smile Dental'] } });
    await renderPopup('facebook', FACEBOOK);
    expect(screen.queryByRole('heading', { name: /Facebook Pages are your practice/ })).toBeNull();
  });

  it('not on Yelp', async () => {
    await renderPopup('yelp', 'https://biz.yelp.com/r2r/x');
    expect(screen.queryByRole('heading', { name: /Facebook Pages are your practice/ })).toBeNull();
  });

  it('splits entries on lines and commas, drops blanks and repeats', () => {
    expect(parsePages(' A Page ,\nB\n\nA Page')).toEqual(['A Page', 'B']);
  });
});

describe('the options page keeps the Pages with the profile', () => {
  it('shows, edits and saves them one per line', async () => {
    const saved: PracticeProfile[] = [];
    const user = userEvent.setup();
    render(
      <ProfileSection
        profile={{ name: 'Bright Smile Dental', staff: [], facebookPages: ['Bright Smile Dental'] }}
        locked={false}
        onSave={async (p) => {
          saved.push(p);
          return true;
        }}
      />,
    );
    const pages = screen.getByRole('textbox', { name: 'Facebook Pages (one per line)' }) as HTMLTextAreaElement;
    expect(pages.value).toBe('Bright Smile Dental');
    await user.type(pages, '\nfacebook.com/BrightSmileKids');
    await user.type(screen.getByRole('textbox', { name: 'Instagram accounts (one per line)' }), '@brightsmile');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(saved.at(-1)).toMatchObject({
      facebookPages: ['Bright Smile Dental', 'facebook.com/BrightSmileKids'],
      instagramAccounts: ['@brightsmile'],
    });
  });
});

describe('settings checks', () => {
  it('a policy or an import may set the Pages only as a list of strings', async () => {
    const { validateSettings } = await import('@/lib/settings-storage');
    expect(validateSettings({ profile: { facebookPages: ['A'] } }).errors).toEqual([]);
    expect(validateSettings({ profile: { facebookPages: 'A' } }).errors).toHaveLength(1);
    expect(validateSettings({ profile: { instagramAccounts: [1] } }).errors).toHaveLength(1);
  });
});
