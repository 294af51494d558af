import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../rpc/call-context';
import { startHttpHost, type HttpHost } from './server';
import { pickEncoding } from './static-files';

let root: string;
let host: HttpHost;
const script = `export const rows = [${Array.from({ length: 5000 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'static-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'assets', 'app-abc.js'), script);
  writeFileSync(path.join(root, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  host = await startHttpHost({ dispatch: () => Promise.resolve({ ok: true, value: null }), events: new EventBus(), staticDir: root });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function get(file: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ agent: false, host: '127.0.0.1', port: host.port, path: file, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode serves the renderer compressed', () => {
  it('sends brotli when accepted, with Content-Encoding, Vary and the compressed length', async () => {
    const res = await get('/assets/app-abc.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('falls back to gzip, and to the plain file (still Vary) for a client that accepts neither', async () => {
    const gz = await get('/assets/app-abc.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/app-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses index.html for client routes, leaves images alone and sends no body to HEAD', async () => {
    const page = await get('/schema/anything', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(gunzipSync(page.body).toString()).toContain('<title>t</title>');
    const png = await get('/assets/logo.png', { 'Accept-Encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(7);
    const head = await get('/assets/app-abc.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('reads Accept-Encoding the way browsers write it', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('BR')).toBe('br');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});
