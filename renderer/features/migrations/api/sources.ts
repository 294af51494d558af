import { queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchSources = (dir: string | undefined, version: string) => rpc.call('migrations.sources', { dir, version });

/** Scoped to the connection only so disconnecting clears it with the rest of the page. */
export const sourcesOptions = (connectionId: string, dir: string | undefined, version: string) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'sources', dir ?? '', version), queryFn: () => fetchSources(dir, version), staleTime: 0 });

export const useSources = (connectionId: string, dir: string | undefined, version: string | undefined) =>
  useQuery({ ...sourcesOptions(connectionId, dir, version ?? ''), enabled: version !== undefined });
