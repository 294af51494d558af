import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchMigrationDraft = (connectionId: string, findingId: string) =>
  rpc.call('insights.migrationDraft', { connectionId, findingId });

export const migrationDraftOptions = (connectionId: string, findingId: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'insights', 'draft', findingId),
    queryFn: () => fetchMigrationDraft(connectionId, findingId),
    staleTime: 0,
  });

export const useMigrationDraft = (connectionId: string, findingId: string) => useQuery(migrationDraftOptions(connectionId, findingId));
