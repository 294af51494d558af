import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type CountRequest = InputOf<'schema.countRows'>;

export const countRows = (request: CountRequest) => rpc.call('schema.countRows', request);

/** The estimate loads with the page; the exact count only when asked (enabled by the caller). */
export const countRowsOptions = (request: CountRequest, enabled = true) =>
  queryOptions({
    queryKey: connKeys.scoped(
      request.connectionId,
      'schema',
      'count',
      request.schema,
      request.name,
      request.filters ?? [],
      request.combine ?? 'and',
      Boolean(request.exact),
    ),
    queryFn: () => countRows(request),
    enabled,
    staleTime: 30_000,
  });

export const useCountRows = (request: CountRequest, enabled = true) => useQuery(countRowsOptions(request, enabled));
