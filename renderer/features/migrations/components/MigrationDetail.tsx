import { useState } from 'react';
import type { MigrationRow, MigrationsStatus } from '../../../../shared/contract/migrations';
import { ErrorView } from '../../../components/ErrorView';
import { useSources } from '../api/sources';
import { DryRunTab } from './DryRunTab';
import { HistoryTab } from './HistoryTab';
import { LintTab } from './LintTab';
import { PartlyApplied } from './PartlyApplied';
import { PreviewTab } from './PreviewTab';
import { VerifyTab } from './VerifyTab';

const TABS = ['Preview', 'Lint', 'Dry run', 'Verify', 'History'] as const;
type Tab = (typeof TABS)[number];

/** One migration: its scripts with locks and lint findings, dry run, reversibility check and history. */
export function MigrationDetail({ connectionId, dir, row, flyway }: { connectionId: string; dir: string | undefined; row: MigrationRow; flyway: MigrationsStatus['flywayHistory'] }) {
  const [tab, setTab] = useState<Tab>('Preview');
  const sources = useSources(connectionId, dir, row.upFile ? (row.status === 'repeatable' ? row.name : row.version) : undefined);
  return (
    <div className="migration-detail">
      <h2>
        {row.version} {row.name}
      </h2>
      <PartlyApplied connectionId={connectionId} dir={dir} row={row} />
      {row.flags.length > 0 && (
        <ul className="migration-flags">
          {row.flags.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ul>
      )}
      <nav className="tabs" role="tablist" aria-label="Migration">
        {TABS.map((t) => (
          <button key={t} role="tab" aria-selected={t === tab} className={t === tab ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </nav>
      <div role="tabpanel" aria-label={tab} className="tab-panel">
        {sources.error && <ErrorView title="Could not read the scripts" error={sources.error} />}
        {!row.upFile && tab !== 'History' && tab !== 'Verify' && tab !== 'Dry run' && <p className="muted">The file of this migration is missing from the folder: only its history is known.</p>}
        {tab === 'Preview' && sources.data && <PreviewTab connectionId={connectionId} sources={sources.data} />}
        {tab === 'Lint' && sources.data && <LintTab connectionId={connectionId} sources={sources.data} />}
        {tab === 'Dry run' && <DryRunTab connectionId={connectionId} dir={dir} row={row} />}
        {tab === 'Verify' && <VerifyTab connectionId={connectionId} dir={dir} row={row} />}
        {tab === 'History' && <HistoryTab connectionId={connectionId} row={row} flyway={flyway} />}
      </div>
    </div>
  );
}
