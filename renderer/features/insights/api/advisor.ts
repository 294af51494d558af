import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchAdvisor = (connectionId: string) => rpc.call('insights.advisor', { connectionId });

export const advisorOptions = (connectionId: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'insights', 'advisor'), queryFn: () => fetchAdvisor(connectionId) });

export const useAdvisor = (connectionId: string) => useQuery(advisorOptions(connectionId));
