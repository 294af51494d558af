import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const searchObjects = (connectionId: string, query: string) => rpc.call('schema.search', { connectionId, query, limit: 200 });

export const searchObjectsOptions = (connectionId: string, query: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'search', query),
    queryFn: () => searchObjects(connectionId, query),
    enabled: query.trim().length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

export const useSearchObjects = (connectionId: string, query: string) => useQuery(searchObjectsOptions(connectionId, query));
