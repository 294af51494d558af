import type { MigrationRow, MigrationsStatus } from '../../../../shared/contract/migrations';
import { formatDateTime, formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { useMigrationAudit } from '../api/audit';

const when = (t: string) => formatDateTime(t);

/** The history row, Flyway's rows (read-only) and the audit log's apply/rollback entries. */
export function HistoryTab({ connectionId, row, flyway }: { connectionId: string; row: MigrationRow; flyway: MigrationsStatus['flywayHistory'] }) {
  const audit = useMigrationAudit(connectionId);
  const mine = (audit.data ?? []).filter((e) => e.detail.includes(`${row.version} ${row.name}`));
  return (
    <div className="history-tab">
      <dl className="facts">
        <dt>Status</dt>
        <dd>{row.status}</dd>
        <dt>Applied</dt>
        <dd>{row.appliedAt ? `${when(row.appliedAt)} by ${row.appliedBy ?? '?'}${row.durationMs !== null ? ` in ${formatMs(row.durationMs)}` : ''}` : 'not applied'}</dd>
        <dt>Checksum</dt>
        <dd>
          <code>{row.checksum ?? '—'}</code>
          {row.appliedChecksum && row.appliedChecksum !== row.checksum && (
            <>
              {' '}
              (applied: <code>{row.appliedChecksum}</code>)
            </>
          )}
        </dd>
      </dl>
      <h3>Audit log</h3>
      {audit.error && <ErrorView title="Could not read the audit log" error={audit.error} />}
      <table className="data-table" aria-label="Migration audit">
        <thead>
          <tr>
            <th>When</th>
            <th>Action</th>
            <th>Outcome</th>
            <th>Who</th>
            <th className="num">Duration</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {mine.map((e) => (
            <tr key={e.id}>
              <td>{when(e.at)}</td>
              <td>{e.action}</td>
              <td>{e.outcome}</td>
              <td>
                {e.role || e.osUser} ({e.osUser})
              </td>
              <td className="num">{formatMs(e.durationMs)}</td>
              <td>
                {e.detail}
                {e.error && <div className="migrations-error-text">{e.error.split('\n')[0]}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.data && mine.length === 0 && <p className="muted">The console has not applied or rolled back this migration on this database.</p>}
      {flyway.length > 0 && (
        <>
          <h3>Flyway history (read-only)</h3>
          <table className="data-table" aria-label="Flyway history">
            <thead>
              <tr>
                <th>Rank</th>
                <th>Version</th>
                <th>Description</th>
                <th>Script</th>
                <th>Installed by</th>
                <th>On</th>
                <th className="num">Time</th>
                <th>Success</th>
              </tr>
            </thead>
            <tbody>
              {flyway.map((f) => (
                <tr key={f.installedRank}>
                  <td>{f.installedRank}</td>
                  <td>{f.version}</td>
                  <td>{f.description}</td>
                  <td>{f.script}</td>
                  <td>{f.installedBy}</td>
                  <td>{when(f.installedOn)}</td>
                  <td className="num">{formatMs(f.executionTimeMs)}</td>
                  <td>{f.success ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
