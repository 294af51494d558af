import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const resetStatements = (input: InputOf<'insights.resetStatements'>) => rpc.call('insights.resetStatements', input);

export function useResetStatements(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<InputOf<'insights.resetStatements'>, 'connectionId'>) => resetStatements({ connectionId, ...input }),
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights') }),
  });
}
