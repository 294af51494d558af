import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const CHILDREN_PAGE = 25;

export const getChildren = (connectionId: string, userId: string, after?: string) =>
  rpc.call('chain.descendants', { connectionId, userId, depth: 1, perParent: CHILDREN_PAGE, after });

/** Direct children of one tree node, a page at a time (the tree expands one level per click). */
export const childrenOptions = (connectionId: string, userId: string) =>
  infiniteQueryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'children', userId),
    queryFn: ({ pageParam }) => getChildren(connectionId, userId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });

export const useChildren = (connectionId: string, userId: string) => useInfiniteQuery(childrenOptions(connectionId, userId));
