import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const tableDdl = (connectionId: string, schema: string, name: string) => rpc.call('schema.tableDdl', { connectionId, schema, name });

export const tableDdlOptions = (connectionId: string, schema: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'ddl', schema, name),
    queryFn: () => tableDdl(connectionId, schema, name),
  });

export const useTableDdl = (connectionId: string, schema: string, name: string) => useQuery(tableDdlOptions(connectionId, schema, name));
