import { useMutation, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchTasks = (connectionId: string) => rpc.call('maintenance.tasks', { connectionId });

export const useTasks = (connectionId: string) =>
  useQuery({
    queryKey: connKeys.scoped(connectionId, 'maintenance', 'tasks'),
    queryFn: () => fetchTasks(connectionId),
    refetchInterval: 2000,
  });

export const cancelTask = (taskId: string) => rpc.call('maintenance.cancelTask', { taskId });

export const useCancelTask = () => useMutation({ mutationFn: cancelTask });
