import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { TICKET_TTL_MS, type DownloadTickets } from '../export/download-tickets';
import { attachmentDisposition } from './content-disposition';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const AGAIN = 'Go back to Ticketz Console and click Download again.';
const MINUTES = TICKET_TTL_MS / 60_000;

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

/**
 * GET /download/<nonce>: streams one export file from disk as an attachment, once. The caller has
 * passed the Host/Origin checks; no token is asked for, because the nonce itself could only be
 * obtained through the token-protected RPC (exports.deliver) and a browser download cannot send a
 * header. The file is the one the ticket names: nothing in the request is used as a path.
 * Failures answer in plain text, since a person may see them in a tab.
 */
export async function serveDownload(
  req: IncomingMessage,
  res: ServerResponse,
  tickets: DownloadTickets,
  nonce: string,
  headers: Record<string, string>,
): Promise<void> {
  if (req.method !== 'GET') return sendText(res, 405, 'Use GET.', { ...headers, Allow: 'GET' });
  // Browsers say where a request comes from; a link followed from another site is refused outright.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return sendText(res, 403, 'Cross-site download refused.', headers);

  const taken = NONCE.test(nonce) ? tickets.take(nonce) : ({ ok: false, reason: 'unknown' } as const);
  if (!taken.ok) {
    if (taken.reason === 'used') return sendText(res, 410, `This download link was already used: each link works once. ${AGAIN}`, headers);
    if (taken.reason === 'expired')
      return sendText(res, 410, `This download link expired: links work for ${MINUTES} minutes. ${AGAIN}`, headers);
    return sendText(
      res,
      404,
      `No such download: links work once, for ${MINUTES} minutes, while the console that made them runs. ${AGAIN}`,
      headers,
    );
  }

  const { file } = taken;
  let handle: FileHandle;
  try {
    handle = await open(file.path, 'r');
  } catch {
    return sendText(
      res,
      410,
      `The export file is gone from the data folder (exports are kept a day). Export again in Ticketz Console.`,
      headers,
    );
  }
  try {
    // Size from the opened file, so the length matches exactly the bytes this stream sends.
    const { size } = await handle.stat();
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[file.format],
      'Content-Length': String(size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'no-store',
      ...headers,
    });
    if (size === 0) res.end();
    else await pipeline(handle.createReadStream({ end: size - 1, autoClose: false }), res);
  } catch {
    res.destroy(); // the client went away, or the disk failed mid-file: end the response as incomplete
  } finally {
    await handle.close();
  }
}
