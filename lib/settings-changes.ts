/**
 * What a settings change does, in words: one line per changed setting, and whether it weakens the
 * guard or shortens the audit trail (issue #11). The options page asks for the manager PIN when a
 * change weakens, and the settings import shows these lines as its diff before anything is applied.
 */
import { type Settings, SITES, type SiteId } from './settings';

/** One changed setting: which, from what to what, and whether it weakens the guard. */
export interface SettingChange {
  /** The setting's key path, e.g. `log.retentionDays` or `sites.yelp`. */
  key: string;
  /** The setting's name for people. */
  label: string;
  from: string;
  to: string;
  weakens: boolean;
}

const SITE_LABEL: Record<SiteId, string> = {
  facebook: 'Facebook',
  google: 'Google Business Profile',
  yelp: 'Yelp for Business',
};
const STRICTNESS_RANK = { relaxed: 0, standard: 1, strict: 2 } as const;
const onOff = (b: boolean) => (b ? 'on' : 'off');
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');
const time = (ms: number) => new Date(ms).toLocaleString();

/**
 * Every difference between `before` and `before` with `patch` laid over it. Per-browser state that
 * is logged on its own (a pause, the staff member) is left out.
 */
export function describeChanges(before: Settings, patch: Partial<Settings>): SettingChange[] {
  const out: SettingChange[] = [];
  const has = (k: keyof Settings) => Object.hasOwn(patch, k) && patch[k] !== undefined;

  if (has('strictness') && patch.strictness !== before.strictness) {
    const to = patch.strictness as Settings['strictness'];
    out.push({
      key: 'strictness',
      label: 'Strictness',
      from: before.strictness,
      to,
      weakens: STRICTNESS_RANK[to] < STRICTNESS_RANK[before.strictness],
    });
  }
  if (has('monitorOnly') && patch.monitorOnly !== before.monitorOnly) {
    out.push({
      key: 'monitorOnly',
      label: 'Monitor only (never hold a post)',
      from: onOff(before.monitorOnly),
      to: onOff(Boolean(patch.monitorOnly)),
      weakens: Boolean(patch.monitorOnly),
    });
  }
  if (has('allowReviewerFirstName') && patch.allowReviewerFirstName !== before.allowReviewerFirstName) {
    out.push({
      key: 'allowReviewerFirstName',
      label: "Allow reviewers' first names",
      from: onOff(before.allowReviewerFirstName),
      to: onOff(Boolean(patch.allowReviewerFirstName)),
      weakens: Boolean(patch.allowReviewerFirstName),
    });
  }
  for (const site of SITES) {
    const to = patch.sites?.[site];
    if (has('sites') && to !== undefined && to !== before.sites[site]) {
      out.push({
        key: `sites.${site}`,
        label: `Checking on ${SITE_LABEL[site]}`,
        from: onOff(before.sites[site]),
        to: onOff(to),
        weakens: !to,
      });
    }
    if (has('siteOff') && Object.hasOwn(patch.siteOff ?? {}, site)) {
      const was = before.siteOff?.[site];
      const off = patch.siteOff?.[site];
      if (off && (off.until !== was?.until || off.reason !== was?.reason)) {
        out.push({
          key: `siteOff.${site}`,
          label: `${SITE_LABEL[site]} turned off`,
          from: was ? `off until ${time(was.until)}` : 'checked',
          to: `off until ${time(off.until)} (reason: ${off.reason})`,
          weakens: true,
        });
      } else if (!off && was) {
        out.push({
          key: `siteOff.${site}`,
          label: `${SITE_LABEL[site]} turned off`,
          from: `off until ${time(was.until)}`,
          to: 'checked',
          weakens: false,
        });
      }
    }
  }
  if (has('disabledRules')) {
    const now = new Set(patch.disabledRules);
    const was = new Set(before.disabledRules);
    const added = [...now].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !now.has(r));
    if (added.length || removed.length) {
      out.push({
        key: 'disabledRules',
        label: 'Rules turned off',
        from: list(before.disabledRules),
        to: list(patch.disabledRules ?? []),
        weakens: added.length > 0,
      });
    }
  }
  if (has('extraTerms')) {
    const now = new Set(patch.extraTerms);
    const dropped = before.extraTerms.filter((t) => !now.has(t));
    if (dropped.length || (patch.extraTerms ?? []).some((t) => !before.extraTerms.includes(t))) {
      out.push({
        key: 'extraTerms',
        label: 'Extra sensitive terms',
        from: list(before.extraTerms),
        to: list(patch.extraTerms ?? []),
        weakens: dropped.length > 0,
      });
    }
  }
  const days = patch.log?.retentionDays;
  if (has('log') && days !== undefined && days !== before.log.retentionDays) {
    out.push({
      key: 'log.retentionDays',
      label: 'Keep log records for (days)',
      from: String(before.log.retentionDays),
      to: String(days),
      weakens: days < before.log.retentionDays,
    });
  }
  const mode = patch.log?.textMode;
  if (has('log') && mode !== undefined && mode !== before.log.textMode) {
    // Any change of what the log keeps changes what an audit can see, or what it exposes.
    out.push({
      key: 'log.textMode',
      label: 'Text kept in the log',
      from: before.log.textMode,
      to: mode,
      weakens: true,
    });
  }
  if (has('profile') && JSON.stringify(patch.profile) !== JSON.stringify(before.profile)) {
    out.push({
      key: 'profile',
      label: 'Practice profile',
      from: `${before.profile.name ?? '(no name)'}, ${before.profile.staff?.length ?? 0} staff`,
      to: `${patch.profile?.name ?? '(no name)'}, ${patch.profile?.staff?.length ?? 0} staff`,
      // Setting up the practice is the manager's first step and not behind the PIN; the change is
      // still logged, and a new staff name shows in this line for the audit.
      weakens: false,
    });
  }
  if (has('customTemplates') && JSON.stringify(patch.customTemplates) !== JSON.stringify(before.customTemplates)) {
    out.push({
      key: 'customTemplates',
      label: 'Custom templates',
      from: `${before.customTemplates.length}`,
      to: `${patch.customTemplates?.length ?? 0}`,
      weakens: false,
    });
  }
  return out;
}

/** True when any change in the list weakens the guard or shortens the trail. */
export function weakens(changes: readonly SettingChange[]): boolean {
  return changes.some((c) => c.weakens);
}
