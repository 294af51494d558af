import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type EditInfoRequest = InputOf<'data.editInfo'>;

export const editInfo = (request: EditInfoRequest) => rpc.call('data.editInfo', request);

export const editInfoOptions = (request: EditInfoRequest) =>
  queryOptions({
    queryKey: connKeys.scoped(request.connectionId, 'schema', 'editInfo', request.schema, request.table),
    queryFn: () => editInfo(request),
    staleTime: 60_000,
  });

export const useEditInfo = (request: EditInfoRequest) => useQuery(editInfoOptions(request));
