import { useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchBackupTools = (connectionId: string) => rpc.call('backups.tools', { connectionId });

/** Whether pg_dump can back up this server here (Apply offers the pre-migration backup only then). */
export const useBackupTools = (connectionId: string) =>
  useQuery({ queryKey: connKeys.scoped(connectionId, 'migrations', 'backup-tools'), queryFn: () => fetchBackupTools(connectionId) });
