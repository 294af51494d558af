import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type RunIntent = { direction: 'up'; to?: string } | { direction: 'down'; steps?: number; to?: string };
export type RunRequest = RunIntent & { taskId: string };

export function runMigrations(connectionId: string, dir: string | undefined, request: RunRequest) {
  if (request.direction === 'up') return rpc.call('migrations.apply', { connectionId, dir, to: request.to, taskId: request.taskId });
  return rpc.call('migrations.rollback', { connectionId, dir, ...(request.to !== undefined ? { to: request.to } : { steps: request.steps ?? 1 }), taskId: request.taskId });
}

/** Apply or roll back; the status, history and audit are read again whatever the outcome. */
export function useRunMigrations(connectionId: string, dir: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RunRequest) => runMigrations(connectionId, dir, request),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'migrations') });
      void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'audit') });
    },
  });
}

export const cancelRun = (connectionId: string, taskId: string) => rpc.call('migrations.cancelRun', { connectionId, taskId });

export const useCancelRun = (connectionId: string) => useMutation({ mutationFn: (taskId: string) => cancelRun(connectionId, taskId) });
