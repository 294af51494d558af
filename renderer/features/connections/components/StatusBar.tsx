import { formatMs } from '../../../../shared/domain/format';
import { environmentColor } from '../../../components/environment-color';
import { useSession } from '../../../lib/session-store';
import { useConnections } from '../api/list-connections';
import { useServerStatus } from '../api/server-status';
import { useDemoProgress } from '../hooks/use-demo-progress';
import { isDemoStarting } from '../model/demo-progress';
import { DemoProgressView } from './DemoProgressView';

/** Server version, latency, role and read-only state of the active connection. */
export function StatusBar() {
  const activeId = useSession((s) => s.activeConnectionId);
  const { data: list } = useConnections();
  const profile = list?.profiles.find((p) => p.id === activeId);
  const status = useServerStatus(profile ? activeId : undefined);
  const demo = useDemoProgress();
  return (
    <footer className="status-bar" aria-label="Status bar">
      {profile && <span className="env-dot" style={{ background: environmentColor(profile) }} aria-hidden />}
      {!profile && <span>No connection selected</span>}
      {profile &&
        status.isPending &&
        (profile.kind === 'demo' && isDemoStarting(demo) ? (
          <DemoProgressView progress={demo} />
        ) : (
          <span>Connecting to {profile.name}…</span>
        ))}
      {profile && status.isError && (
        <span className="status-error" role="status" title={status.error.message} data-testid="status-connection">
          {profile.name}: not connected — {status.error.message}
          {status.dataUpdatedAt > 0 && ` (last answered ${new Date(status.dataUpdatedAt).toLocaleTimeString('en-US')})`}
        </span>
      )}
      {/* React Query keeps the last good answer beside a failed refetch: it is not shown as "Connected". */}
      {profile && status.data && !status.isError && (
        <>
          <span data-testid="status-connection">Connected to {profile.name}</span>
          <span>PostgreSQL {status.data.serverVersion}</span>
          <span>
            {status.data.role}
            {status.data.isSuperuser ? ' (superuser)' : ''}
          </span>
          <span title="Round trip of the last ping">{formatMs(status.data.latencyMs)}</span>
          {status.data.readOnly && <span className="badge">read-only</span>}
          {status.data.inRecovery && <span className="badge">standby</span>}
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
