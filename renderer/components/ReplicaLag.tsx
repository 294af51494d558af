import { useQuery } from '@tanstack/react-query';
import { replicaLagLevel, replicaLagText } from '../../shared/domain/replica-lag';
import { connKeys } from '../lib/query-keys';
import { rpc } from '../lib/rpc';

/**
 * "replica, 0.4 s behind" beside a page's data when the connection is a standby: the same
 * query as the status bar (connections.ping), refreshed every 5 s while it is a replica.
 */
export function ReplicaLag({ connectionId }: { connectionId: string }) {
  const { data } = useQuery({
    queryKey: connKeys.scoped(connectionId, 'server-status'),
    queryFn: () => rpc.call('connections.ping', { id: connectionId }),
    refetchInterval: (q) => (q.state.data?.inRecovery ? 5_000 : 15_000),
    retry: false,
  });
  if (!data?.inRecovery) return null;
  const level = replicaLagLevel(data.replicaLagSeconds);
  return (
    <p className={`replica-lag replica-lag-${level}`} role="status" data-testid="replica-lag">
      {replicaLagText(data.replicaLagSeconds)} — reads only; writes go to the primary
    </p>
  );
}
