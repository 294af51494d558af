import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const describeSequence = (connectionId: string, schema: string, name: string) =>
  rpc.call('schema.describeSequence', { connectionId, schema, name });

export const describeSequenceOptions = (connectionId: string, schema: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'sequence', schema, name),
    queryFn: () => describeSequence(connectionId, schema, name),
  });

export const useDescribeSequence = (connectionId: string, schema: string, name: string) =>
  useQuery(describeSequenceOptions(connectionId, schema, name));
