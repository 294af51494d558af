import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getOrder = (connectionId: string, orderId: string) => rpc.call('orders.get', { connectionId, orderId });

export const getOrderOptions = (connectionId: string, orderId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'orders', 'get', orderId),
    queryFn: () => getOrder(connectionId, orderId),
    staleTime: 15_000,
  });

export const useOrder = (connectionId: string, orderId: string) => useQuery(getOrderOptions(connectionId, orderId));
