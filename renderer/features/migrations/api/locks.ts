import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchLocks = (connectionId: string, sql: string) => rpc.call('migrations.locks', { connectionId, sql });

export const locksOptions = (connectionId: string, sql: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'locks', sql), queryFn: () => fetchLocks(connectionId, sql) });

export const useStatementLocks = (connectionId: string, sql: string) => useQuery(locksOptions(connectionId, sql));
