/**
 * The guard's overlay: one open shadow root (so page CSS does not leak in and tests can find the
 * dialog by role) holding the chips, the dialog and the textarea mirrors. Created on the first
 * watched box, never on pages without one.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { GuardOverlay, type GuardOverlayProps } from '@/components/guard/GuardOverlay';
import { GUARD_CSS } from '@/components/guard/styles';
import { createHost, lift, shield } from './shield';

/** The host element's tag: a custom element name, so attachShadow is allowed and page CSS rarely targets it. */
export const HOST_TAG = 'reply-guard-ui';

/** The overlay's parts. */
export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where textarea mirrors live (under the chips). */
  mirrors: HTMLElement;
  render(props: GuardOverlayProps): void;
  destroy(): void;
}

/** Creates the overlay in `doc`. */
export function createOverlay(doc: Document): Overlay {
  // The host takes no space and catches nothing; its children opt in to pointer events.
  const { host, shadow } = createHost(doc, HOST_TAG);
  const style = doc.createElement('style');
  style.textContent = GUARD_CSS;
  const mirrors = doc.createElement('div');
  mirrors.className = 'rg-root rg-layer';
  const app = doc.createElement('div');
  shadow.append(style, mirrors, app);
  doc.documentElement.append(host);
  lift(host);
  let root: Root | null = createRoot(app);
  // Undo what a page script does to the host: styles, attributes, removal, hiding the popover.
  const stopShield = shield(host, shadow, style, GUARD_CSS);
  return {
    host,
    shadow,
    mirrors,
    render(props) {
      root?.render(createElement(GuardOverlay, props));
      // Pages that rebuild <html>'s children (some SPAs) would drop the host: put it back.
      if (!host.isConnected) doc.documentElement.append(host);
    },
    destroy() {
      stopShield();
      root?.unmount();
      root = null;
      host.remove();
    },
  };
}
