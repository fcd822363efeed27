import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { drainPending, handleMessage, isBackgroundRequest, onStartup } from '@/lib/background/handler';
import { PENDING_KEY } from '@/lib/background/pending';

// Thin: the log and its messages live in lib/background (issue #6). Listeners are registered
// synchronously so events that wake the worker reach them.
export default defineBackground(() => {
  // Returning undefined (not a promise) for other messages leaves them to other listeners.
  browser.runtime.onMessage.addListener((message, sender) =>
    isBackgroundRequest(message) ? handleMessage(message, sender) : undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    const queued = changes[PENDING_KEY]?.newValue;
    if (area === 'local' && Array.isArray(queued) && queued.length) void drainPending();
  });
  void onStartup();
});
