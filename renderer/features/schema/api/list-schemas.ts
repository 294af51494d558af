import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const listSchemas = (connectionId: string, includeSystem: boolean) =>
  rpc.call('schema.listSchemas', { connectionId, includeSystem });

export const listSchemasOptions = (connectionId: string, includeSystem: boolean) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'schemas', includeSystem),
    queryFn: () => listSchemas(connectionId, includeSystem),
    staleTime: 60_000,
  });

/** No connection (''), no request: the contract would refuse an empty id, and there is nothing to list. */
export const useSchemas = (connectionId: string, includeSystem: boolean) =>
  useQuery({ ...listSchemasOptions(connectionId, includeSystem), enabled: connectionId !== '' });
