import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getLeaderboard = (connectionId: string, limit: number) => rpc.call('chain.leaderboard', { connectionId, limit });

export const leaderboardOptions = (connectionId: string, limit: number) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'chain', 'leaderboard', limit),
    queryFn: () => getLeaderboard(connectionId, limit),
    staleTime: 60_000,
  });

export const useLeaderboard = (connectionId: string, limit = 20) => useQuery(leaderboardOptions(connectionId, limit));
