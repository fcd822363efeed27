/**
 * The popup's state: which tab it acts on, what the guard there says, the chosen template, the
 * last interactions, and feedback after Insert / Copy. Browser calls go through `PopupApi` so the
 * component tests can stand in for the page and the background.
 */
import { browser } from 'wxt/browser';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InteractionRecord } from '@/lib/log-record';
import type { BackgroundResponse, ContentResponse, PageStatus } from '@/lib/messaging';
import type { SiteId } from '@/lib/settings';
import { SITE_ADAPTERS } from '@/lib/sites';

/** The tab the popup acts on. */
export interface TargetTab {
  id: number;
  url?: string;
}

/** Everything the popup asks of the browser. */
export interface PopupApi {
  /** The tab to act on: `?tab=<id>` when given (tests, a detached popup), else the active tab. */
  targetTab(): Promise<TargetTab | null>;
  /** The guard's status in that tab; rejects when no content script answers. */
  getStatus(tabId: number): Promise<PageStatus>;
  insert(tabId: number, text: string): Promise<ContentResponse<'insert-template'>>;
  /** The reply area's structure, text removed, from the guard in that tab (issue #10 item 9). */
  pageStructure?(tabId: number): Promise<ContentResponse<'page-structure'>>;
  /** The last interactions from the log; rejects when the background cannot answer. */
  recent(limit: number): Promise<InteractionRecord[]>;
  copy(text: string): Promise<void>;
  openDashboard(): Promise<void>;
  openOptions(): Promise<void>;
}

/** How long the popup waits for a content script before saying it does not answer. */
const ANSWER_TIMEOUT_MS = 1500;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No answer from the page.')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** The site a page address belongs to, when it is one the guard watches (lib/sites knows which). */
export function siteOfUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  try {
    return SITE_ADAPTERS.find((a) => a.matches(new URL(url)))?.id ?? null;
  } catch {
    return null;
  }
}

/** The popup's browser calls in the extension. */
export const browserPopupApi: PopupApi = {
  async targetTab() {
    const param = new URLSearchParams(globalThis.location?.search ?? '').get('tab');
    if (param && /^\d+$/.test(param)) {
      const id = Number(param);
      // Without the "tabs" permission `url` is only known on the sites we have host access to.
      const tab = await browser.tabs.get(id).catch(() => null);
      return { id, url: tab?.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  },
  getStatus: (tabId) =>
    withTimeout(browser.tabs.sendMessage(tabId, { type: 'get-status' }) as Promise<PageStatus>, ANSWER_TIMEOUT_MS).then(
      (s) => {
        if (!s || typeof s !== 'object' || !('site' in s)) throw new Error('No answer from the page.');
        return s;
      },
    ),
  insert: async (tabId, text) => {
    const res = (await withTimeout(
      browser.tabs.sendMessage(tabId, { type: 'insert-template', text }),
      ANSWER_TIMEOUT_MS,
    )) as ContentResponse<'insert-template'> | undefined;
    return res ?? { ok: false, error: 'The page did not answer.' };
  },
  async recent(limit) {
    const res = (await browser.runtime.sendMessage({ type: 'recent-interactions', limit })) as
      | BackgroundResponse<'recent-interactions'>
      | undefined;
    if (!res?.ok) throw new Error(res && !res.ok ? res.error : 'The log did not answer.');
    return res.records;
  },
  pageStructure: async (tabId) => {
    const res = (await withTimeout(browser.tabs.sendMessage(tabId, { type: 'page-structure' }), ANSWER_TIMEOUT_MS)) as
      | ContentResponse<'page-structure'>
      | undefined;
    return res ?? { ok: false, error: 'The page did not answer.' };
  },
  copy: (text) => navigator.clipboard.writeText(text),
  async openDashboard() {
    // tabs.create needs no "tabs" permission (issue #2: least privilege).
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  },
  openOptions: () => browser.runtime.openOptionsPage(),
};

/** What the popup knows about the page it acts on. */
export type PageState =
  | { kind: 'loading' }
  /** Not Facebook, Google Business Profile or Yelp for Business (or no tab at all). */
  | { kind: 'unsupported' }
  /** A supported site whose content script did not answer (opened before the extension loaded). */
  | { kind: 'no-answer'; site: SiteId; tabId: number }
  | { kind: 'ready'; status: PageStatus; tabId: number };

/** The last interactions, or why they are not shown. */
export type RecentState = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; records: InteractionRecord[] };

/** A short message after an action, read out by screen readers. */
export interface Feedback {
  kind: 'ok' | 'error';
  text: string;
}

/** The popup's state and actions. */
export interface PopupState {
  page: PageState;
  recent: RecentState;
  query: string;
  /** 'all' or a template category id. */
  category: string;
  selectedId: string | null;
  feedback: Feedback | null;
  /** After "Copy page structure for a bug report". */
  structureNote: Feedback | null;
  busy: boolean;
  init(): Promise<void>;
  refreshStatus(): Promise<void>;
  setQuery(q: string): void;
  setCategory(c: string): void;
  select(id: string | null): void;
  insert(text: string): Promise<void>;
  copy(text: string): Promise<void>;
  /** Copies the reply area's structure (no text in it) to the clipboard; nothing is sent anywhere. */
  copyStructure(): Promise<void>;
  openDashboard(): void;
  openOptions(): void;
}

/** How many interactions the popup lists. */
export const RECENT_LIMIT = 5;

/** A popup store bound to `api`. */
export function createPopupStore(api: PopupApi = browserPopupApi): StoreApi<PopupState> {
  return createStore<PopupState>()((set, get) => {
    let tab: TargetTab | null = null;

    const loadStatus = async () => {
      const site = siteOfUrl(tab?.url);
      if (!tab) return set({ page: { kind: 'unsupported' } });
      try {
        const status = await api.getStatus(tab.id);
        set({ page: { kind: 'ready', status, tabId: tab.id } });
      } catch {
        set({ page: site ? { kind: 'no-answer', site, tabId: tab.id } : { kind: 'unsupported' } });
      }
    };

    const loadRecent = async () => {
      try {
        set({ recent: { kind: 'ready', records: (await api.recent(RECENT_LIMIT)).slice(0, RECENT_LIMIT) } });
      } catch {
        // The log may not exist yet (issue #6) or the worker may be restarting: a calm empty state.
        set({ recent: { kind: 'error' } });
      }
    };

    return {
      page: { kind: 'loading' },
      recent: { kind: 'loading' },
      query: '',
      category: 'all',
      selectedId: null,
      feedback: null,
      structureNote: null,
      busy: false,
      async init() {
        tab = await api.targetTab().catch(() => null);
        await Promise.all([loadStatus(), loadRecent()]);
      },
      refreshStatus: loadStatus,
      setQuery: (query) => set({ query }),
      setCategory: (category) => set({ category }),
      select: (selectedId) => set({ selectedId, feedback: null }),
      async insert(text) {
        const page = get().page;
        if (page.kind !== 'ready') {
          set({
            feedback: {
              kind: 'error',
              text:
                page.kind === 'no-answer'
                  ? 'Reload the page, click into a reply box, then try again.'
                  : 'Open a reply box on Facebook, Google or Yelp first, or use Copy.',
            },
          });
          return;
        }
        set({ busy: true, feedback: null });
        try {
          const res = await api.insert(page.tabId, text);
          set({
            feedback: res.ok
              ? { kind: 'ok', text: 'Inserted into the reply box. Read it over before posting.' }
              : { kind: 'error', text: res.error || 'Click into a reply box on the page, then try again.' },
          });
        } catch {
          set({ feedback: { kind: 'error', text: 'The page did not answer. Click into a reply box and try again.' } });
        } finally {
          set({ busy: false });
        }
        await loadStatus();
      },
      async copy(text) {
        try {
          await api.copy(text);
          set({ feedback: { kind: 'ok', text: 'Copied. Paste it into the reply box.' } });
        } catch {
          set({ feedback: { kind: 'error', text: 'Could not copy. Select the text and copy it yourself.' } });
        }
      },
      async copyStructure() {
        const page = get().page;
        if (page.kind !== 'ready' || !api.pageStructure) {
          set({ structureNote: { kind: 'error', text: 'Reload the page, click into the reply box, then try again.' } });
          return;
        }
        try {
          const res = await api.pageStructure(page.tabId);
          if (!res.ok) return set({ structureNote: { kind: 'error', text: res.error } });
          await api.copy(res.structure);
          set({
            structureNote: {
              kind: 'ok',
              text: 'Copied: the reply area’s structure, with no text in it. Paste it into your bug report.',
            },
          });
        } catch {
          set({
            structureNote: { kind: 'error', text: 'The page did not answer. Click into the reply box and try again.' },
          });
        }
      },
      openDashboard: () => void api.openDashboard(),
      openOptions: () => void api.openOptions(),
    };
  });
}
