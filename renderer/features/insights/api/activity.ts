import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchActivity = (connectionId: string, includeIdle: boolean, longRunningMs: number) =>
  rpc.call('insights.activity', { connectionId, includeIdle, longRunningMs });

export const activityOptions = (connectionId: string, includeIdle: boolean, longRunningMs: number, refetchMs: number | false) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'activity', includeIdle, longRunningMs),
    queryFn: () => fetchActivity(connectionId, includeIdle, longRunningMs),
    refetchInterval: refetchMs,
    placeholderData: keepPreviousData,
  });

export const useActivity = (connectionId: string, includeIdle: boolean, longRunningMs: number, refetchMs: number | false) =>
  useQuery(activityOptions(connectionId, includeIdle, longRunningMs, refetchMs));
