/**
 * The guard's look inside its shadow root: calm, legible, high contrast, the same palette as the
 * extension's pages (components/theme.css). Plain CSS text so the content script injects it
 * into its own shadow root and the page's CSS never reaches it (nor ours the page).
 */
export const GUARD_CSS = `
:host { all: initial; }
.rg-root, .rg-root * { box-sizing: border-box; }
.rg-root {
  --rg-brand: #0f6e6e; --rg-ok: #1b7f3b; --rg-warn: #8a5100; --rg-block: #b3261e;
  --rg-text: #1c2424; --rg-muted: #4d5b5b; --rg-border: #cfd8d8; --rg-surface: #f4f7f7;
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--rg-text);
  color-scheme: light;
}
.rg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.rg-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.rg-chip-wrap { position: fixed; pointer-events: auto; transform: translate(-100%, -100%); }
.rg-chip-inner { position: relative; }
.rg-chip {
  display: inline-flex; align-items: center; gap: 4px; height: 22px; padding: 0 8px; border-radius: 11px;
  border: 1px solid transparent; font: 600 12px/1 system-ui, sans-serif; cursor: pointer; white-space: nowrap;
  box-shadow: 0 1px 3px rgba(0,0,0,.18); transition: transform .1s ease;
}
.rg-chip:hover { transform: translateY(-1px); }
.rg-chip:focus-visible { outline: 3px solid #5fb3b3; outline-offset: 1px; }
.rg-chip[data-verdict="ok"] { background: #e7f4ec; color: var(--rg-ok); border-color: #b7dcc3; }
.rg-chip[data-verdict="warn"] { background: #fff4e0; color: var(--rg-warn); border-color: #f0cf94; }
.rg-chip[data-verdict="block"] { background: #fde8e6; color: var(--rg-block); border-color: #f1b4ae; }
.rg-chip .rg-dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.rg-panel {
  position: absolute; right: 0; bottom: 28px; width: 340px; max-height: 320px; overflow: auto;
  background: #fff; border: 1px solid var(--rg-border); border-radius: 10px; padding: 10px 12px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18);
}
.rg-panel.rg-below { bottom: auto; top: 28px; }
.rg-panel h2 { font-size: 13px; margin: 0 0 6px; }
.rg-panel p { margin: 0; color: var(--rg-muted); }
.rg-findings { list-style: none; margin: 0; padding: 0; }
.rg-finding { padding: 8px 0; border-top: 1px solid #e6eded; }
.rg-finding:first-child { border-top: 0; }
.rg-finding q { font-weight: 600; quotes: '“' '”'; }
.rg-sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em;
  border-radius: 4px; padding: 1px 5px; margin-right: 6px; }
.rg-sev[data-sev="block"] { background: #fde8e6; color: var(--rg-block); }
.rg-sev[data-sev="warn"] { background: #fff4e0; color: var(--rg-warn); }
.rg-msg { margin: 4px 0 0; }
.rg-safer, .rg-panel .rg-safer { margin: 4px 0 0; color: var(--rg-ok); }
.rg-backdrop { position: fixed; inset: 0; background: rgba(16, 24, 24, .45); pointer-events: auto;
  display: flex; align-items: center; justify-content: center; z-index: 2147483647; }
.rg-dialog {
  width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; background: #fff;
  border-radius: 12px; padding: 20px 22px; box-shadow: 0 16px 48px rgba(0,0,0,.3); border-top: 5px solid var(--rg-block);
}
.rg-dialog[data-verdict="warn"] { border-top-color: var(--rg-warn); }
.rg-dialog h2 { font-size: 17px; margin: 0 0 6px; }
.rg-dialog .rg-lead { margin: 0 0 12px; color: var(--rg-muted); }
.rg-dialog .rg-findings { max-height: 42vh; overflow: auto; margin: 0 0 14px; background: var(--rg-surface); border-radius: 8px; padding: 4px 12px; }
.rg-actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
.rg-btn {
  font: 600 13px/1 system-ui, sans-serif; padding: 9px 14px; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--rg-border); background: #fff; color: var(--rg-text);
}
.rg-btn:hover { background: var(--rg-surface); }
.rg-btn:focus-visible { outline: 3px solid #5fb3b3; outline-offset: 1px; }
.rg-btn.rg-primary { background: var(--rg-brand); border-color: var(--rg-brand); color: #fff; }
.rg-btn.rg-primary:hover { background: #0b5252; }
.rg-btn[aria-disabled="true"] { cursor: not-allowed; }
.rg-btn.rg-danger { color: var(--rg-block); border-color: #f1b4ae; }
.rg-reason { display: grid; gap: 6px; margin: 4px 0 14px; }
.rg-reason label { font-weight: 600; }
.rg-reason textarea { font: inherit; min-height: 64px; padding: 8px; border: 1px solid var(--rg-border); border-radius: 8px; resize: vertical; }
.rg-reason textarea:focus-visible { outline: 3px solid #5fb3b3; outline-offset: 1px; }
.rg-reason select { font: inherit; padding: 6px 8px; border: 1px solid var(--rg-border); border-radius: 8px; background: #fff; color: var(--rg-text); }
.rg-reason select:focus-visible { outline: 3px solid #5fb3b3; outline-offset: 1px; }
.rg-who { display: flex; gap: 8px; align-items: center; margin: 0 0 12px; }
.rg-who label { font-weight: 600; }
.rg-who select { font: inherit; padding: 6px 8px; border: 1px solid var(--rg-border); border-radius: 8px; background: #fff; color: var(--rg-text); }
.rg-who select:focus-visible { outline: 3px solid #5fb3b3; outline-offset: 1px; }
.rg-hint { color: var(--rg-muted); font-size: 12px; }
.rg-error { color: var(--rg-block); font-size: 12px; }
.rg-mirror { position: fixed; overflow: hidden; color: transparent; pointer-events: none; white-space: pre-wrap;
  overflow-wrap: break-word; border-color: transparent !important; background: transparent !important; }
::highlight(reply-guard-block) { background-color: rgba(179, 38, 30, .16); text-decoration: underline wavy #b3261e; text-decoration-skip-ink: none; text-underline-offset: 3px; }
::highlight(reply-guard-warn) { background-color: rgba(176, 112, 0, .16); text-decoration: underline wavy #b07000; text-decoration-skip-ink: none; text-underline-offset: 3px; }
.rg-log-error {
  position: fixed; right: 16px; bottom: 16px; max-width: 360px; pointer-events: auto;
  display: flex; gap: 12px; align-items: flex-start; padding: 12px 14px; border-radius: 10px;
  background: #fff; color: #1c2424; border-left: 4px solid #b3261e; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.4 system-ui, sans-serif;
}
.rg-log-error p { margin: 0; }
`;

/** The same marks for ranges in the page's own editors (a document-level sheet). */
export const PAGE_HIGHLIGHT_CSS = `
::highlight(reply-guard-block) { background-color: rgba(179, 38, 30, .16); text-decoration: underline wavy #b3261e; text-decoration-skip-ink: none; text-underline-offset: 3px; }
::highlight(reply-guard-warn) { background-color: rgba(176, 112, 0, .16); text-decoration: underline wavy #b07000; text-decoration-skip-ink: none; text-underline-offset: 3px; }
`;
