import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const findChainUsers = (connectionId: string, q: string) => rpc.call('chain.findUsers', { connectionId, q });

export const findUsersOptions = (connectionId: string, q: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'find', q),
    queryFn: () => findChainUsers(connectionId, q),
    staleTime: 30_000,
  });

export const useFindUsers = (connectionId: string, q: string) =>
  useQuery({ ...findUsersOptions(connectionId, q), enabled: q.trim() !== '' });
