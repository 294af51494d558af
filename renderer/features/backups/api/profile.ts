import { queryOptions, useQuery } from '@tanstack/react-query';
import { appKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

/** Same key as the connections page, so every page shares one cached list. */
const profilesOptions = () => queryOptions({ queryKey: appKeys.connections(), queryFn: () => rpc.call('connections.list', {}) });

/** The active connection's profile: production asks for the database name before a restore. */
export function useProfile(connectionId: string) {
  return useQuery(profilesOptions()).data?.profiles.find((p) => p.id === connectionId);
}
