import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PageStatus } from '@/lib/messaging';
import { updateSettings } from '@/lib/settings-storage';
import { createPopupStore, type PopupApi } from '@/lib/stores/popup-store';
import { createSettingsStore } from '@/lib/stores/settings-store';

// Issue #10 item 9 in the popup: an unseen submit is shown, and the page structure (no text in it)
// is copied to the clipboard on request only.

const YELP = 'https://biz.yelp.com/r2r/bright-smile-dental-demo/reviews';
const STRUCTURE = 'form method="post"\n  textarea ◀ reply box';

function api(status: Partial<PageStatus>, over: Partial<PopupApi> = {}) {
  return {
    targetTab: vi.fn(async () => ({ id: 7, url: YELP })),
    getStatus: vi.fn(
      async (): Promise<PageStatus> => ({ site: 'yelp', active: true, verdict: null, findingCount: 0, ...status }),
    ),
    insert: vi.fn(async () => ({ ok: true as const })),
    pageStructure: vi.fn(async () => ({ ok: true as const, structure: STRUCTURE })),
    recent: vi.fn(async () => []),
    copy: vi.fn(async () => {}),
    openDashboard: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    ...over,
  } satisfies PopupApi;
}

async function renderPopup(a: PopupApi) {
  const settingsStore = createSettingsStore();
  settingsStore.start();
  render(<PopupApp settingsStore={settingsStore} popupStore={createPopupStore(a)} />);
  await screen.findByText('Guard on');
}

beforeEach(async () => {
  await updateSettings({ staffMember: 'Dana Ortiz' });
});

describe('the popup and drift', () => {
  it('says the guard may be missing the post button once a submit went unseen', async () => {
    await renderPopup(api({ unseenSubmits: 1 }));
    expect(screen.getByTestId('unseen-submit').textContent).toMatch(/may be missing this site's post button/);
  });

  it('says nothing about it while every submit was seen', async () => {
    await renderPopup(api({ unseenSubmits: 0 }));
    expect(screen.queryByTestId('unseen-submit')).toBeNull();
  });

  it('copies the page structure only when asked, and says so', async () => {
    const a = api({});
    await renderPopup(a);
    expect(a.pageStructure).not.toHaveBeenCalled();
    expect(a.copy).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Copy page structure for a bug report' }));
    expect(a.pageStructure).toHaveBeenCalledWith(7);
    expect(a.copy).toHaveBeenCalledWith(STRUCTURE);
    expect(await screen.findByText(/with no text in it/)).toBeTruthy();
  });

  it('shows the page’s answer when there is no reply box to describe', async () => {
    const a = api(
      {},
      {
        pageStructure: vi.fn(async () => ({
          ok: false as const,
          error: 'Click into the reply box first, then try again.',
        })),
      },
    );
    await renderPopup(a);
    await userEvent.click(screen.getByRole('button', { name: 'Copy page structure for a bug report' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Click into the reply box first, then try again.');
    expect(a.copy).not.toHaveBeenCalled();
  });
});
