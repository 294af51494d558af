import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** Polled while a tab holds a session: the server may roll it back (idle limit) or lose it (server restart). */
export const SESSION_POLL_MS = 5_000;

export const sessionState = (connectionId: string, sessionId: string) => rpc.call('query.sessionState', { connectionId, sessionId });

export const sessionStateOptions = (connectionId: string, sessionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'sql', 'session', sessionId),
    queryFn: () => sessionState(connectionId, sessionId),
    refetchInterval: (q) => (q.state.data?.status === 'closed' ? false : SESSION_POLL_MS),
    staleTime: 0,
  });

export const useSessionState = (connectionId: string, sessionId: string | undefined) =>
  useQuery({ ...sessionStateOptions(connectionId, sessionId ?? ''), enabled: sessionId !== undefined });
