import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../../../shared/contract/events';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { rpc } from '../../../lib/rpc';
import { useCancelRun, useRunMigrations, type RunIntent } from '../api/run';
import { ConfirmRun } from './ConfirmRun';
import { LockPanel } from './LockPanel';

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
  const running = run.isPending;

  const start = (i: Intent) => {
    const id = crypto.randomUUID();
    setIntent(undefined);
    setTaskId(id);
    setProgress(undefined);
    setSteps([]);
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
      </div>
      {intent && <ConfirmRun connectionId={connectionId} dir={dir} intent={intent} onConfirm={() => start(intent)} onCancel={() => setIntent(undefined)} />}
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
      {run.error && <ErrorView title={run.variables?.direction === 'down' ? 'The rollback did not complete' : 'The migration did not complete'} error={run.error} />}
      {run.data && !running && (
        <p className="run-result" role="status">
          {run.data.ran.length === 0 ? 'Nothing to do.' : `${run.data.ran.map((r) => `${r.direction === 'up' ? 'Applied' : 'Rolled back'} ${r.version} ${r.name}`).join('; ')}.`}
        </p>
      )}
    </div>
  );
}
