import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

type Without<M extends 'backups.create' | 'backups.verify' | 'backups.restore'> = Omit<InputOf<M>, 'connectionId'>;

export const createBackup = (connectionId: string, input: Without<'backups.create'>) =>
  rpc.call('backups.create', { connectionId, ...input });
export const verifyBackup = (connectionId: string, input: Without<'backups.verify'>) =>
  rpc.call('backups.verify', { connectionId, ...input });
export const restoreBackup = (connectionId: string, input: Without<'backups.restore'>) =>
  rpc.call('backups.restore', { connectionId, ...input });
export const cancelBackupTask = (taskId: string) => rpc.call('maintenance.cancelTask', { taskId });

/** Create, verify, restore (each a task the caller follows by its id) and cancel; the list is re-read when one ends. */
export function useBackupActions(connectionId: string) {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'backups') });
  return {
    create: useMutation({ mutationFn: (input: Without<'backups.create'>) => createBackup(connectionId, input), onSettled }),
    verify: useMutation({ mutationFn: (input: Without<'backups.verify'>) => verifyBackup(connectionId, input), onSettled }),
    restore: useMutation({ mutationFn: (input: Without<'backups.restore'>) => restoreBackup(connectionId, input), onSettled }),
    cancel: useMutation({ mutationFn: cancelBackupTask }),
  };
}
