import type { ConsolePool } from '../../../../shared/contract/connections';
import { replicaLagLevel, replicaLagText } from '../../../../shared/domain/replica-lag';
import { formatMs, formatTime } from '../../../../shared/domain/format';
import { environmentColor } from '../../../components/environment-color';
import { useSession } from '../../../lib/session-store';
import { useConnections } from '../api/list-connections';
import { useServerStatus } from '../api/server-status';
import { useDemoProgress } from '../hooks/use-demo-progress';
import { connectionState } from '../model/connection-state';
import { isDemoStarting } from '../model/demo-progress';
import { DemoProgressView } from './DemoProgressView';

/** The console's own pool (seed 004's metrics), with a warning when requests wait for a session. */
function ConsolePoolText({ pool }: { pool: ConsolePool }) {
  const text = `pool ${pool.active} active / ${pool.idle} idle of ${pool.max}${pool.waiting > 0 ? `, ${pool.waiting} waiting` : ''}`;
  return (
    <span
      className={pool.level === 'ok' ? undefined : 'status-error'}
      data-testid="status-pool"
      title={`The console's sessions for this connection: ${pool.total} open, ${pool.active} in use, ${pool.idle} idle, ${pool.waiting} requests waiting (read before this status check took one)`}
    >
      {text}
    </span>
  );
}

/** Server version, latency, role and read-only state of the active connection. */
export function StatusBar() {
  const activeId = useSession((s) => s.activeConnectionId);
  const { data: list } = useConnections();
  const profile = list?.profiles.find((p) => p.id === activeId);
  const status = useServerStatus(profile ? activeId : undefined);
  const demo = useDemoProgress();
  const state = connectionState(status);
  return (
    <footer className="status-bar" aria-label="Status bar">
      {profile && <span className="env-dot" style={{ background: environmentColor(profile) }} aria-hidden />}
      {!profile && <span>No connection selected</span>}
      {profile &&
        state === 'connecting' &&
        (profile.kind === 'demo' && isDemoStarting(demo) ? (
          <DemoProgressView progress={demo} />
        ) : (
          <span>Connecting to {profile.name}…</span>
        ))}
      {profile && state === 'failed' && status.error && (
        <span className="status-error" role="status" title={status.error.message} data-testid="status-connection">
          {profile.name}: not connected — {status.error.message}
          {status.dataUpdatedAt > 0 && ` (last answered ${formatTime(status.dataUpdatedAt)})`}
        </span>
      )}
      {profile && state === 'connected' && status.data && (
        <>
          <span data-testid="status-connection">Connected to {profile.name}</span>
          <span>{status.data.pooler?.adminConsole ? status.data.serverVersion : `PostgreSQL ${status.data.serverVersion}`}</span>
          <span>
            {status.data.role}
            {status.data.isSuperuser ? ' (superuser)' : ''}
          </span>
          <span title="Round trip of the last ping">{formatMs(status.data.latencyMs)}</span>
          {status.data.readOnly && <span className="badge">read-only</span>}
          {status.data.inRecovery && (
            <span
              className={`badge ${replicaLagLevel(status.data.replicaLagSeconds) === 'ok' ? '' : 'status-error'}`}
              data-testid="status-replica"
            >
              {replicaLagText(status.data.replicaLagSeconds)}
            </span>
          )}
          {status.data.pooler && (
            <span className="badge" title={status.data.pooler.evidence}>
              via {status.data.pooler.kind === 'pgbouncer' ? 'PgBouncer' : 'a pooler'}
            </span>
          )}
          {status.data.consolePool && <ConsolePoolText pool={status.data.consolePool} />}
          {profile.kind === 'demo' && demo?.warning && (
            <span className="status-error" title={demo.warning}>
              demo schema or data not up to date (see Migrations)
            </span>
          )}
        </>
      )}
    </footer>
  );
}
