import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const runQuery = (input: InputOf<'query.run'>) => rpc.call('query.run', input);

/** Runs SQL; the history list is stale afterwards. */
export function useRunQuery(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runQuery,
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'sql', 'history') }),
  });
}
