import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchHealth = (connectionId: string) => rpc.call('insights.health', { connectionId });

export const healthOptions = (connectionId: string, refetchMs: number | false) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'health'),
    queryFn: () => fetchHealth(connectionId),
    refetchInterval: refetchMs,
  });

export const useHealth = (connectionId: string, refetchMs: number | false) => useQuery(healthOptions(connectionId, refetchMs));
