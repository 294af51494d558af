import { queryOptions } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type CompletionRequest = Omit<InputOf<'query.completions'>, 'connectionId'>;

export const completions = (connectionId: string, request: CompletionRequest) =>
  rpc.call('query.completions', { connectionId, ...request });

/** Cached for a minute per (kind, schema, relation, prefix): typing does not re-ask for the same names. */
export const completionsOptions = (connectionId: string, request: CompletionRequest) =>
  queryOptions({
    queryKey: connKeys.scoped(
      connectionId,
      'sql',
      'completions',
      request.kind,
      request.schema ?? null,
      request.relation ?? null,
      request.prefix ?? '',
    ),
    queryFn: () => completions(connectionId, request),
    staleTime: 60_000,
  });
