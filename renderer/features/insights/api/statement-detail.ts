import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchStatementDetail = (connectionId: string, key: string) => rpc.call('insights.statementDetail', { connectionId, key });

export const statementDetailOptions = (connectionId: string, key: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'statement', key),
    queryFn: () => fetchStatementDetail(connectionId, key),
  });

export const useStatementDetail = (connectionId: string, key: string) => useQuery(statementDetailOptions(connectionId, key));
