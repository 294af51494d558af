import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export type NewMigrationInput = Omit<InputOf<'migrations.createFiles'>, 'dir'>;

export const createFiles = (dir: string | undefined, input: NewMigrationInput) => rpc.call('migrations.createFiles', { dir, ...input });

export function useCreateFiles(connectionId: string, dir: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMigrationInput) => createFiles(dir, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'migrations', 'status') }),
  });
}
