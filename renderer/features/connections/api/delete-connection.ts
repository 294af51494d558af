import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appKeys, connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const deleteConnection = (id: string) => rpc.call('connections.delete', { id });

export function useDeleteConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteConnection,
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: connKeys.root(id) });
      void client.invalidateQueries({ queryKey: appKeys.connections() });
    },
  });
}
