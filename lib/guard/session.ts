/**
 * The guard's shared vocabulary: the engine it loads, what it needs from outside, one watched box
 * (a Session), a held post, and the contract attribute. Every seam of lib/guard reads these.
 */
import type { InteractionInput } from '@/lib/log-record';
import type { CustomTemplate, Settings, SiteId } from '@/lib/settings';
import type { EffectiveSettings } from '@/lib/settings-storage';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Analysis, AnalyzeOptions, PracticeProfile, ReplyContext } from '@/rules/types';
import type { Overlay } from './ui';

/**
 * What the lazily loaded engine provides (lib/guard/heavy.ts, shipped as its own module): the
 * rules, the templates and the React overlay, none of which a page without a reply box needs.
 */
export interface HeavyModule {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  suggestTemplate(reviewText: string | undefined, profile: PracticeProfile, custom?: CustomTemplate[]): string;
  createOverlay(doc: Document): Overlay;
  /** Slices of the rules' first run, each cheap enough for an idle moment (see heavy.ts). */
  warmUpSteps?(): Array<() => void>;
}

/** Everything the guard needs from outside, injectable for tests. */
export interface GuardDeps {
  window: Window;
  site: SiteId;
  adapters: readonly SiteAdapter[];
  loadHeavy(): Promise<HeavyModule>;
  /** Sends an interaction to the log; a refusal's message is shown to the user. */
  log(input: InteractionInput): Promise<{ status: string; error?: string }> | void;
  getSettings(): Promise<EffectiveSettings>;
  /**
   * The user's own settings without the organization's policy: fast (storage.local), whereas the
   * policy (storage.managed) can take seconds to answer in a content script. Used until it does.
   */
  getUserSettings?(): Promise<Settings>;
  watchSettings(cb: (s: EffectiveSettings) => void): () => void;
  /** False once the extension was reloaded, updated or removed (the caller then destroys the guard). */
  isValid?(): boolean;
  /**
   * Whether an event came from the user (default: the browser's `isTrusted`). Unit tests, whose
   * events are all synthetic, inject their own; the content script never does.
   */
  isTrusted?(e: Event): boolean;
  /** Who picked "Who is replying" in the last 15 minutes, if anyone (issue #11 item 6). */
  recallStaff?(): Promise<string | undefined>;
  /** Remembers who is replying for the next 15 minutes. */
  rememberStaff?(name: string): void;
}

/** How a held reply was being posted, so "Confirm and post" can do exactly that again. */
export type Via =
  | { kind: 'enter' }
  | { kind: 'click'; button: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null };

/** The attribute the contract puts on every watched editor: its current verdict. */
export const VERDICT_ATTR = 'data-hipaa-guard';

/** One watched reply box. */
export class Session {
  analysis: Analysis | null = null;
  analyzedText: string | null = null;
  context: ReplyContext | null = null;
  /**
   * The analyze options, kept while the settings and the context stay the same: the rules resolve
   * an options object once (staff names, phone digits, cache key) and memoize it by identity.
   */
  options: AnalyzeOptions | null = null;
  optionsFor: Settings | null = null;
  /** Focused at least once: only then does the chip show (a page may have dozens of idle boxes). */
  engaged = false;
  /** When the current reply was first typed, for the log's duration. */
  startedAt: number | null = null;
  /** The last flagged draft, to log it as abandoned if it is cleared or left. */
  flagged: { text: string; analysis: Analysis } | null = null;
  lastPosted: { text: string; at: number } | null = null;
  lastFocusAt = 0;
  /** A person typed, pasted, dropped or pointed in this box (trusted events): only then is it logged. */
  userActed = false;
  /** The user's own last edit (a trusted input event) left the box empty: they cleared it. */
  userEmptied = false;
  /** When the guard last saw a submit of this box (held or let through). */
  lastSubmitAt = 0;
  /** The page address when the box was found: a different one at removal means the user navigated. */
  readonly url: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  idle: number | undefined;
  observer: MutationObserver | undefined;

  constructor(
    readonly id: number,
    readonly editor: HTMLElement,
    readonly adapter: SiteAdapter,
  ) {
    this.url = editor.ownerDocument.location?.href ?? '';
  }
}

/** The held post while its dialog is open. */
export interface Held {
  session: Session;
  via: Via;
  /** The flagged analysis, or null when the reply could not be checked (logged as `unchecked`). */
  analysis: (Analysis & { verdict: 'warn' | 'block' }) | null;
  text: string;
  key: number;
}
