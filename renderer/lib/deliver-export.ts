import { useMutation } from '@tanstack/react-query';
import type { Delivery } from '../../shared/contract/exports';
import { hostKind, rpc } from './rpc';

/**
 * exports.deliver, then what the answer asks of the page: in browser mode the server returned a
 * one-time link, which the browser downloads at once (a temporary <a download> click streams the
 * file to disk without holding it in memory); the desktop app already showed its Save dialog.
 */
export async function deliverExport(exportId: string): Promise<Delivery> {
  const delivery = await rpc.call('exports.deliver', { exportId });
  if (delivery.kind === 'download') startDownload(delivery.url, delivery.fileName);
  return delivery;
}

export const useDeliverExport = () => useMutation({ mutationFn: deliverExport });

/** What the button that hands over an export says on this host. */
export const deliverLabel = hostKind === 'electron' ? 'Save as…' : 'Download';

function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
