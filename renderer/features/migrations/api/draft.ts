import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** The index advisor's draft for a finding, read again from the finding id in the URL (never stale). */
export const fetchDraft = (connectionId: string, findingId: string) => rpc.call('insights.migrationDraft', { connectionId, findingId });

export const draftOptions = (connectionId: string, findingId: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'draft', findingId), queryFn: () => fetchDraft(connectionId, findingId), staleTime: 0 });

export const useDraft = (connectionId: string, findingId: string | undefined) => useQuery({ ...draftOptions(connectionId, findingId ?? ''), enabled: findingId !== undefined });
