import { useState } from 'react';
import { ErrorView } from '../../../components/ErrorView';
import { RequireConnection } from '../../../components/RequireConnection';
import { navigate, useRoute } from '../../../lib/hash-route';
import { useMigrationsStatus } from '../api/status';
import { useFolderStore } from '../stores/folder-store';
import { FolderBar } from './FolderBar';
import { MigrationDetail } from './MigrationDetail';
import { MigrationList } from './MigrationList';
import { NewMigrationDialog } from './NewMigrationDialog';
import { RunPanel } from './RunPanel';
import '../migrations.css';

/** `#/migrations?draft=<findingId>`: the advisor's "Create migration" lands here with its finding. */
function draftParam(route: string): string | undefined {
  const query = route.split('?')[1];
  return query ? (new URLSearchParams(query).get('draft') ?? undefined) : undefined;
}

/** The migrations workbench: list, preview with locks and lint, dry run, reversibility check, apply and roll back. */
export function MigrationsPage() {
  return <RequireConnection title="Migrations">{(connectionId) => <Workbench key={connectionId} connectionId={connectionId} />}</RequireConnection>;
}

function Workbench({ connectionId }: { connectionId: string }) {
  const route = useRoute();
  const draft = draftParam(route);
  const dir = useFolderStore((s) => s.byConnection[connectionId]);
  const setFolder = useFolderStore((s) => s.setFolder);
  const status = useMigrationsStatus(connectionId, dir);
  const [selected, setSelected] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const rows = status.data?.migrations ?? [];
  const current = rows.find((r) => r.version === selected && r.status !== 'repeatable') ?? rows.find((r) => r.name === selected && r.status === 'repeatable');

  return (
    <section className="page migrations-page">
      <header className="page-header">
        <h1>Migrations</h1>
        <button className="primary" onClick={() => setCreating(true)}>
          New migration
        </button>
      </header>
      <FolderBar dir={dir} resolved={status.data?.dir} onChange={(d) => setFolder(connectionId, d)} />
      {status.error && <ErrorView title="Could not read the migrations" error={status.error} />}
      {status.data && status.data.warnings.length > 0 && (
        <ul className="migration-warnings" aria-label="Folder warnings">
          {status.data.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {status.data?.invalidIndexes.map((i) => (
        <p key={`${i.schema}.${i.name}`} className="badge level-warning">
          INVALID index {i.schema}.{i.name} on {i.table} (left by a failed CREATE INDEX CONCURRENTLY). Fix: <code>{i.fix}</code>
        </p>
      ))}
      <RunPanel connectionId={connectionId} dir={dir} rows={rows} selected={current} />
      <div className="migrations-split">
        <MigrationList rows={rows} loading={status.isPending} selected={current} onSelect={(r) => setSelected(r.status === 'repeatable' ? r.name : r.version)} />
        {current ? (
          <MigrationDetail connectionId={connectionId} dir={dir} row={current} flyway={status.data?.flywayHistory ?? []} />
        ) : (
          <div className="migration-detail muted">{rows.length > 0 ? 'Select a migration to preview it.' : !status.isPending && 'This folder holds no migrations yet.'}</div>
        )}
      </div>
      {(creating || draft !== undefined) && (
        <NewMigrationDialog
          connectionId={connectionId}
          dir={dir}
          draftId={draft}
          onClose={(version) => {
            setCreating(false);
            if (draft !== undefined) navigate('/migrations');
            if (version) setSelected(version);
          }}
        />
      )}
    </section>
  );
}
