import { useState } from 'react';
import { newTaskId } from '../../../lib/task-id';
import { useTaskProgress } from '../../../lib/task-store';
import { useRunMaintenance, type MaintenanceCommand } from '../api/run-maintenance';
import { useCancelTask } from '../api/tasks';

type Command = MaintenanceCommand extends infer C ? (C extends MaintenanceCommand ? Omit<C, 'taskId'> : never) : never;

/** Starts one maintenance command with its own task id; exposes its live progress and cancel. */
export function useMaintenanceTask(connectionId: string) {
  const run = useRunMaintenance(connectionId);
  const cancel = useCancelTask();
  const [taskId, setTaskId] = useState<string | undefined>();
  const progress = useTaskProgress(taskId);
  return {
    start(command: Command) {
      const id = newTaskId();
      setTaskId(id);
      run.mutate({ ...command, taskId: id } as MaintenanceCommand);
    },
    cancel: () => taskId && cancel.mutate(taskId),
    progress,
    running: run.isPending,
    error: run.error ?? cancel.error,
    result: run.data,
  };
}
