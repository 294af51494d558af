import { queryOptions, useQuery } from '@tanstack/react-query';
import { appKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const listConnections = () => rpc.call('connections.list', {});

export const listConnectionsOptions = () =>
  queryOptions({
    queryKey: appKeys.connections(),
    queryFn: listConnections,
    staleTime: 2_000,
    refetchInterval: (q) => (q.state.data?.demo.state === 'starting' ? 1_000 : false),
  });

export const useConnections = () => useQuery(listConnectionsOptions());
