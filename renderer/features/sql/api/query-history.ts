import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const queryHistory = (connectionId: string, search: string) =>
  rpc.call('query.history', { connectionId, ...(search ? { search } : {}), limit: 200 });

export const queryHistoryOptions = (connectionId: string, search: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'sql', 'history', search),
    queryFn: () => queryHistory(connectionId, search),
    placeholderData: keepPreviousData,
  });

export const useQueryHistory = (connectionId: string, search: string) => useQuery(queryHistoryOptions(connectionId, search));
