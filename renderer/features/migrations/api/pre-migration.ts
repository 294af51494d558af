import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const snapshotBeforeMigrations = (connectionId: string, dir: string | undefined, taskId: string, to?: string) =>
  rpc.call('backups.snapshotBeforeMigrations', { connectionId, dir, taskId, ...(to ? { to } : {}) });
export const restoreInPlace = (connectionId: string, file: string, confirmName: string, taskId: string) =>
  rpc.call('backups.restoreInPlace', { connectionId, file, confirmName, taskId });

/** The snapshot before Apply, and "Restore from the pre-migration backup" after it. */
export function usePreMigration(connectionId: string, dir: string | undefined) {
  const client = useQueryClient();
  return {
    snapshot: useMutation({ mutationFn: (v: { taskId: string; to?: string }) => snapshotBeforeMigrations(connectionId, dir, v.taskId, v.to) }),
    restore: useMutation({
      mutationFn: (v: { file: string; confirmName: string; taskId: string }) => restoreInPlace(connectionId, v.file, v.confirmName, v.taskId),
      onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'migrations') }),
    }),
  };
}
