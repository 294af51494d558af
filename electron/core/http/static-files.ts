import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves the built renderer; unknown paths get index.html (client-side routes). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const resolved = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const inside = resolved === root || resolved.startsWith(root + path.sep);
  const file = inside && existsSync(resolved) && statSync(resolved).isFile() ? resolved : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end('The renderer is not built. Run `npm run build` first.');
    return;
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...headers });
  createReadStream(file).pipe(res);
}
