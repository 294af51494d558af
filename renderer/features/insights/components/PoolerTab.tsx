import { useState } from 'react';
import type { ShowTable } from '../../../../shared/contract/pooler';
import { formatPercent } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { usePoolerCommand, usePoolerOverview, type PoolerCommand } from '../api/pooler';

const WHAT: Record<PoolerCommand, string> = {
  pause:
    'PgBouncer waits for the running transactions of this database to finish, then holds every new one until RESUME. Clients wait; none is refused.',
  resume: 'PgBouncer releases the clients it held for this database.',
  reconnect:
    'PgBouncer closes each server connection of this database once it is released, and opens new ones (for example after a failover).',
};

/** PgBouncer's admin console: pools against their size, waiting clients, and PAUSE / RESUME / RECONNECT. */
export function PoolerTab({ connectionId }: { connectionId: string }) {
  const q = usePoolerOverview(connectionId);
  const command = usePoolerCommand(connectionId);
  const [asking, setAsking] = useState<{ command: PoolerCommand; database: string } | undefined>();
  if (q.error) return <ErrorView title="Could not read PgBouncer" error={q.error} />;
  if (!q.data) return <p>Reading PgBouncer…</p>;
  const o = q.data;
  return (
    <div className="insights-pooler">
      <p>
        {o.version}. Utilization is server connections in use against the pool size; warning past {formatPercent(o.thresholds.warning, 0)},
        critical past {formatPercent(o.thresholds.critical, 0)}.
      </p>
      <table className="data-table" aria-label="Pools">
        <thead>
          <tr>
            <th>Database</th>
            <th>User</th>
            <th>Mode</th>
            <th>cl_active</th>
            <th>cl_waiting</th>
            <th>sv_active</th>
            <th>sv_idle</th>
            <th>maxwait</th>
            <th>Utilization</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {o.pools.map((p) => (
            <tr
              key={`${p.database}/${p.user}`}
              className={p.waiting ? 'insights-level-critical' : p.level === 'ok' ? undefined : `insights-level-${p.level}`}
            >
              <td>{p.database}</td>
              <td>{p.user}</td>
              <td>{p.poolMode ?? '—'}</td>
              <td>{p.clActive}</td>
              <td>{p.waiting ? <strong>{p.clWaiting} waiting</strong> : p.clWaiting}</td>
              <td>{p.svActive}</td>
              <td>{p.svIdle}</td>
              <td>{p.maxwaitSeconds.toFixed(2)} s</td>
              <td>{p.utilization === null ? '—' : `${formatPercent(p.utilization, 0)} of ${p.poolSize}`}</td>
              <td>
                {p.database !== 'pgbouncer' &&
                  (['pause', 'resume', 'reconnect'] as const).map((c) => (
                    <button key={c} onClick={() => setAsking({ command: c, database: p.database })}>
                      {c.toUpperCase()}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {command.error && <ErrorView title="PgBouncer refused" error={command.error} />}
      {command.data && <p role="status">{command.data.message}</p>}
      <ShowSection title="Stats" table={o.stats} />
      <ShowSection title="Databases" table={o.databases} />
      <ShowSection title="Clients" table={o.clients} />
      <ShowSection title="Servers" table={o.servers} />
      <ShowSection title="Config" table={o.config} />
      {asking && (
        <ConfirmDialog
          title={`${asking.command.toUpperCase()} ${asking.database}?`}
          confirmLabel={asking.command.toUpperCase()}
          danger={asking.command !== 'resume'}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            command.mutate(asking);
            setAsking(undefined);
          }}
        >
          <p>{WHAT[asking.command]}</p>
          <p>
            Runs <code>{`${asking.command.toUpperCase()} ${asking.database}`}</code> on the admin console; recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ShowSection({ title, table }: { title: string; table: ShowTable }) {
  return (
    <details>
      <summary>
        SHOW {title.toUpperCase()} ({table.rows.length})
      </summary>
      <table className="data-table" aria-label={title}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j}>{v ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
