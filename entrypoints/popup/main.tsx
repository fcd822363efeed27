import '@/components/theme.css';
import '@/components/common/common.css';
import '@/components/popup/popup.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupStore } from '@/lib/stores/popup-store';
import { createSettingsStore } from '@/lib/stores/settings-store';

const settingsStore = createSettingsStore();
settingsStore.start();
const popupStore = createPopupStore();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary page="popup">
        <PopupApp settingsStore={settingsStore} popupStore={popupStore} />
      </ErrorBoundary>
    </StrictMode>,
  );
