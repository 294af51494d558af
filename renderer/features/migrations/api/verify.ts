import { useMutation } from '@tanstack/react-query';
import { rpc } from '../../../lib/rpc';

export interface VerifyRange {
  from?: string;
  to?: string;
  taskId?: string;
}

export const verify = (connectionId: string, dir: string | undefined, range: VerifyRange) => rpc.call('migrations.verify', { connectionId, dir, ...range });

export const useVerify = (connectionId: string, dir: string | undefined) => useMutation({ mutationFn: (range: VerifyRange) => verify(connectionId, dir, range) });
