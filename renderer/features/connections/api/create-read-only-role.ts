import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { appKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const createReadOnlyRole = (input: InputOf<'connections.createReadOnlyRole'>) => rpc.call('connections.createReadOnlyRole', input);

/** Creates the role on the server and a read-only profile for it; the profile list then shows it. */
export function useCreateReadOnlyRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createReadOnlyRole,
    onSuccess: async () => client.invalidateQueries({ queryKey: appKeys.connections() }),
  });
}
