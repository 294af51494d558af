import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getUserPath = (connectionId: string, userId: string) => rpc.call('chain.userPath', { connectionId, userId });

export const userPathOptions = (connectionId: string, userId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'path', userId),
    queryFn: () => getUserPath(connectionId, userId),
    staleTime: 60_000,
  });

export const useUserPath = (connectionId: string, userId: string) => useQuery(userPathOptions(connectionId, userId));
