import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type DataRequest = Omit<InputOf<'schema.tableData'>, 'after' | 'limit'>;

export const DATA_PAGE_SIZE = 200;

export const tableData = (request: DataRequest, after: string | undefined) =>
  rpc.call('schema.tableData', { ...request, ...(after ? { after } : {}), limit: DATA_PAGE_SIZE });

/** Pages by the keyset cursor each page returns; the key holds the filter and sort. */
export const tableDataOptions = (request: DataRequest) =>
  infiniteQueryOptions({
    queryKey: connKeys.scoped(
      request.connectionId,
      'schema',
      'data',
      request.schema,
      request.name,
      request.filters ?? [],
      request.combine ?? 'and',
      request.sort ?? null,
    ),
    queryFn: ({ pageParam }) => tableData(request, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 30_000,
  });

export const useTableData = (request: DataRequest) => useInfiniteQuery(tableDataOptions(request));
