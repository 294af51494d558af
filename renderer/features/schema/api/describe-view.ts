import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const describeView = (connectionId: string, schema: string, name: string) =>
  rpc.call('schema.describeView', { connectionId, schema, name });

export const describeViewOptions = (connectionId: string, schema: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'view', schema, name),
    queryFn: () => describeView(connectionId, schema, name),
  });

export const useDescribeView = (connectionId: string, schema: string, name: string) =>
  useQuery(describeViewOptions(connectionId, schema, name));
