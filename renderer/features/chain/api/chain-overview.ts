import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getChainStats = (connectionId: string) => rpc.call('chain.stats', { connectionId });

export const chainStatsOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'stats'),
    queryFn: () => getChainStats(connectionId),
    staleTime: 60_000,
  });

export const useChainStats = (connectionId: string) => useQuery(chainStatsOptions(connectionId));
