import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const describeFunction = (connectionId: string, schema: string, name: string, args: string) =>
  rpc.call('schema.describeFunction', { connectionId, schema, name, args });

export const describeFunctionOptions = (connectionId: string, schema: string, name: string, args: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'function', schema, name, args),
    queryFn: () => describeFunction(connectionId, schema, name, args),
  });

export const useDescribeFunction = (connectionId: string, schema: string, name: string, args: string) =>
  useQuery(describeFunctionOptions(connectionId, schema, name, args));
