import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchRunActivity = (connectionId: string, taskId: string) => rpc.call('migrations.runActivity', { connectionId, taskId });

/** Polled every 500 ms while a run is active: the live lock panel. */
export const runActivityOptions = (connectionId: string, taskId: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'run-activity', taskId), queryFn: () => fetchRunActivity(connectionId, taskId), refetchInterval: 500, staleTime: 0 });

export const useRunActivity = (connectionId: string, taskId: string | undefined) => useQuery({ ...runActivityOptions(connectionId, taskId ?? ''), enabled: taskId !== undefined });
