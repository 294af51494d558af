import type { ReplicationOverview } from '../../../../shared/contract/replication';
import { formatBytes } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useReplication } from '../api/replication';

const seconds = (s: number | null) => (s === null ? '—' : `${s.toFixed(s < 10 ? 2 : 0)} s`);
const levelClass = (level: string) => (level === 'ok' ? undefined : `insights-level-${level}`);

/** Replication as this server sees it: its standbys and slots on a primary, its upstream on a standby. */
export function ReplicationTab({ connectionId }: { connectionId: string }) {
  const q = useReplication(connectionId);
  if (q.error) return <ErrorView title="Could not read replication" error={q.error} />;
  if (!q.data) return <p>Reading replication…</p>;
  const r = q.data;
  return (
    <div className="insights-replication">
      <p>
        This server is a <strong>{r.role}</strong>. Lag alerts: warning past {r.thresholds.warningSeconds} s, critical past{' '}
        {r.thresholds.criticalSeconds} s.
      </p>
      {r.role === 'primary' ? <PrimaryView r={r} /> : <StandbyView r={r} />}
    </div>
  );
}

function PrimaryView({ r }: { r: ReplicationOverview }) {
  return (
    <>
      <section aria-label="WAL generation">
        <h2>WAL generation</h2>
        <p>
          Position {r.wal?.lsn ?? '—'};{' '}
          {r.wal?.bytesPerSecond === null || r.wal?.bytesPerSecond === undefined
            ? 'rate: measured from the next refresh (two samples needed)'
            : `${formatBytes(Math.round(r.wal.bytesPerSecond))}/s over the last ${r.wal.sampledOverSeconds?.toFixed(1)} s`}
        </p>
      </section>
      <section aria-label="Standbys">
        <h2>Standbys</h2>
        {r.standbys.length === 0 ? (
          <p>No standby is streaming from this server.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>Client</th>
                <th>State</th>
                <th>Sync</th>
                <th>Write lag</th>
                <th>Flush lag</th>
                <th>Replay lag</th>
              </tr>
            </thead>
            <tbody>
              {r.standbys.map((s) => (
                <tr key={s.pid} className={levelClass(s.level)}>
                  <td>
                    {s.applicationName || '(no name)'} {s.clientAddr ? `from ${s.clientAddr}` : ''}
                  </td>
                  <td>{s.state}</td>
                  <td>{s.syncState}</td>
                  <td>
                    {formatBytes(s.writeLagBytes)} · {seconds(s.writeLagSeconds)}
                  </td>
                  <td>
                    {formatBytes(s.flushLagBytes)} · {seconds(s.flushLagSeconds)}
                  </td>
                  <td>
                    {formatBytes(s.replayLagBytes)} · {seconds(s.replayLagSeconds)} {s.level !== 'ok' && <strong>({s.level})</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Replication slots">
        <h2>Replication slots</h2>
        {r.slots.length === 0 ? (
          <p>No replication slots.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>Slot</th>
                <th>Type</th>
                <th>Active</th>
                <th>Retained WAL</th>
                <th>WAL status</th>
              </tr>
            </thead>
            <tbody>
              {r.slots.map((s) => (
                <tr key={s.name} className={s.alert ? 'insights-level-warning' : undefined}>
                  <td>{s.name}</td>
                  <td>{s.type}</td>
                  <td>{s.active ? 'yes' : 'no'}</td>
                  <td>{formatBytes(s.retainedBytes)}</td>
                  <td>
                    {s.walStatus ?? '—'} {s.alert && <span className="insights-warn">{s.alert}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function StandbyView({ r }: { r: ReplicationOverview }) {
  const s = r.standby;
  if (!s) return null;
  return (
    <section aria-label="Standby">
      <h2>Upstream</h2>
      {s.upstream ? (
        <p>
          {s.upstream.status} from {s.upstream.senderHost ?? '(host hidden: needs pg_read_all_stats)'}
          {s.upstream.senderPort ? `:${s.upstream.senderPort}` : ''}
          {s.upstream.slotName ? `, slot ${s.upstream.slotName}` : ''}; last message {s.upstream.lastMessageAt ?? '—'}
        </p>
      ) : (
        <p className="insights-warn">No WAL receiver is running: this standby is not streaming (archive recovery, or disconnected).</p>
      )}
      <h2>Replay</h2>
      <p className={levelClass(s.level)} data-testid="standby-replay-lag">
        Replay lag {seconds(s.replayLagSeconds)} ({formatBytes(s.replayLagBytes)} received, not replayed)
        {s.level !== 'ok' ? ` — ${s.level}` : ''}
        {s.replayPaused ? ' — replay is paused (pg_wal_replay_pause)' : ''}
      </p>
      <p>
        Received up to {s.receiveLsn ?? '—'}, replayed up to {s.replayLsn ?? '—'}; last replayed transaction {s.lastReplayedAt ?? '—'}
      </p>
    </section>
  );
}
