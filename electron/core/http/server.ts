import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOWNLOAD_PATH, type DownloadTickets } from '../export/download-tickets';
import type { EventBus } from '../rpc/call-context';
import type { Dispatch } from '../rpc/dispatcher';
import { PAGE_ID, type PagePresence } from '../rpc/page-presence';
import { CONTENT_SECURITY_POLICY } from './csp';
import { serveDownload } from './download-route';
import { hostAllowed, originAllowed, sessionCookie, sessionValid, tokenValid } from './guards';
import { serveStatic } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** Per-launch secret; a random 32 bytes when not given. */
  token?: string;
  port?: number;
  /** The built renderer; omitted in API-only tests. */
  staticDir?: string;
  /** One-time export downloads (GET /download/<nonce>), issued by exports.deliver. */
  downloads?: DownloadTickets;
  /** Told when a page's event stream opens and closes (pages send X-Ticketz-Page on /rpc and /events). */
  pages?: PagePresence;
}

export interface HttpHost {
  port: number;
  token: string;
  origin: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST', message } });
}

/**
 * How much of an over-limit body is read and thrown away before the 413 is sent. A client that is
 * still sending when the socket closes sees a reset, not our answer; past this bound it does.
 */
export const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

class BodyTooLarge extends Error {
  /** The whole body was read (and discarded): the client is listening for the answer. */
  constructor(readonly drained: boolean) {
    super('body too large');
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN_BYTES) return reject(new BodyTooLarge(false));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.removeAllListeners('data');
        req.removeAllListeners('end');
        reject(new BodyTooLarge(false));
      } else if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge(true)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** `%zz` or a broken UTF-8 sequence makes decodeURIComponent throw: that is the client's error, not ours. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The page a request comes from (X-Ticketz-Page, a random id per page load), namespaced to this host. */
function pageOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-ticketz-page'];
  return typeof header === 'string' && PAGE_ID.test(header) ? `browser:${header}` : undefined;
}

/** Browser mode's transport: POST /rpc, GET /events (SSE), GET /download/<nonce> and the renderer, on 127.0.0.1 only. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // What the session cookie holds: new on every launch (even with a fixed --token), never the token itself.
  const sessionSecret = randomBytes(32).toString('base64url');
  let port = 0;
  const authorized = (req: IncomingMessage) => tokenValid(req, token) || sessionValid(req, port, sessionSecret);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return refuse(res, 403, 'Foreign Host or Origin');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!decodable(pathname)) return refuse(res, 400, 'Malformed percent-encoding in the URL path');

    // The printed URL's token, traded once for a cookie so a reload, a new tab or a bookmark works.
    if (pathname === '/session') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
      if (!tokenValid(req, token)) return refuse(res, 401, 'Missing or wrong token');
      res.writeHead(204, { 'Set-Cookie': sessionCookie(port, sessionSecret), 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
      res.end();
      return;
    }

    if (pathname === '/rpc') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
      if (!authorized(req)) return refuse(res, 401, 'Missing or wrong token');
      let body: string;
      try {
        body = await readBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          // Close the connection after answering so a keep-alive client never reuses a half-read socket.
          res.setHeader('Connection', 'close');
          if (!err.drained) res.on('finish', () => req.destroy());
          refuse(res, 413, `Request body larger than ${MAX_BODY_BYTES} bytes: send less (a smaller page, a shorter script).`);
          return;
        }
        throw err;
      }
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return refuse(res, 400, 'Malformed JSON');
      }
      if (typeof message !== 'object' || message === null || typeof (message as { method?: unknown }).method !== 'string')
        return refuse(res, 400, 'Expected {"method": string, "input": …}');
      const { method, input } = message as { method: string; input?: unknown };
      const page = pageOf(req);
      return sendJson(res, 200, await options.dispatch(method, input, { host: 'browser', ...(page ? { client: page } : {}) }));
    }

    if (pathname === '/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'Use GET');
      if (!authorized(req)) return refuse(res, 401, 'Missing or wrong token');
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        ...SECURITY_HEADERS,
      });
      res.write(': connected\n\n');
      const unsubscribe = options.events.subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const page = pageOf(req);
      const detach = page ? options.pages?.attach(page) : undefined;
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        detach?.();
      });
      return;
    }

    if (pathname.startsWith(DOWNLOAD_PATH) && options.downloads)
      return serveDownload(req, res, options.downloads, pathname.slice(DOWNLOAD_PATH.length), SECURITY_HEADERS);

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    if (!options.staticDir) return refuse(res, 404, 'Not found');
    serveStatic(options.staticDir, req, pathname, res, SECURITY_HEADERS);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    token,
    origin,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
