import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, ExportResult } from '../../../shared/contract/exports';
import { DownloadTickets, TICKET_TTL_MS } from '../export/download-tickets';
import { useCoreFixture } from '../testing/core-fixture';
import { startHttpHost, type HttpHost } from './server';

const env = useCoreFixture('download');
let host: HttpHost;

beforeAll(async () => {
  // A Unicode table name (the download's file name) and cells that CSV must quote.
  await env.db.pool.query(`
    CREATE TABLE "ventes café" (id int PRIMARY KEY, note text);
    INSERT INTO "ventes café" SELECT g, CASE WHEN g % 3 = 0 THEN 'Zoë, "quoted"' WHEN g % 3 = 1 THEN NULL ELSE 'line' || chr(10) || 'break' END
    FROM generate_series(1, 5000) g;`);
  host = await startHttpHost({
    dispatch: env.direct.core.dispatch,
    events: env.direct.core.events,
    downloads: env.direct.core.deps.downloads,
  });
});
afterAll(async () => {
  await host.close();
});

/** A call through POST /rpc with the token, as the renderer makes it. */
async function rpc<T>(method: string, input: unknown, token = host.token): Promise<{ status: number; body: { ok: boolean; value?: T } }> {
  const response = await fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, input }),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: T } };
}

async function exportTable(format: 'csv' | 'json'): Promise<ExportResult> {
  const { body } = await rpc<ExportResult>('schema.exportData', { connectionId: env.id, schema: 'public', name: 'ventes café', format });
  expect(body.ok).toBe(true);
  return body.value!;
}

async function deliver(exportId: string): Promise<Extract<Delivery, { kind: 'download' }>> {
  const { body } = await rpc<Delivery>('exports.deliver', { exportId });
  expect(body).toMatchObject({ ok: true, value: { kind: 'download' } });
  return body.value as Extract<Delivery, { kind: 'download' }>;
}

/** A raw GET, so Host, Origin and Sec-Fetch-Site can be set the way a hostile page would. */
function get(path: string, headers: Record<string, string> = {}, port = host.port) {
  return new Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('export downloads through the HTTP host', () => {
  it('issues a link only through the token-protected RPC', async () => {
    const exported = await exportTable('csv');
    const refused = await rpc('exports.deliver', { exportId: exported.exportId }, 'x'.repeat(host.token.length));
    expect(refused.status).toBe(401);
    const delivery = await deliver(exported.exportId);
    expect(delivery.url).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(delivery.fileName).toBe('public.ventes café.csv');
    expect(Date.parse(delivery.expiresAt) - Date.now()).toBeLessThanOrEqual(TICKET_TTL_MS);
  });

  it('streams the exact file as an attachment with an RFC 6266 name, once', async () => {
    const exported = await exportTable('csv');
    expect(exported.rows).toBe(5000);
    const { url } = await deliver(exported.exportId);

    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.body.equals(readFileSync(exported.path))).toBe(true);
    expect(res.body.toString('utf8')).toContain('3,"Zoë, ""quoted"""\n');
    expect(res.headers['content-length']).toBe(String(exported.bytes));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="public.ventes caf_.csv"; filename*=UTF-8''public.ventes%20caf%C3%A9.csv`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");

    const again = await get(url);
    expect(again.status).toBe(410);
    expect(again.body.toString()).toMatch(/already used.*click Download again/);
  });

  it('serves a link once even to requests that race for it', async () => {
    const exported = await exportTable('csv');
    const { url } = await deliver(exported.exportId);
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(url)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410, 410]);
    expect(answers.find((a) => a.status === 200)!.body.equals(readFileSync(exported.path))).toBe(true);
  });

  it('serves JSON exports with their type', async () => {
    const exported = await exportTable('json');
    const res = await get((await deliver(exported.exportId)).url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body.toString('utf8'))).toHaveLength(5000);
  });

  it('refuses a foreign Origin, a foreign Host and a cross-site link without spending the link', async () => {
    const { url } = await deliver((await exportTable('csv')).exportId);
    expect((await get(url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(url, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get(url, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(url, { Origin: host.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('answers unknown, malformed and path-like nonces with 404, never a file', async () => {
    for (const path of [`/download/${'A'.repeat(43)}`, '/download/short', '/download/..%2F..%2Fetc%2Fpasswd', '/download/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).toMatch(/No such download/);
    }
  });

  it('says a link expired after two minutes (a clock the test controls)', async () => {
    const exported = await exportTable('csv');
    let now = Date.now();
    const tickets = new DownloadTickets(() => now);
    const second = await startHttpHost({ dispatch: env.direct.core.dispatch, events: env.direct.core.events, downloads: tickets });
    try {
      const { nonce } = tickets.issue({ path: exported.path, fileName: exported.fileName, format: 'csv' });
      now += TICKET_TTL_MS + 1;
      const res = await get(`/download/${nonce}`, {}, second.port);
      expect(res.status).toBe(410);
      expect(res.body.toString()).toMatch(/expired.*2 minutes.*click Download again/);
    } finally {
      await second.close();
    }
  });

  it('says the file is gone when it was deleted after the link was made', async () => {
    const exported = await exportTable('csv');
    const { url } = await deliver(exported.exportId);
    rmSync(exported.path);
    const res = await get(url);
    expect(res.status).toBe(410);
    expect(res.body.toString()).toMatch(/gone.*Export again/);
    const { body } = await rpc('exports.deliver', { exportId: exported.exportId });
    expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
