import { useMutation } from '@tanstack/react-query';
import { rpc } from '../../../lib/rpc';

export const dryRun = (connectionId: string, dir: string | undefined, to?: string) => rpc.call('migrations.dryRun', { connectionId, dir, to });

export const useDryRun = (connectionId: string, dir: string | undefined) => useMutation({ mutationFn: (to?: string) => dryRun(connectionId, dir, to) });
