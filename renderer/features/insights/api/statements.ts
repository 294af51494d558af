import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type StatementsInput = InputOf<'insights.statements'>;

export const fetchStatements = (input: StatementsInput) => rpc.call('insights.statements', input);

/** Polled while the page is open: each poll is a snapshot the core diffs for the deltas. */
export const statementsOptions = (input: StatementsInput, refetchMs: number | false) =>
  queryOptions({
    queryKey: connKeys.scoped(input.connectionId, 'insights', 'statements', input),
    queryFn: () => fetchStatements(input),
    refetchInterval: refetchMs,
    placeholderData: keepPreviousData,
  });

export const useStatements = (input: StatementsInput, enabled: boolean, refetchMs: number | false) =>
  useQuery({ ...statementsOptions(input, refetchMs), enabled });
