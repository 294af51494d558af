import type { SessionRow } from '../../../../shared/contract/insights';
import { formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useRunActivity } from '../api/run-activity';

function Sessions({ sessions, label, empty }: { sessions: SessionRow[]; label: string; empty: string }) {
  if (sessions.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th>pid</th>
          <th>Role</th>
          <th>Application</th>
          <th>State</th>
          <th className="num">For</th>
          <th>Query</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.pid}>
            <td>{s.pid}</td>
            <td>{s.role}</td>
            <td>{s.application}</td>
            <td>
              {s.state}
              {s.waitingFor && <div className="muted">waits for {s.waitingFor}</div>}
            </td>
            <td className="num">{formatMs(s.xactMs ?? s.durationMs)}</td>
            <td>
              <code className="migrations-statement-text">{s.query.slice(0, 200)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Live while a run is active (every 500 ms): the applier's locks, who blocks it, whom it blocks. */
export function LockPanel({ connectionId, taskId }: { connectionId: string; taskId: string }) {
  const activity = useRunActivity(connectionId, taskId);
  const a = activity.data;
  return (
    <div className="migrations-lock-panel" aria-label="Live locks">
      <h3>Live locks {a?.pid ? <span className="muted">applier pid {a.pid}</span> : <span className="muted">waiting for the applier’s session…</span>}</h3>
      {activity.error && <ErrorView title="Could not read pg_locks" error={activity.error} />}
      {a?.applier?.waitingFor && <p className="migrations-error-text">The migration waits for {a.applier.waitingFor}.</p>}
      {a && a.locks.length > 0 && (
        <ul className="held-locks" aria-label="Locks of the applier">
          {a.locks.map((l) => (
            <li key={`${l.locktype}-${l.object}-${l.mode}-${l.granted}`}>
              <strong>{l.lock ?? l.mode}</strong> {l.object} {l.granted ? <span className="muted">held</span> : <span className="badge level-warning">waiting</span>}
            </li>
          ))}
        </ul>
      )}
      <h4>Blocking the migration</h4>
      <Sessions sessions={a?.blockedBy ?? []} label="Sessions blocking the migration" empty="Nobody blocks the migration." />
      <h4>Blocked by the migration</h4>
      <Sessions sessions={a?.blocking ?? []} label="Sessions blocked by the migration" empty="The migration blocks nobody." />
    </div>
  );
}
