import { useMutation } from '@tanstack/react-query';
import type { VerifyAspect } from '../../../../shared/contract/migration-workbench';
import { rpc } from '../../../lib/rpc';

export interface VerifyRange {
  from?: string;
  to?: string;
  /** Relaxations a project's CI uses (same as `migrate verify --ignore/--exclude`). */
  ignore?: VerifyAspect[];
  exclude?: string[];
  taskId?: string;
}

export const verify = (connectionId: string, dir: string | undefined, range: VerifyRange) =>
  rpc.call('migrations.verify', { connectionId, dir, ignore: [], exclude: [], ...range });

export const useVerify = (connectionId: string, dir: string | undefined) => useMutation({ mutationFn: (range: VerifyRange) => verify(connectionId, dir, range) });
