/**
 * Where the guard's engine (lib/guard/heavy.ts) ships: its own ES module at the extension's root,
 * built by wxt.config.ts and `import()`ed by the content script. Shared by both (no imports here:
 * the build config reads it too).
 */
export const ENGINE_FILE = 'guard-engine.js';
