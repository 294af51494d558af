import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const listGateEvents = (connectionId: string) => rpc.call('tickets.listEvents', { connectionId, limit: 200 });

export const listGateEventsOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'tickets', 'events'),
    queryFn: () => listGateEvents(connectionId),
    staleTime: 60_000,
  });

export const useGateEvents = (connectionId: string) => useQuery(listGateEventsOptions(connectionId));
