import { queryOptions, useQuery } from '@tanstack/react-query';
import { appKeys } from './query-keys';
import { rpc } from './rpc';

export const fetchProfiles = () => rpc.call('connections.list', {});

/** Same key as the connections page, so every page shares one cached list. */
export const profilesOptions = () => queryOptions({ queryKey: appKeys.connections(), queryFn: fetchProfiles });

/** A connection's saved profile (from the shared list): read-only profiles lock the editor's switch and explain refusals. */
export function useConnectionProfile(connectionId: string) {
  const list = useQuery(profilesOptions());
  return list.data?.profiles.find((p) => p.id === connectionId);
}
