import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type InsightsExtension = 'pg_stat_statements' | 'pgstattuple';

export const createExtension = (connectionId: string, extension: InsightsExtension) =>
  rpc.call('insights.createExtension', { connectionId, extension });

export function useCreateExtension(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (extension: InsightsExtension) => createExtension(connectionId, extension),
    onSettled: () => client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'insights') }),
  });
}
