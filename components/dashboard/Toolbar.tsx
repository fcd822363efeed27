import { useRef } from 'react';
import type { DashboardViewName } from '@/lib/dashboard/store';

/** The page's actions: switch view, import, export the filtered log. */
export function Toolbar(props: {
  view: DashboardViewName;
  onView: (v: DashboardViewName) => void;
  onImport: (file: File) => void;
  onExport: (kind: 'csv' | 'jsonl') => void;
  busy: boolean;
  shown: number;
}) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="rg-toolbar">
      <nav className="rg-tabs" aria-label="Dashboard views">
        <button type="button" aria-pressed={props.view === 'log'} onClick={() => props.onView('log')}>
          Log
        </button>
        <button type="button" aria-pressed={props.view === 'audit'} onClick={() => props.onView('audit')}>
          Quarterly audit report
        </button>
        <button type="button" aria-pressed={props.view === 'integrity'} onClick={() => props.onView('integrity')}>
          Integrity and workstations
        </button>
      </nav>
      <div className="rg-actions">
        <input
          ref={file}
          type="file"
          accept=".jsonl,.ndjson,.json,application/json,application/x-ndjson"
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) props.onImport(f);
            e.currentTarget.value = '';
          }}
        />
        <button type="button" onClick={() => file.current?.click()} disabled={props.busy}>
          Import log file
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => props.onExport('csv')}
          disabled={props.busy}
          title={`Download the ${props.shown} records shown, as a spreadsheet`}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() => props.onExport('jsonl')}
          disabled={props.busy}
          title="Download the records shown as JSON Lines, to merge into another dashboard"
        >
          Export JSON
        </button>
      </div>
    </div>
  );
}
