import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type PlanRequest = Omit<InputOf<'migrations.plan'>, 'connectionId' | 'dir'>;

export const fetchPlan = (connectionId: string, dir: string | undefined, request: PlanRequest) => rpc.call('migrations.plan', { connectionId, dir, ...request });

export const planOptions = (connectionId: string, dir: string | undefined, request: PlanRequest) =>
  queryOptions({ queryKey: connKeys.scoped(connectionId, 'migrations', 'plan', dir ?? '', request), queryFn: () => fetchPlan(connectionId, dir, request), staleTime: 0 });

export const usePlan = (connectionId: string, dir: string | undefined, request: PlanRequest) => useQuery(planOptions(connectionId, dir, request));
