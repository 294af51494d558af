import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

export const exportQuery = (input: InputOf<'query.export'>) => rpc.call('query.export', input);

export const useExportQuery = () => useMutation({ mutationFn: exportQuery });
