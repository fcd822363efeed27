/**
 * The popup's container: connects the settings and popup stores to the presentational PopupView.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { type SiteId, siteOffNow } from '@/lib/settings';
import type { PopupState } from '@/lib/stores/popup-store';
import type { SettingsState } from '@/lib/stores/settings-store';
import { categoryLabel, fillTemplate, TEMPLATE_CATEGORIES, templates } from '@/lib/templates';
import { PopupLoading, PopupView } from './PopupView';
import type { GuardState } from './StatusCard';
import type { TemplateItem } from './TemplatePicker';

/** How long "Pause" pauses the guard (issue #5). */
export const PAUSE_MS = 10 * 60_000;

export interface PopupAppProps {
  settingsStore: StoreApi<SettingsState>;
  popupStore: StoreApi<PopupState>;
  /** The clock, injectable for tests. */
  now?: () => number;
}

/** The popup, wired to its stores. */
export function PopupApp({ settingsStore, popupStore, now = Date.now }: PopupAppProps) {
  const s = useStore(settingsStore);
  const p = useStore(popupStore);
  const [editingStaff, setEditingStaff] = useState(false);
  // Re-render when a pause runs out while the popup is open.
  const [tick, setTick] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setTick(now()), 15_000);
    return () => clearInterval(timer);
  }, [now]);
  useEffect(() => {
    void popupStore.getState().init();
  }, [popupStore]);

  const { settings } = s;
  const items = useMemo<TemplateItem[]>(() => {
    const all = [
      ...settings.customTemplates.map((t) => ({ ...t, custom: true })),
      ...templates.map((t) => ({ ...t, custom: false })),
    ];
    return all.map((t) => ({
      id: t.id,
      category: t.category,
      categoryLabel: categoryLabel(t.category),
      title: t.title,
      text: fillTemplate(t, settings.profile),
      custom: t.custom,
    }));
  }, [settings.customTemplates, settings.profile]);

  const q = p.query.trim().toLowerCase();
  const visible = items.filter(
    (t) =>
      (p.category === 'all' || t.category === p.category) &&
      (!q || `${t.title} ${t.text} ${t.categoryLabel}`.toLowerCase().includes(q)),
  );
  const selected = items.find((t) => t.id === p.selectedId) ?? visible[0] ?? null;
  const siblings = selected ? items.filter((t) => t.category === selected.category) : [];

  const site: SiteId | null =
    p.page.kind === 'ready' ? p.page.status.site : p.page.kind === 'no-answer' ? p.page.site : null;
  const current = Math.max(tick, now());
  const guard: GuardState | null = !site
    ? null
    : !settings.sites[site] || siteOffNow(settings, site, current)
      ? { kind: 'off' }
      : settings.pausedUntil > current
        ? { kind: 'paused', until: settings.pausedUntil }
        : { kind: 'on' };

  // Custom categories that are not shipped still get a group of their own.
  const categories = [
    ...TEMPLATE_CATEGORIES,
    ...[...new Set(settings.customTemplates.map((t) => t.category))]
      .filter((c) => !TEMPLATE_CATEGORIES.some((k) => k.id === c))
      .map((c) => ({ id: c, label: c })),
  ];

  // Until the settings are read, the staff question and the guard state would flash wrongly.
  if (!s.loaded) return <PopupLoading />;

  return (
    <PopupView
      onOpenOptions={p.openOptions}
      saveError={s.saveError}
      pagesPrompt={
        site === 'facebook' && !settings.profile.facebookPages?.some((x) => x.trim())
          ? {
              locked: s.locked.includes('profile'),
              onSave: (pages) => void s.save({ profile: { ...settings.profile, facebookPages: pages } }),
            }
          : null
      }
      status={{
        page: p.page,
        guard,
        monitorOnly: settings.monitorOnly,
        pauseLocked: s.locked.includes('pausedUntil'),
        siteLocked: s.locked.includes('sites'),
        onPause: () => void s.save({ pausedUntil: now() + PAUSE_MS }),
        onResume: () => void s.save({ pausedUntil: 0 }),
        onCopyStructure: () => void p.copyStructure(),
        structureNote: p.structureNote,
        // Turning a site off needs a reason and the manager PIN, asked on the options page;
        // turning it back on only strengthens the guard and happens here.
        onSiteOn: (on) =>
          site &&
          (on
            ? void s.save({ sites: { ...settings.sites, [site]: true }, siteOff: { [site]: undefined } })
            : p.openOptions()),
      }}
      templates={{
        items: visible,
        categories,
        query: p.query,
        category: p.category,
        selected,
        variants: siblings.length,
        feedback: p.feedback,
        busy: p.busy,
        canInsert: p.page.kind === 'ready',
        onQuery: p.setQuery,
        onCategory: p.setCategory,
        onSelect: p.select,
        onAnother: () => {
          if (!selected || siblings.length < 2) return;
          const i = siblings.findIndex((t) => t.id === selected.id);
          p.select(siblings[(i + 1) % siblings.length]!.id);
        },
        onInsert: (text) => void p.insert(text),
        onCopy: (text) => void p.copy(text),
      }}
      recent={{ recent: p.recent, now: current, onOpenDashboard: p.openDashboard }}
      staff={{
        name: settings.staffMember,
        options: settings.profile.staff ?? [],
        locked: s.locked.includes('staffMember'),
        editing: editingStaff,
        onEdit: setEditingStaff,
        onChoose: (name) => {
          void s.save({ staffMember: name }).then((ok) => ok && setEditingStaff(false));
        },
      }}
    />
  );
}
