import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { drainPending, handleMessage, isBackgroundRequest, onStartup } from '@/lib/background/handler';
import { isPendingKey } from '@/lib/background/pending';
import { onStorageChanged } from '@/lib/background/settings-audit';

// Thin: the log and its messages live in lib/background (issues #6, #11). Listeners are
// registered synchronously so events that wake the worker reach them.
export default defineBackground(() => {
  // Returning undefined (not a promise) for other messages leaves them to other listeners.
  browser.runtime.onMessage.addListener((message, sender) =>
    isBackgroundRequest(message) ? handleMessage(message, sender) : undefined,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    // A content script queued an interaction: write it now.
    if (area === 'local' && Object.keys(changes).some((k) => isPendingKey(k) && changes[k]?.newValue !== undefined)) {
      void drainPending();
    }
    // Any change to the settings or the policy leaves a record (nothing weakens the guard silently).
    void onStorageChanged(changes, area);
  });
  void onStartup();
});
