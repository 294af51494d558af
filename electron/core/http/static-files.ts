import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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

/** Text-like files shrink 3–5×; images and woff/woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.ttf', '.wasm', '.map']);

type Encoding = 'br' | 'gzip';

/** The best encoding the browser accepts (q=0 means "not this one"). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part && !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compressed copies, made once per file, encoding and modification time: assets are immutable
 * (hashed names) and index.html changes only with a rebuild. Brotli at quality 5 compresses
 * Monaco's 4 MB in a fraction of a second, once; then every load is served from memory.
 */
const compressed = new Map<string, Buffer>();

function compressedCopy(file: string, mtimeMs: number, encoding: Encoding): Buffer {
  const key = `${encoding}:${mtimeMs}:${file}`;
  let body = compressed.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    compressed.set(key, body);
  }
  return body;
}

/** Serves the built renderer, compressed when the browser accepts it; unknown paths get index.html (client-side routes). */
export function serveStatic(
  root: string,
  req: IncomingMessage,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const resolved = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const inside = resolved === root || resolved.startsWith(root + path.sep);
  const file = inside && existsSync(resolved) && statSync(resolved).isFile() ? resolved : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end('The renderer is not built. Run `npm run build` first.');
    return;
  }
  const extension = path.extname(file);
  const type = MIME[extension] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const base = { 'Content-Type': type, 'Cache-Control': cache, ...headers };
  if (!COMPRESSIBLE.has(extension)) {
    res.writeHead(200, base);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return;
  }
  // The answer depends on Accept-Encoding, so caches must key on it whether or not we compressed.
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = encoding ? compressedCopy(file, statSync(file).mtimeMs, encoding) : readFileSync(file);
  res.writeHead(200, {
    ...base,
    Vary: 'Accept-Encoding',
    'Content-Length': String(body.length),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
