import { environmentColor } from '../../../components/environment-color';
import { useSession } from '../../../lib/session-store';
import { useConnections } from '../api/list-connections';
import { useServerStatus } from '../api/server-status';
import { useDemoProgress } from '../hooks/use-demo-progress';
import { connectionState } from '../model/connection-state';
import { isDemoStarting } from '../model/demo-progress';
import { DemoProgressView } from './DemoProgressView';

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
        <span className="status-error" title={status.error.message}>
          {profile.name}: not connected — {status.error.message}
        </span>
      )}
      {profile && state === 'connected' && status.data && (
        <>
          <span data-testid="status-connection">Connected to {profile.name}</span>
          <span>PostgreSQL {status.data.serverVersion}</span>
          <span>
            {status.data.role}
            {status.data.isSuperuser ? ' (superuser)' : ''}
          </span>
          <span>{status.data.latencyMs} ms</span>
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
