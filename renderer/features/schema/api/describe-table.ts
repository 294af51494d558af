import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const describeTable = (connectionId: string, schema: string, name: string) =>
  rpc.call('schema.describeTable', { connectionId, schema, name });

export const describeTableOptions = (connectionId: string, schema: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'table', schema, name),
    queryFn: () => describeTable(connectionId, schema, name),
  });

export const useDescribeTable = (connectionId: string, schema: string, name: string) =>
  useQuery(describeTableOptions(connectionId, schema, name));
