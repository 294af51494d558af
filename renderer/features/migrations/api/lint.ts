import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchLint = (name: string, upSql: string, downSql: string | null, transaction: boolean) =>
  rpc.call('migrations.lint', { name, upSql, ...(downSql !== null ? { downSql } : {}), transaction: transaction ? 'auto' : 'never' });

export const lintOptions = (connectionId: string, name: string, upSql: string, downSql: string | null, transaction: boolean) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'migrations', 'lint', name, upSql, downSql, transaction),
    queryFn: () => fetchLint(name, upSql, downSql, transaction),
  });

export const useLint = (connectionId: string, name: string, upSql: string, downSql: string | null, transaction: boolean) =>
  useQuery(lintOptions(connectionId, name, upSql, downSql, transaction));
