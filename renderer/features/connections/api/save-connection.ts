import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { appKeys, connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const saveConnection = (input: InputOf<'connections.save'>) => rpc.call('connections.save', input);

export function useSaveConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveConnection,
    onSuccess: async (profile) => {
      await client.invalidateQueries({ queryKey: appKeys.connections() });
      client.removeQueries({ queryKey: connKeys.root(profile.id) });
    },
  });
}
