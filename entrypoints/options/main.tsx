import '@/components/theme.css';
import '@/components/common/common.css';
import '@/components/options/options.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createSettingsStore } from '@/lib/stores/settings-store';

const settingsStore = createSettingsStore();
settingsStore.start();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary page="settings page">
        <OptionsApp settingsStore={settingsStore} />
      </ErrorBoundary>
    </StrictMode>,
  );
