import { useState } from 'react';
import type { MaintenanceTable } from '../../../../shared/contract/maintenance';
import { formatBytes, formatCount, formatDateTime } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { DataTable, type DataTableColumn } from '../../../components/table/DataTable';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { useMaintenanceTables } from '../api/maintenance-tables';
import { useMaintenanceTask } from '../hooks/use-maintenance-task';
import { MaintenanceConfirm } from './MaintenanceConfirm';
import { statementFor, type Pending } from './maintenance-statement';
import { TaskList } from './TaskList';

const when = (t: string | null) => formatDateTime(t, 'never');
const latest = (...ts: (string | null)[]) =>
  ts
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1) ?? null;

/** VACUUM / ANALYZE / REINDEX per table or index, confirmed, in the background with progress. */
export function MaintenanceTab({ connectionId }: { connectionId: string }) {
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState<Pending | undefined>();
  const [open, setOpen] = useState<number | undefined>();
  const tables = useMaintenanceTables(connectionId, search.trim());
  const task = useMaintenanceTask(connectionId);

  const run = (p: Pending, confirmDatabase?: string) => {
    const base = { schema: p.table.schema, name: p.index ?? p.table.name };
    if (p.verb === 'vacuum') task.start({ kind: 'vacuum', ...base, analyze: true });
    else if (p.verb === 'vacuum-full') task.start({ kind: 'vacuum', ...base, analyze: true, full: true, confirmDatabase });
    else if (p.verb === 'analyze') task.start({ kind: 'analyze', ...base });
    else task.start({ kind: 'reindex', ...base, target: p.verb === 'reindex-index' ? 'index' : 'table', concurrently: true });
  };

  return (
    <div className="maintenance-tab">
      <TaskProgressBar progress={task.progress} onCancel={task.cancel} />
      <TaskList connectionId={connectionId} exclude={task.progress?.taskId} />
      {task.error && <ErrorView title="Maintenance did not complete" error={task.error} />}
      <div className="toolbar">
        <input
          type="search"
          placeholder="Filter tables (schema.name)"
          aria-label="Filter tables"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button onClick={() => void tables.refetch()}>Refresh</button>
        <span className="muted">most dead tuples first</span>
      </div>
      {tables.error && <ErrorView title="Could not list tables" error={tables.error} />}
      {tables.data && (
        <DataTable
          rows={tables.data.tables}
          columns={maintenanceColumns(open, setOpen, setPending)}
          rowKey={(t) => String(t.oid)}
          ariaLabel="Tables to maintain"
          className="insights-maintenance-table"
          empty="No tables match."
          renderDetail={(t) => (open === t.oid && t.indexes.length > 0 ? <IndexRows table={t} onReindex={setPending} /> : null)}
        />
      )}
      {pending && (
        <MaintenanceConfirm
          connectionId={connectionId}
          verb={pending.verb}
          target={`${pending.table.schema}.${pending.index ?? pending.table.name}`}
          statement={statementFor(pending)}
          onCancel={() => setPending(undefined)}
          onConfirm={(typed) => {
            run(pending, typed);
            setPending(undefined);
          }}
        />
      )}
    </div>
  );
}

function maintenanceColumns(
  open: number | undefined,
  setOpen: (oid: number | undefined) => void,
  setPending: (p: Pending) => void,
): DataTableColumn<MaintenanceTable>[] {
  return [
    {
      id: 'table',
      header: 'Table',
      value: (t) => `${t.schema}.${t.name}`,
      cell: (t) => (
        <>
          <button className="link" onClick={() => setOpen(open === t.oid ? undefined : t.oid)} aria-expanded={open === t.oid}>
            {t.schema}.{t.name}
          </button>
          {t.kind !== 'table' && <span className="badge muted-badge">{t.kind}</span>}
          {t.lockedBy && <span className="badge level-warning">{t.lockedBy}</span>}
        </>
      ),
    },
    {
      id: 'size',
      header: 'Total size',
      headerTitle: 'table + indexes + TOAST (pg_total_relation_size; summed over the partitions of a partitioned table)',
      numeric: true,
      value: (t) => t.totalBytes,
      cell: (t) =>
        t.totalBytes === null ? (
          <span className="level-warning" title={t.lockedBy ?? undefined}>
            locked
          </span>
        ) : (
          formatBytes(t.totalBytes)
        ),
    },
    { id: 'live', header: 'Live', numeric: true, value: (t) => t.liveTuples, cell: (t) => formatCount(t.liveTuples) },
    {
      id: 'dead',
      header: 'Dead',
      numeric: true,
      className: 'dead-tuples',
      value: (t) => t.deadTuples,
      cell: (t) => formatCount(t.deadTuples),
    },
    {
      id: 'vacuum',
      header: 'Last vacuum',
      value: (t) => latest(t.lastVacuum, t.lastAutovacuum),
      cell: (t) => when(latest(t.lastVacuum, t.lastAutovacuum)),
    },
    {
      id: 'analyze',
      header: 'Last analyze',
      value: (t) => latest(t.lastAnalyze, t.lastAutoanalyze),
      cell: (t) => when(latest(t.lastAnalyze, t.lastAutoanalyze)),
    },
    {
      id: 'actions',
      header: 'Actions',
      sortable: false,
      className: 'row-actions',
      value: () => null,
      cell: (t) => (
        <>
          <button onClick={() => setPending({ verb: 'vacuum', table: t })}>VACUUM</button>
          <button onClick={() => setPending({ verb: 'analyze', table: t })}>ANALYZE</button>
          <button onClick={() => setPending({ verb: 'reindex-table', table: t })}>REINDEX</button>
          <button className="danger" onClick={() => setPending({ verb: 'vacuum-full', table: t })}>
            VACUUM FULL
          </button>
        </>
      ),
    },
  ];
}

function IndexRows({ table: t, onReindex }: { table: MaintenanceTable; onReindex: (p: Pending) => void }) {
  return (
    <ul className="insights-index-rows" aria-label={`Indexes of ${t.schema}.${t.name}`}>
      {t.indexes.map((i) => (
        <li key={i.name}>
          ↳ {i.name} · {i.bytes === null ? 'locked' : formatBytes(i.bytes)}
          {!i.valid && <span className="badge level-critical">invalid</span>}{' '}
          <button onClick={() => onReindex({ verb: 'reindex-index', table: t, index: i.name })}>REINDEX CONCURRENTLY</button>
        </li>
      ))}
    </ul>
  );
}
