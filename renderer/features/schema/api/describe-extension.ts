import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** Extensions are database-wide: the name alone finds one. */
export const describeExtension = (connectionId: string, name: string) => rpc.call('schema.describeExtension', { connectionId, name });

export const describeExtensionOptions = (connectionId: string, name: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'schema', 'extension', name),
    queryFn: () => describeExtension(connectionId, name),
  });

export const useDescribeExtension = (connectionId: string, name: string) => useQuery(describeExtensionOptions(connectionId, name));
