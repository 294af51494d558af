import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

export const testConnection = (input: InputOf<'connections.test'>) => rpc.call('connections.test', input);

/** A user-triggered check, so a mutation-style hook (no caching), though the call changes nothing. */
export const useTestConnection = () => useMutation({ mutationFn: testConnection });
