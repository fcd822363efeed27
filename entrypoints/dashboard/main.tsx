import '@/components/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { useDashboard } from '@/lib/dashboard/store';
import { App } from './App';

// Start reading the log before React's first render, so the two overlap.
void useDashboard.getState().load();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary page="dashboard">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
