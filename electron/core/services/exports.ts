import { existsSync } from 'node:fs';
import path from 'node:path';
import type { exportsContract } from '../../../shared/contract/exports';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import { DOWNLOAD_PATH } from '../export/download-tickets';
import { saveExportAs } from '../export/save-as';
import { removeStaleExports } from '../export/stale-exports';
import type { HandlersFor } from '../rpc/dispatcher';

/**
 * Hands a finished export to the user, the way the calling host can:
 *  - desktop (a Save dialog was injected): the native dialog, then a streamed copy to the chosen path;
 *  - browser mode: a single-use link, valid two minutes, that the loopback HTTP host serves as an
 *    attachment (a page cannot pick the file: the link names a ticket, the ticket a registered export);
 *  - direct callers (tests, the CLI): they run on the server's machine, so the answer is the path.
 */
export function exportsHandlers(deps: CoreDeps): HandlersFor<typeof exportsContract> {
  // Exports older than a day are deleted at startup (see removeStaleExports); in the background,
  // since nothing waits for it.
  void removeStaleExports(path.join(deps.dataDir, 'exports'));

  return {
    'exports.deliver': async ({ exportId }, ctx) => {
      const record = deps.exports.get(exportId);
      if (!record)
        throw new RpcError(
          'NOT_FOUND',
          'This export is no longer available: the console keeps exports for a day and forgets them when it restarts. Export again to get a fresh file.',
        );
      if (!existsSync(record.path))
        throw new RpcError(
          'NOT_FOUND',
          `The exported file ${record.path} was removed from the data folder. Export again to get a fresh file.`,
        );
      if (ctx.host === 'electron' && deps.saveDialog) return saveExportAs(deps.saveDialog, record);
      if (ctx.host === 'browser') {
        const ticket = deps.downloads.issue(record);
        return {
          kind: 'download',
          url: `${DOWNLOAD_PATH}${ticket.nonce}`,
          fileName: record.fileName,
          expiresAt: new Date(ticket.expiresAt).toISOString(),
        };
      }
      return { kind: 'file', path: record.path };
    },
  };
}
