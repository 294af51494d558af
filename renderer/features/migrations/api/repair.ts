import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** Resume a partly applied migration from its first statement not done, or mark it repaired. */
export const resumeMigrations = (connectionId: string, dir: string | undefined, taskId: string) =>
  rpc.call('migrations.apply', { connectionId, dir, resume: true, taskId });

export const markRepaired = (connectionId: string, dir: string | undefined, version: string) =>
  rpc.call('migrations.markRepaired', { connectionId, dir, version });

export function useRepairActions(connectionId: string, dir: string | undefined) {
  const client = useQueryClient();
  const settled = () => {
    void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'migrations') });
    void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'audit') });
  };
  return {
    resume: useMutation({ mutationFn: () => resumeMigrations(connectionId, dir, crypto.randomUUID()), onSettled: settled }),
    repair: useMutation({ mutationFn: (version: string) => markRepaired(connectionId, dir, version), onSettled: settled }),
  };
}
