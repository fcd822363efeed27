import { useEffect, useState } from 'react';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { useDashboard } from '@/lib/dashboard/store';
import { getSettings } from '@/lib/settings-storage';

/** Wires the store and the practice's name to the presentational dashboard. */
export function App() {
  const state = useDashboard();
  // null until the profile is read: the report waits for it, so a quick print never lacks the name.
  const [practice, setPractice] = useState<string | null>(null);
  useEffect(() => {
    void getSettings()
      .then((s) => setPractice(s.settings.profile.name ?? ''))
      .catch(() => setPractice(''));
  }, []);
  return <DashboardView {...state} practice={practice} />;
}
