import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const fetchMaintenanceTables = (connectionId: string, search: string) =>
  rpc.call('maintenance.tables', { connectionId, ...(search ? { search } : {}) });

export const maintenanceTablesOptions = (connectionId: string, search: string) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'maintenance', 'tables', search),
    queryFn: () => fetchMaintenanceTables(connectionId, search),
    placeholderData: keepPreviousData,
  });

export const useMaintenanceTables = (connectionId: string, search: string) => useQuery(maintenanceTablesOptions(connectionId, search));
