import type { TaskInfo } from '../../../../shared/contract/maintenance';
import { formatMs } from '../../../../shared/domain/format';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { useTaskProgress } from '../../../lib/task-store';
import { useCancelTask, useTasks } from '../api/tasks';

/** Running tasks with live progress and Cancel; finished ones of this app session below. */
export function TaskList({ connectionId, exclude }: { connectionId: string; exclude?: string }) {
  const tasks = useTasks(connectionId);
  const cancel = useCancelTask();
  const list = tasks.data?.tasks ?? [];
  const running = list.filter((t) => t.state === 'running' && t.taskId !== exclude);
  const done = list.filter((t) => t.state !== 'running').slice(0, 8);
  if (!list.length) return null;
  return (
    <section className="task-list" aria-label="Background tasks">
      {running.map((t) => (
        <RunningTask key={t.taskId} task={t} onCancel={() => cancel.mutate(t.taskId)} />
      ))}
      {cancel.error && <ErrorView title="Cancel failed" error={cancel.error} />}
      {done.length > 0 && (
        <details>
          <summary>Finished in this session ({done.length})</summary>
          <ul className="insights-finished-tasks">
            {done.map((t) => (
              <li key={t.taskId} className={`task-${t.state}`}>
                <code>{t.statement.split('\n')[0]}</code> — {t.state} after {formatMs(t.elapsedMs)}
                {t.error ? `: ${t.error}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function RunningTask({ task, onCancel }: { task: TaskInfo; onCancel: () => void }) {
  const live = useTaskProgress(task.taskId);
  const progress = live ?? {
    taskId: task.taskId,
    label: task.label,
    state: task.state,
    fraction: task.fraction,
    elapsedMs: task.elapsedMs,
    ...(task.detail ? { detail: task.detail } : {}),
  };
  return <TaskProgressBar progress={progress} onCancel={onCancel} />;
}
