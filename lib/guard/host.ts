/**
 * What the guard's seams see of each other: the coordinator (controller.ts) implements this and
 * hands itself to each part, so boxes, analysis, holding, logging and the overlay stay in their
 * own files while sharing one set of settings and one lifetime.
 */
import type { Settings } from '@/lib/settings';
import type { Analyser } from './analysis';
import type { Boxes } from './boxes';
import type { Holder } from './hold';
import type { GuardLogger } from './logging';
import type { GuardDeps } from './session';
import type { View } from './view';

/** The coordinator as the seams see it. */
export interface GuardHost {
  readonly win: Window;
  readonly doc: Document;
  readonly deps: GuardDeps;
  /** The settings in force (user settings, then the organization's policy over them). */
  readonly settings: Settings;
  /** True when the guard acts on this site now (per-site switch and pause). */
  readonly active: boolean;
  readonly destroyed: boolean;
  /** False once destroyed or the extension is gone. */
  alive(): boolean;
  readonly boxes: Boxes;
  readonly analyser: Analyser;
  readonly holder: Holder;
  readonly logger: GuardLogger;
  readonly view: View;
  /** When reading the settings started and ended, once known. */
  readonly settingsTiming: { start: number; end: number } | null;
  /**
   * Soon after a person's click or key, looks at every box with a flagged draft: emptied or gone
   * without a submit the guard saw means the site posted it unseen (sites clear a textarea by
   * script, with no event).
   */
  sweepSoon(): void;
  /** Registers a cleanup run on destroy. */
  onDestroy(fn: () => void): void;
  /** True when an event came from the user (the browser's isTrusted; injectable for unit tests). */
  trusted(e: Event): boolean;
  /** Who picked "Who is replying" in the last 15 minutes ('' for nobody). */
  readonly staffChoice: string;
  /** The user picked who is replying. */
  chooseStaff(name: string): void;
}
