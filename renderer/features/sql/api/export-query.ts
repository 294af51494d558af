import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

/** Streams one statement's rows to a file on the server; components/export/ExportControls runs it and hands the file over. */
export const exportQuery = (input: InputOf<'query.export'>) => rpc.call('query.export', input);
