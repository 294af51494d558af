import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchBloat = (connectionId: string, minWastedBytes: number) => rpc.call('insights.bloat', { connectionId, minWastedBytes });

export const bloatOptions = (connectionId: string, minWastedBytes: number) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'bloat', minWastedBytes),
    queryFn: () => fetchBloat(connectionId, minWastedBytes),
  });

export const useBloat = (connectionId: string, minWastedBytes: number) => useQuery(bloatOptions(connectionId, minWastedBytes));
