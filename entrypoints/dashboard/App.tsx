import { useEffect, useState } from 'react';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { useDashboard } from '@/lib/dashboard/store';
import { getSettings } from '@/lib/settings-storage';

/** Wires the store and the practice's name to the presentational dashboard. */
export function App() {
  const state = useDashboard();
  const [practice, setPractice] = useState('');
  useEffect(() => {
    void getSettings()
      .then((s) => setPractice(s.settings.profile.name ?? ''))
      .catch(() => undefined);
  }, []);
  return <DashboardView {...state} practice={practice} />;
}
