import type { QueryKey } from '@tanstack/react-query';
import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import type { PersistQueryClientProviderProps } from '@tanstack/react-query-persist-client';
import { connKeys } from './query-keys';

/** The key segment that marks a query as kept for offline use (see `offlineKey`). */
const OFFLINE = 'offline';

/** How long offline copies are kept; persisted queries must stay in memory at least as long. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A query key whose last successful answer is persisted in localStorage and shown when the
 * database cannot be reached (the Events page's statistics). Still under ['conn', id], so a
 * disconnect clears it like any other read.
 */
export const offlineKey = (connectionId: string, ...rest: readonly unknown[]) => connKeys.scoped(connectionId, OFFLINE, ...rest);

export const isOfflineKey = (key: QueryKey) => key[0] === 'conn' && key[2] === OFFLINE;

/** Options for PersistQueryClientProvider: only offline-keyed, successful queries are written. */
export function offlinePersistOptions(): PersistQueryClientProviderProps['persistOptions'] {
  return {
    persister: createSyncStoragePersister({ storage: window.localStorage, key: 'ticketz-console.offline-cache', throttleTime: 500 }),
    maxAge: OFFLINE_MAX_AGE_MS,
    // a new build may change the shape of what it stores
    buster: 'v1',
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && isOfflineKey(query.queryKey),
    },
  };
}
