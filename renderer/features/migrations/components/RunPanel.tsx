import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../../../shared/contract/events';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { rpc } from '../../../lib/rpc';
import { useCancelRun, useRunMigrations, type RunIntent } from '../api/run';
import { ConfirmRun } from './ConfirmRun';
import { LockPanel } from './LockPanel';
import { RestoreSnapshot } from './RestoreSnapshot';
import { usePreMigration } from '../api/pre-migration';
import { useBackupTools } from '../api/backup-tools';

type Intent = RunIntent;

/**
 * Apply and Roll back: confirm with the plan, then a progress bar (per migration and statement,
 * with elapsed time from task.progress), the live lock panel and Cancel while it runs.
 */
export function RunPanel({ connectionId, dir, rows, selected }: { connectionId: string; dir: string | undefined; rows: MigrationRow[]; selected: MigrationRow | undefined }) {
  const [intent, setIntent] = useState<Intent | undefined>();
  const [taskId, setTaskId] = useState<string | undefined>();
  const [progress, setProgress] = useState<TaskProgress | undefined>();
  const [steps, setSteps] = useState<string[]>([]);
  const run = useRunMigrations(connectionId, dir);
  const cancel = useCancelRun(connectionId);
  const pre = usePreMigration(connectionId, dir);
  // Apply first dumps the tables the pending migrations touch, so a bad one can be undone without a down script.
  const tools = useBackupTools(connectionId);
  const canSnapshot = tools.data?.problem === null;
  const [snapshotChoice, setSnapshotFirst] = useState(true);
  const snapshotFirst = canSnapshot && snapshotChoice;
  const [snapshot, setSnapshot] = useState<{ file: string; tables: string[] } | undefined>();

  useEffect(
    () =>
      taskId
        ? rpc.on('task.progress', (p) => {
            if (p.taskId !== taskId) return;
            setProgress(p);
            if (p.detail && p.state === 'running') setSteps((s) => (s.at(-1) === p.detail ? s : [...s.slice(-199), p.detail!]));
          })
        : undefined,
    [taskId],
  );

  const pending = rows.filter((r) => r.status === 'pending');
  const applied = rows.filter((r) => r.status === 'applied' || r.status === 'drift');
  const newestApplied = applied.at(-1);
  const upTo = selected?.status === 'pending' ? selected.version : undefined;
  const running = run.isPending || pre.snapshot.isPending;

  const start = async (i: Intent) => {
    setIntent(undefined);
    setProgress(undefined);
    setSteps([]);
    if (i.direction === 'up' && snapshotFirst) {
      const snapId = crypto.randomUUID();
      setTaskId(snapId);
      const taken = await pre.snapshot.mutateAsync({ taskId: snapId, to: i.to }).catch(() => undefined);
      if (!taken) return; // the error is shown; nothing was applied
      setSnapshot(taken.file ? { file: taken.file, tables: taken.tables } : undefined);
    } else setSnapshot(undefined);
    const id = crypto.randomUUID();
    setTaskId(id);
    setProgress(undefined);
    run.mutate({ ...i, taskId: id });
  };

  return (
    <div className="migrations-run-panel">
      <div className="toolbar">
        <button className="primary" disabled={running || pending.length === 0} onClick={() => setIntent({ direction: 'up', to: upTo })}>
          {upTo ? `Apply up to ${upTo}` : `Apply ${pending.length} pending`}
        </button>
        <button className="danger" disabled={running || !newestApplied} onClick={() => setIntent({ direction: 'down', steps: 1 })}>
          {newestApplied ? `Roll back ${newestApplied.version}` : 'Roll back'}
        </button>
        <label title={tools.data?.problem ?? undefined}>
          <input type="checkbox" checked={snapshotFirst} disabled={!canSnapshot} onChange={(e) => setSnapshotFirst(e.target.checked)} /> Back up the tables they
          touch before applying{tools.data?.problem ? ' (no suitable pg_dump here)' : ''}
        </label>
      </div>
      {intent && <ConfirmRun connectionId={connectionId} dir={dir} intent={intent} onConfirm={() => void start(intent)} onCancel={() => setIntent(undefined)} />}
      {taskId && (running || progress) && (
        <div className="run-progress">
          <TaskProgressBar progress={progress} onCancel={running ? () => cancel.mutate(taskId) : undefined} />
          {steps.length > 0 && (
            <ol className="migrations-run-steps" aria-label="Statements run">
              {steps.slice(-8).map((s, i) => (
                <li key={`${i}-${s}`}>{s}</li>
              ))}
            </ol>
          )}
          {running && <LockPanel connectionId={connectionId} taskId={taskId} />}
        </div>
      )}
      {cancel.error && <ErrorView title="Could not cancel" error={cancel.error} />}
      {pre.snapshot.error && <ErrorView title="The pre-migration backup failed, so nothing was applied" error={pre.snapshot.error} />}
      {snapshot && !running && (run.error || run.data) && <RestoreSnapshot connectionId={connectionId} dir={dir} file={snapshot.file} tables={snapshot.tables} />}
      {run.error && <ErrorView title={run.variables?.direction === 'down' ? 'The rollback did not complete' : 'The migration did not complete'} error={run.error} />}
      {run.data && !running && (
        <p className="run-result" role="status">
          {run.data.ran.length === 0 ? 'Nothing to do.' : `${run.data.ran.map((r) => `${r.direction === 'up' ? 'Applied' : 'Rolled back'} ${r.version} ${r.name}`).join('; ')}.`}
        </p>
      )}
    </div>
  );
}
