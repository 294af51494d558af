import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchPoolerOverview = (connectionId: string) => rpc.call('pooler.overview', { connectionId });

export const poolerOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'pooler'),
    queryFn: () => fetchPoolerOverview(connectionId),
    refetchInterval: 5_000,
  });

export const usePoolerOverview = (connectionId: string) => useQuery(poolerOptions(connectionId));

export type PoolerCommand = 'pause' | 'resume' | 'reconnect';

export const runPoolerCommand = (connectionId: string, command: PoolerCommand, database: string) =>
  rpc.call(`pooler.${command}`, { connectionId, database });

export function usePoolerCommand(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ command, database }: { command: PoolerCommand; database: string }) => runPoolerCommand(connectionId, command, database),
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights', 'pooler') }),
  });
}
