/**
 * The settings as the popup and options page see them: a zustand store fed by settings-storage
 * (stored choices under the organization's policy) and kept live through `watchSettings`, so a
 * change made in one page, another window or by policy shows everywhere at once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { type EffectiveSettings, getSettings, updateSettings, watchSettings } from '@/lib/settings-storage';

/** Where the store reads and writes settings (settings-storage in the extension; fakes in tests). */
export interface SettingsIO {
  get(): Promise<EffectiveSettings>;
  update(patch: Partial<Settings>): Promise<void>;
  watch(onChange: (s: EffectiveSettings) => void): () => void;
}

/** The extension's own settings storage. */
export const storageIO: SettingsIO = { get: getSettings, update: updateSettings, watch: watchSettings };

/** What pages read from the settings store. */
export interface SettingsState {
  loaded: boolean;
  settings: Settings;
  /** Keys the organization's policy sets: shown disabled with "Set by your organization". */
  locked: Array<keyof Settings>;
  policyErrors: string[];
  /** The last save that failed, in words for the user. */
  saveError: string | null;
  /** Saves `patch`; resolves false (and sets saveError) when it was refused. */
  save(patch: Partial<Settings>): Promise<boolean>;
  /** True when the policy locks `key`. */
  isLocked(key: keyof Settings): boolean;
}

/** A settings store bound to `io`; call `start()` to load and follow changes. */
export function createSettingsStore(io: SettingsIO = storageIO): StoreApi<SettingsState> & { start(): () => void } {
  const store = createStore<SettingsState>()((set, get) => ({
    loaded: false,
    settings: DEFAULT_SETTINGS,
    locked: [],
    policyErrors: [],
    saveError: null,
    isLocked: (key) => get().locked.includes(key),
    async save(patch) {
      try {
        await io.update(patch);
        apply(await io.get());
        set({ saveError: null });
        return true;
      } catch (e) {
        set({ saveError: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
  }));
  const apply = (eff: EffectiveSettings) =>
    store.setState({ loaded: true, settings: eff.settings, locked: eff.locked, policyErrors: eff.policyErrors });
  return Object.assign(store, {
    start() {
      let live = true;
      void io.get().then((eff) => live && apply(eff));
      const unwatch = io.watch((eff) => live && apply(eff));
      return () => {
        live = false;
        unwatch();
      };
    },
  });
}
