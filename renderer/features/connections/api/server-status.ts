import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const pingConnection = (id: string) => rpc.call('connections.ping', { id });
export const connectConnection = (id: string) => rpc.call('connections.connect', { id });
export const disconnectConnection = (id: string) => rpc.call('connections.disconnect', { id });

/** Server version, latency, role and read-only state of the active connection, refreshed for the status bar. */
export const serverStatusKey = (id: string) => connKeys.scoped(id, 'server-status');

export const useServerStatus = (id: string | undefined) =>
  useQuery({
    queryKey: serverStatusKey(id ?? '-'),
    queryFn: () => pingConnection(id ?? ''),
    enabled: id !== undefined,
    refetchInterval: 15_000,
    retry: false,
  });

/** Disconnect closes the pool and drops everything cached for that connection. */
export function useDisconnect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: disconnectConnection,
    onSuccess: (_r, id) => client.removeQueries({ queryKey: connKeys.root(id) }),
  });
}
