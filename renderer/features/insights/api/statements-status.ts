import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchStatementsStatus = (connectionId: string) => rpc.call('insights.statementsStatus', { connectionId });

export const statementsStatusOptions = (connectionId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'statements-status'),
    queryFn: () => fetchStatementsStatus(connectionId),
  });

export const useStatementsStatus = (connectionId: string) => useQuery(statementsStatusOptions(connectionId));
