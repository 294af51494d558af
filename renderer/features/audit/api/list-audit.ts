import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type AuditFilter = Omit<InputOf<'audit.list'>, 'connectionId'>;

export const fetchAudit = (connectionId: string, filter: AuditFilter) => rpc.call('audit.list', { connectionId, ...filter });

export const auditOptions = (connectionId: string, filter: AuditFilter) =>
  queryOptions({
    queryKey: connKeys.scoped(connectionId, 'audit', filter),
    queryFn: () => fetchAudit(connectionId, filter),
    placeholderData: keepPreviousData,
  });

export const useAudit = (connectionId: string, filter: AuditFilter) => useQuery(auditOptions(connectionId, filter));
