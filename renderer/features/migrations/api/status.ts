import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchStatus = (connectionId: string, dir: string | undefined) => rpc.call('migrations.status', { connectionId, dir });

export const statusOptions = (connectionId: string, dir: string | undefined) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'status', dir ?? ''), queryFn: () => fetchStatus(connectionId, dir) });

export const useMigrationsStatus = (connectionId: string, dir: string | undefined) => useQuery(statusOptions(connectionId, dir));
