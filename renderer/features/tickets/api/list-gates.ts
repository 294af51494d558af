import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const listGates = (connectionId: string, eventId: string) => rpc.call('tickets.listGates', { connectionId, eventId });

export const listGatesOptions = (connectionId: string, eventId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'tickets', 'gates', eventId),
    queryFn: () => listGates(connectionId, eventId),
    staleTime: 60_000,
  });

export const useGates = (connectionId: string, eventId: string | undefined) =>
  useQuery({ ...listGatesOptions(connectionId, eventId ?? '-'), enabled: eventId !== undefined });
