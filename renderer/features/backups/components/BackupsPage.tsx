import '../backups.css';
import { Fragment, useState } from 'react';
import type { BackupEntry } from '../../../../shared/contract/backups';
import { BACKUP_AGE_HOURS } from '../../../../shared/contract/backups';
import { formatBytes, formatCount, formatDateTime } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { RequireConnection } from '../../../components/RequireConnection';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { newTaskId } from '../../../lib/task-id';
import { useTaskProgress } from '../../../lib/task-store';
import { useBackups } from '../api/list-backups';
import { useBackupActions } from '../api/run-backup';
import { RestoreDialog } from './RestoreDialog';
import { WalArchivingPanel } from './WalArchivingPanel';

export function BackupsPage() {
  return (
    <RequireConnection title="Backups">{(connectionId) => <Backups key={connectionId} connectionId={connectionId} />}</RequireConnection>
  );
}

const hours = (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);

/** Backups of this connection's server: the folder's dumps with manifests, their age, create / verify / restore as tasks. */
function Backups({ connectionId }: { connectionId: string }) {
  const list = useBackups(connectionId);
  const actions = useBackupActions(connectionId);
  const [taskId, setTaskId] = useState<string | undefined>();
  const [restoring, setRestoring] = useState<BackupEntry | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const progress = useTaskProgress(taskId);
  const running = progress?.state === 'running';
  const error = actions.create.error ?? actions.verify.error ?? actions.restore.error ?? actions.cancel.error;
  const report = actions.verify.data?.report;
  const start = (run: (id: string) => void) => {
    const id = newTaskId();
    setTaskId(id);
    actions.create.reset();
    actions.verify.reset();
    actions.restore.reset();
    run(id);
  };
  const age = list.data?.age;

  return (
    <section className="page backups-page">
      <header className="page-header">
        <h1>Backups</h1>
        <button className="primary" disabled={running} onClick={() => start((id) => actions.create.mutate({ taskId: id }))}>
          Create backup
        </button>
      </header>
      <p className="muted">
        pg_dump custom-format files in <code>{list.data?.dir ?? '…'}</code>, each with a manifest of row counts and checksums taken in the
        dump’s own snapshot. Verify restores a backup into a scratch database and compares; only a verified backup is proven.
      </p>
      {age && (
        <p className={`backups-age level-${age.state === 'none' ? 'critical' : age.state}`} role="status">
          {age.state === 'none'
            ? 'No backup of this database in this folder.'
            : `Last backup of this database ${hours(age.ageHours ?? 0)} ago (${formatDateTime(age.lastAt!)})${
                age.state === 'ok'
                  ? ''
                  : age.state === 'warning'
                    ? ` — older than ${BACKUP_AGE_HOURS.warning} h`
                    : ` — older than ${BACKUP_AGE_HOURS.critical} h`
              }.`}
        </p>
      )}
      <TaskProgressBar progress={progress} onCancel={() => taskId && actions.cancel.mutate(taskId)} />
      {error && <ErrorView title="The backup task did not complete" error={error} />}
      {report && (
        <div className={`backups-report ${report.ok ? 'level-ok' : 'level-critical'}`} role="status">
          {report.ok
            ? `Proven: restored into a scratch database with ${report.tables} tables and ${formatCount(report.rows)} rows matching the manifest.`
            : 'Not proven:'}
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {report.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
        </div>
      )}
      {actions.restore.data && (
        <p className="level-ok" role="status">
          Restored into <strong>{actions.restore.data.database}</strong>
          {actions.restore.data.created ? ' (a new database)' : ' (replaced)'}.
        </p>
      )}
      {list.error && <ErrorView title="Could not list backups" error={list.error} />}
      {list.data && list.data.backups.length === 0 && <p>No backups in this folder yet.</p>}
      {list.data && list.data.backups.length > 0 && (
        <div className="table-scroll">
          <table className="data-table backups-table">
            <thead>
              <tr>
                <th>Taken</th>
                <th>Database</th>
                <th className="num">Size</th>
                <th className="num">Tables</th>
                <th className="num">Rows</th>
                <th>Verified</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.backups.map((b) => (
                <Fragment key={b.file}>
                  <tr aria-label={b.name}>
                    <td>
                      <button
                        className="link"
                        onClick={() => setOpen(open === b.file ? undefined : b.file)}
                        aria-expanded={open === b.file}
                      >
                        {formatDateTime(b.at)}
                      </button>
                    </td>
                    <td>
                      {b.database ?? <span className="level-warning">no manifest</span>}
                      {b.preMigration && (
                        <span className="muted">
                          {' '}
                          · before migrations {b.preMigration.versions.join(', ')} (restore in place from Migrations)
                        </span>
                      )}
                    </td>
                    <td className="num">{formatBytes(b.bytes)}</td>
                    <td className="num">{b.tables.length}</td>
                    <td className="num">{formatCount(b.totalRows)}</td>
                    <td>
                      {b.verification ? (
                        <span className={b.verification.ok ? 'level-ok' : 'level-critical'} title={b.verification.problems.join('\n')}>
                          {b.verification.ok ? 'proven' : 'FAILED'} {formatDateTime(b.verification.at)}
                        </span>
                      ) : (
                        <span className="muted">not verified</span>
                      )}
                    </td>
                    <td className="row-actions">
                      <button
                        disabled={running || !b.database}
                        onClick={() => start((id) => actions.verify.mutate({ taskId: id, file: b.file }))}
                      >
                        Verify
                      </button>
                      <button disabled={running || !b.database} onClick={() => setRestoring(b)}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                  {open === b.file && <ManifestRow backup={b} />}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WalArchivingPanel connectionId={connectionId} />
      {restoring && (
        <RestoreDialog
          connectionId={connectionId}
          backup={restoring}
          onCancel={() => setRestoring(undefined)}
          onConfirm={(input) => {
            const file = restoring.file;
            setRestoring(undefined);
            start((id) => actions.restore.mutate({ taskId: id, file, ...input }));
          }}
        />
      )}
    </section>
  );
}

function ManifestRow({ backup }: { backup: BackupEntry }) {
  return (
    <tr className="backups-manifest">
      <td colSpan={7}>
        <p>
          <code>{backup.file}</code>
        </p>
        {backup.manifestError && <p className="level-warning">{backup.manifestError}</p>}
        {backup.serverVersion && (
          <p className="muted">
            PostgreSQL {backup.serverVersion} on {backup.server} · {backup.pgDumpVersion}
          </p>
        )}
        {backup.tables.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th>Table</th>
                <th className="num">Rows</th>
                <th>Checksum</th>
              </tr>
            </thead>
            <tbody>
              {backup.tables.map((t) => (
                <tr key={`${t.schema}.${t.name}`}>
                  <td>
                    {t.schema}.{t.name}
                  </td>
                  <td className="num">{formatCount(t.rows)}</td>
                  <td>
                    <code>{t.checksum}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </td>
    </tr>
  );
}
