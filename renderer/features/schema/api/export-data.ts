import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

export const exportData = (request: InputOf<'schema.exportData'>) => rpc.call('schema.exportData', request);

export const useExportData = () => useMutation({ mutationFn: exportData });
