import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getExpiring = (connectionId: string) => rpc.call('chain.expiring', { connectionId, limit: 25 });

export const expiringOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'expiring'),
    queryFn: () => getExpiring(connectionId),
    staleTime: 60_000,
    refetchInterval: 120_000,
  });

export const useExpiring = (connectionId: string) => useQuery(expiringOptions(connectionId));
