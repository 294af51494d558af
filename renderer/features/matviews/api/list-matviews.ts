import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchMatviews = (connectionId: string) => rpc.call('matviews.list', { connectionId });

export const matviewsOptions = (connectionId: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'matviews', 'list'), queryFn: () => fetchMatviews(connectionId) });

export const useMatviews = (connectionId: string) => useQuery(matviewsOptions(connectionId));
