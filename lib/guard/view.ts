/**
 * The overlay glue: creates the engine's overlay and the highlighter on first use, and renders
 * chips, the screen-reader announcement, the log's refusal and the held post's dialog.
 */
import type { ChipView } from '@/components/guard/GuardOverlay';
import { Highlighter } from './highlights';
import type { GuardHost } from './host';
import type { Overlay } from './ui';

/** What the guard shows over one document. */
export class View {
  overlay: Overlay | null = null;
  highlighter: Highlighter | null = null;
  private frame: number | undefined;

  constructor(private readonly g: GuardHost) {}

  /** The overlay comes with the engine (React): until it has loaded there is nothing to show. */
  ensureOverlay(): void {
    const heavy = this.g.analyser.heavy;
    if (this.overlay || this.g.destroyed || !heavy) return;
    this.overlay = heavy.createOverlay(this.g.doc);
    const mirrors = this.overlay.mirrors;
    this.highlighter = new Highlighter(this.g.doc, () => mirrors);
  }

  /** A render on the next animation frame (scroll, resize, layout changes). */
  requestFrame(): void {
    if (this.frame !== undefined || !this.overlay) return;
    this.frame = this.g.win.requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  /** Renders the overlay now. */
  render(): void {
    const g = this.g;
    if (!this.overlay || g.destroyed) return;
    this.highlighter?.reposition();
    const chips: ChipView[] = [];
    if (g.active) {
      for (const s of g.boxes.all()) {
        if (!s.engaged || !s.analysis || !s.editor.isConnected) continue;
        const r = s.editor.getBoundingClientRect();
        if (r.width === 0 || r.bottom < 0 || r.top > g.win.innerHeight) continue;
        chips.push({
          id: s.id,
          analysis: s.analysis,
          top: r.bottom - 5,
          left: r.right - 6,
          placement: r.bottom < 360 ? 'below' : 'above',
        });
      }
    }
    const h = g.holder.held;
    this.overlay.render({
      chips,
      announcement: this.announcement(),
      logError: g.logger.error,
      onDismissLogError: g.logger.dismissError,
      dialog: h
        ? {
            key: h.key,
            verdict: h.analysis?.verdict ?? 'unchecked',
            findings: h.analysis?.findings ?? [],
            staff: (g.settings.profile.staff ?? []).map((m) => m.name).filter(Boolean),
            staffChoice: g.staffChoice,
          }
        : null,
      onEdit: g.holder.onEdit,
      onTemplate: g.holder.onTemplate,
      onConfirm: g.holder.onConfirm,
      onStaffChange: this.onStaffChange,
    });
  }

  private readonly onStaffChange = (name: string): void => this.g.chooseStaff(name);

  /** What a screen reader hears about the focused box: its verdict, once it is known. */
  private announcement(): string {
    const s = this.g.boxes.focused();
    if (!this.g.active || !s?.analysis || !s.analyzedText?.trim()) return '';
    const n = s.analysis.findings.length;
    if (s.analysis.verdict === 'ok') return 'Reply Guard: no patient information found.';
    return `Reply Guard: ${n} ${n === 1 ? 'problem' : 'problems'} found, ${
      s.analysis.verdict === 'block' ? 'patient information' : 'may confirm a patient'
    }.`;
  }

  /** Removes the overlay and the marks. */
  destroy(): void {
    if (this.frame !== undefined) this.g.win.cancelAnimationFrame(this.frame);
    this.highlighter?.destroy();
    this.overlay?.destroy();
    this.overlay = null;
  }
}
