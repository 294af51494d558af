import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const signalSession = (connectionId: string, pid: number, action: 'cancel' | 'terminate', confirmDatabase?: string) =>
  rpc.call('insights.signalSession', { connectionId, pid, action, ...(confirmDatabase !== undefined ? { confirmDatabase } : {}) });

export function useSignalSession(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pid, action, confirmDatabase }: { pid: number; action: 'cancel' | 'terminate'; confirmDatabase?: string }) =>
      signalSession(connectionId, pid, action, confirmDatabase),
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights', 'activity') }),
  });
}
