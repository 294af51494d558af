import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

/** Streams a table under the current filter and sort to a file on the server; components/export/ExportControls runs it and hands the file over. */
export const exportData = (request: InputOf<'schema.exportData'>) => rpc.call('schema.exportData', request);
