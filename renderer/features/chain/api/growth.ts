import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getGrowth = (connectionId: string, days: number) => rpc.call('chain.growth', { connectionId, days });

export const growthOptions = (connectionId: string, days: number) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'growth', days),
    queryFn: () => getGrowth(connectionId, days),
    staleTime: 300_000,
  });

export const useGrowth = (connectionId: string, days = 365) => useQuery(growthOptions(connectionId, days));
