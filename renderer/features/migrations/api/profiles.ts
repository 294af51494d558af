import { queryOptions, useQuery } from '@tanstack/react-query';
import { appKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchProfiles = () => rpc.call('connections.list', {});

/** Same key as the connections page, so both share one cached list. */
export const profilesOptions = () => queryOptions({ queryKey: appKeys.connections(), queryFn: fetchProfiles });

/** The active connection's profile: its environment decides how Apply is confirmed. */
export function useProfile(connectionId: string) {
  const list = useQuery(profilesOptions());
  return list.data?.profiles.find((p) => p.id === connectionId);
}
