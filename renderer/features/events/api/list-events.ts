import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { OFFLINE_MAX_AGE_MS, offlineKey } from '../../../lib/offline-cache';
import { rpc } from '../../../lib/rpc';

export type EventFilters = Pick<InputOf<'events.list'>, 'search' | 'status' | 'when'>;

export const listEvents = (connectionId: string, filters: EventFilters) => rpc.call('events.list', { connectionId, ...filters });

/** Kept offline too, so the list still opens the events whose statistics were saved. */
export const listEventsOptions = (connectionId: string, filters: EventFilters) =>
  queryOptions({
    queryKey: offlineKey(connectionId, 'events', 'list', filters),
    queryFn: () => listEvents(connectionId, filters),
    staleTime: 30_000,
    gcTime: OFFLINE_MAX_AGE_MS,
    refetchOnMount: 'always',
    refetchInterval: (q) => (q.state.status === 'error' ? 10_000 : false),
  });

export const useEventList = (connectionId: string, filters: EventFilters) => useQuery(listEventsOptions(connectionId, filters));
