import { useMutation } from '@tanstack/react-query';
import { rpc } from '../../../lib/rpc';

export const rehearse = (connectionId: string, dir: string | undefined, taskId: string) =>
  rpc.call('migrations.rehearse', { connectionId, dir, taskId });
export const cancelRehearsal = (taskId: string) => rpc.call('maintenance.cancelTask', { taskId });

/** Rehearse on a restored copy: a task the caller follows by its id (progress, cancel). */
export function useRehearse(connectionId: string, dir: string | undefined) {
  return {
    run: useMutation({ mutationFn: (taskId: string) => rehearse(connectionId, dir, taskId) }),
    cancel: useMutation({ mutationFn: cancelRehearsal }),
  };
}
