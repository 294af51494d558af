import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { OrderSearchKind } from '../../../../shared/contract/orders';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const searchOrders = (connectionId: string, q: string, kind: OrderSearchKind, after?: string) =>
  rpc.call('orders.search', { connectionId, q, kind, after, limit: 50 });

/** Keyset pages: each page carries the cursor of the next one. */
export const searchOrdersOptions = (connectionId: string, q: string, kind: OrderSearchKind) =>
  infiniteQueryOptions({
    queryKey: connKeys.scoped(connectionId, 'orders', 'search', kind, q),
    queryFn: ({ pageParam }) => searchOrders(connectionId, q, kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

export const useSearchOrders = (connectionId: string, q: string, kind: OrderSearchKind) =>
  useInfiniteQuery({ ...searchOrdersOptions(connectionId, q, kind), enabled: q.trim() !== '' });
