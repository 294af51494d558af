import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** The audit log's migration entries (apply and rollback), newest first. */
export const fetchMigrationAudit = async (connectionId: string) => {
  const { entries } = await rpc.call('audit.list', { connectionId, search: '', limit: 500 });
  return entries.filter((e) => e.action.startsWith('migration.')).slice(0, 50);
};

export const migrationAuditOptions = (connectionId: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'audit', 'migrations'), queryFn: () => fetchMigrationAudit(connectionId) });

export const useMigrationAudit = (connectionId: string) => useQuery(migrationAuditOptions(connectionId));
