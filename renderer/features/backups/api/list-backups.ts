import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchBackups = (connectionId: string, dir?: string) => rpc.call('backups.list', { connectionId, ...(dir ? { dir } : {}) });

export const backupsOptions = (connectionId: string, dir?: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'backups', dir ?? null), queryFn: () => fetchBackups(connectionId, dir) });

/** The folder's backups with manifests; re-read every minute so the age warning stays true. */
export const useBackups = (connectionId: string, dir?: string) =>
  useQuery({ ...backupsOptions(connectionId, dir), refetchInterval: 60_000 });
