import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

type Method = InputOf<'insights.exactBloat'>['method'];

/** Reads the whole relation: run only on request, never cached or refetched on its own. */
export const fetchExactBloat = (connectionId: string, oid: number, method: Method) =>
  rpc.call('insights.exactBloat', { connectionId, oid, method });

export const useExactBloat = (connectionId: string) =>
  useMutation({ mutationFn: ({ oid, method }: { oid: number; method: Method }) => fetchExactBloat(connectionId, oid, method) });
