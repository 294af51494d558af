import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getSeatMap = (connectionId: string, eventId: string, sectionId: string) =>
  rpc.call('events.seatMap', { connectionId, eventId, sectionId });

export const seatMapOptions = (connectionId: string, eventId: string, sectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'events', 'seat-map', eventId, sectionId),
    queryFn: () => getSeatMap(connectionId, eventId, sectionId),
    staleTime: 10_000,
  });

export const useSeatMap = (connectionId: string, eventId: string, sectionId: string) =>
  useQuery(seatMapOptions(connectionId, eventId, sectionId));
