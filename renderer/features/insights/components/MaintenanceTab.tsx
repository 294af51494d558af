import { Fragment, useState } from 'react';
import { formatBytes, formatCount } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { useMaintenanceTables } from '../api/maintenance-tables';
import { useMaintenanceTask } from '../hooks/use-maintenance-task';
import { MaintenanceConfirm } from './MaintenanceConfirm';
import { statementFor, type Pending } from './maintenance-statement';
import { TaskList } from './TaskList';

const when = (t: string | null) => (t ? new Date(t).toLocaleString() : 'never');
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

  const run = (p: Pending) => {
    const base = { schema: p.table.schema, name: p.index ?? p.table.name };
    if (p.verb === 'vacuum') task.start({ kind: 'vacuum', ...base, analyze: true });
    else if (p.verb === 'vacuum-full') task.start({ kind: 'vacuum', ...base, analyze: true, full: true });
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
      <div className="table-scroll">
        <table className="data-table insights-maintenance-table">
          <thead>
            <tr>
              <th>Table</th>
              <th className="num" title="table + indexes + TOAST (pg_total_relation_size)">
                Total size
              </th>
              <th className="num">Live</th>
              <th className="num">Dead</th>
              <th>Last vacuum</th>
              <th>Last analyze</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tables.data?.tables.map((t) => (
              <Fragment key={t.oid}>
                <tr aria-label={`${t.schema}.${t.name}`}>
                  <td>
                    <button className="link" onClick={() => setOpen(open === t.oid ? undefined : t.oid)} aria-expanded={open === t.oid}>
                      {t.schema}.{t.name}
                    </button>
                    {t.kind !== 'table' && <span className="badge muted-badge">{t.kind}</span>}
                  </td>
                  <td className="num">{formatBytes(t.totalBytes)}</td>
                  <td className="num">{formatCount(t.liveTuples)}</td>
                  <td className="num dead-tuples">{formatCount(t.deadTuples)}</td>
                  <td>{when(latest(t.lastVacuum, t.lastAutovacuum))}</td>
                  <td>{when(latest(t.lastAnalyze, t.lastAutoanalyze))}</td>
                  <td className="row-actions">
                    <button onClick={() => setPending({ verb: 'vacuum', table: t })}>VACUUM</button>
                    <button onClick={() => setPending({ verb: 'analyze', table: t })}>ANALYZE</button>
                    <button onClick={() => setPending({ verb: 'reindex-table', table: t })}>REINDEX</button>
                    <button className="danger" onClick={() => setPending({ verb: 'vacuum-full', table: t })}>
                      VACUUM FULL
                    </button>
                  </td>
                </tr>
                {open === t.oid &&
                  t.indexes.map((i) => (
                    <tr key={`${t.oid}-${i.name}`} className="index-row">
                      <td>
                        ↳ {i.name}
                        {!i.valid && <span className="badge level-critical">invalid</span>}
                      </td>
                      <td className="num">{formatBytes(i.bytes)}</td>
                      <td colSpan={4} />
                      <td className="row-actions">
                        <button onClick={() => setPending({ verb: 'reindex-index', table: t, index: i.name })}>REINDEX CONCURRENTLY</button>
                      </td>
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {pending && (
        <MaintenanceConfirm
          verb={pending.verb}
          target={`${pending.table.schema}.${pending.index ?? pending.table.name}`}
          statement={statementFor(pending)}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            run(pending);
            setPending(undefined);
          }}
        />
      )}
    </div>
  );
}
