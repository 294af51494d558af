import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const describeType = (connectionId: string, schema: string, name: string) =>
  rpc.call('schema.describeType', { connectionId, schema, name });

export const describeTypeOptions = (connectionId: string, schema: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'type', schema, name),
    queryFn: () => describeType(connectionId, schema, name),
  });

export const useDescribeType = (connectionId: string, schema: string, name: string) =>
  useQuery(describeTypeOptions(connectionId, schema, name));
