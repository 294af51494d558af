import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

type Refresh = Omit<InputOf<'matviews.refresh'>, 'connectionId'>;
type RefreshAll = Omit<InputOf<'matviews.refreshAll'>, 'connectionId'>;

export const refreshMatview = (connectionId: string, input: Refresh) => rpc.call('matviews.refresh', { connectionId, ...input });
export const refreshAllMatviews = (connectionId: string, input: RefreshAll) => rpc.call('matviews.refreshAll', { connectionId, ...input });
export const cancelRefresh = (taskId: string) => rpc.call('maintenance.cancelTask', { taskId });

/** Refresh one view or all; the list (last refresh, populated) is re-read when it ends. */
export function useRefreshMatviews(connectionId: string) {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'matviews') });
  return {
    one: useMutation({ mutationFn: (input: Refresh) => refreshMatview(connectionId, input), onSettled }),
    all: useMutation({ mutationFn: (input: RefreshAll) => refreshAllMatviews(connectionId, input), onSettled }),
    cancel: useMutation({ mutationFn: cancelRefresh }),
  };
}
