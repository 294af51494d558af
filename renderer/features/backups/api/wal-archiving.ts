import { useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchWalArchiving = (connectionId: string) => rpc.call('backups.walArchiving', { connectionId });

export const useWalArchiving = (connectionId: string) =>
  useQuery({
    queryKey: connKeys.scoped(connectionId, 'backups', 'wal'),
    queryFn: () => fetchWalArchiving(connectionId),
    refetchInterval: 30_000,
  });
