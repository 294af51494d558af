import { queryOptions, useQuery } from '@tanstack/react-query';
import { OFFLINE_MAX_AGE_MS, offlineKey } from '../../../lib/offline-cache';
import { rpc } from '../../../lib/rpc';

export const getEventStats = (connectionId: string, eventId: string) => rpc.call('events.stats', { connectionId, eventId });

/**
 * An event's statistics, persisted in localStorage (offline key): when the database cannot be
 * reached the last answer is shown with its time. While failing it retries every 10 s, so the
 * page refreshes itself once the database is back. Restored copies are re-checked on mount.
 */
export const eventStatsOptions = (connectionId: string, eventId: string) =>
  queryOptions({
    queryKey: offlineKey(connectionId, 'events', 'stats', eventId),
    queryFn: () => getEventStats(connectionId, eventId),
    staleTime: 15_000,
    gcTime: OFFLINE_MAX_AGE_MS,
    // a copy restored from localStorage is re-checked at once, so "offline" shows as soon as it is true
    refetchOnMount: 'always',
    refetchInterval: (q) => (q.state.status === 'error' ? 10_000 : 60_000),
  });

export const useEventStats = (connectionId: string, eventId: string) => useQuery(eventStatsOptions(connectionId, eventId));
