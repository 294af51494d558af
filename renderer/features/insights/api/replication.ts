import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchReplication = (connectionId: string) => rpc.call('replication.overview', { connectionId });

/** Every 5 s: the WAL rate is measured between two of these reads. */
export const replicationOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'replication'),
    queryFn: () => fetchReplication(connectionId),
    refetchInterval: 5_000,
  });

export const useReplication = (connectionId: string) => useQuery(replicationOptions(connectionId));
