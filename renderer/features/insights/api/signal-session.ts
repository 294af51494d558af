import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const signalSession = (connectionId: string, pid: number, action: 'cancel' | 'terminate') =>
  rpc.call('insights.signalSession', { connectionId, pid, action });

export function useSignalSession(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pid, action }: { pid: number; action: 'cancel' | 'terminate' }) => signalSession(connectionId, pid, action),
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights', 'activity') }),
  });
}
