import { create } from 'zustand';
import type { TaskProgress } from '../../shared/contract/events';
import { rpc } from './rpc';

interface TaskStore {
  tasks: Record<string, TaskProgress>;
  put(progress: TaskProgress): void;
}

/** Latest `task.progress` per task id, fed by one subscription for the whole app. */
export const useTaskStore = create<TaskStore>()((set) => ({
  tasks: {},
  put: (progress) => set((s) => ({ tasks: { ...s.tasks, [progress.taskId]: progress } })),
}));

let subscribed = false;

/** Starts listening once (idempotent); progress of tasks started anywhere lands in the store. */
export function listenToTasks(): void {
  if (subscribed) return;
  subscribed = true;
  rpc.on('task.progress', (p) => useTaskStore.getState().put(p));
}

export function useTaskProgress(taskId: string | undefined): TaskProgress | undefined {
  listenToTasks();
  return useTaskStore((s) => (taskId ? s.tasks[taskId] : undefined));
}
