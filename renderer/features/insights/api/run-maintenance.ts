import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** One maintenance command; the caller picks the task id so it can follow progress and cancel. */
export type MaintenanceCommand =
  | ({ kind: 'vacuum' } & Omit<InputOf<'maintenance.vacuum'>, 'connectionId'>)
  | ({ kind: 'analyze' } & Omit<InputOf<'maintenance.analyze'>, 'connectionId'>)
  | ({ kind: 'reindex' } & Omit<InputOf<'maintenance.reindex'>, 'connectionId'>);

export function runMaintenance(connectionId: string, command: MaintenanceCommand) {
  const { kind, ...rest } = command;
  if (kind === 'vacuum')
    return rpc.call('maintenance.vacuum', { connectionId, ...(rest as Omit<InputOf<'maintenance.vacuum'>, 'connectionId'>) });
  if (kind === 'analyze')
    return rpc.call('maintenance.analyze', { connectionId, ...(rest as Omit<InputOf<'maintenance.analyze'>, 'connectionId'>) });
  return rpc.call('maintenance.reindex', { connectionId, ...(rest as Omit<InputOf<'maintenance.reindex'>, 'connectionId'>) });
}

export function useRunMaintenance(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: MaintenanceCommand) => runMaintenance(connectionId, command),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'maintenance') });
      void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights', 'bloat') });
    },
  });
}
