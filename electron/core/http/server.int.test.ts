import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { sessionCookieName } from './guards';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost } from './server';

let direct: DirectCore;
let host: HttpHost;
/** The session cookie this server hands out for its token (name=value). */
let realCookie: string;

beforeAll(async () => {
  direct = createDirectCore();
  host = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events });
  const exchanged = await fetch(`${host.origin}/session`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
  realCookie = (exchanged.headers.get('set-cookie') ?? '').split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  await direct.dispose();
});

/** Raw requests, so Host and Origin can be forged the way a rebinding or cross-site page would. */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'POST', path: options.path ?? '/rpc', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };
const auth = () => ({ Authorization: `Bearer ${host.token}` });

describe('browser-mode HTTP host', () => {
  it('binds to 127.0.0.1 and prints the token only in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(host.token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
  });

  it.each(methodNames)('refuses %s without a token or session cookie, and with a wrong or forged one', async (method) => {
    const body = JSON.stringify({ method, input: {} });
    const missing = await request({ headers: { ...json, 'Sec-Fetch-Site': 'same-origin' }, body });
    expect(missing.status).toBe(401);
    const wrong = await request({ headers: { ...json, Authorization: `Bearer ${'x'.repeat(host.token.length)}` }, body });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const forged = `${sessionCookieName(host.port)}=${'x'.repeat(43)}`;
    expect((await request({ headers: { ...json, Cookie: forged, 'Sec-Fetch-Site': 'same-origin' }, body })).status).toBe(401);
    // The token itself is not a cookie value, and the real cookie alone (no fetch metadata, no Origin) is not enough.
    const tokenAsCookie = `${sessionCookieName(host.port)}=${host.token}`;
    expect((await request({ headers: { ...json, Cookie: tokenAsCookie, 'Sec-Fetch-Site': 'same-origin' }, body })).status).toBe(401);
    expect((await request({ headers: { ...json, Cookie: realCookie }, body })).status).toBe(401);
  });

  it('answers a valid call with 200 and an envelope', async () => {
    const res = await request({ headers: { ...json, ...auth() }, body: JSON.stringify({ method: 'app.info', input: {} }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'direct' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const res = await request({ headers: { ...json, ...auth(), Host: `evil.example:${host.port}` }, body: '{"method":"app.info"}' });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Origin (cross-site POST) even with the token', async () => {
    const res = await request({ headers: { ...json, ...auth(), Origin: 'http://evil.example' }, body: '{"method":"app.info"}' });
    expect(res.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const res = await request({ headers: { ...json, ...auth(), Origin: host.origin }, body: '{"method":"app.info"}' });
    expect(res.status).toBe(200);
  });

  it('answers malformed JSON with 400 and a body over the limit with 413', async () => {
    expect((await request({ headers: { ...json, ...auth() }, body: '{not json' })).status).toBe(400);
    expect((await request({ headers: { ...json, ...auth() }, body: '{"input":{}}' })).status).toBe(400);
    const huge = JSON.stringify({ method: 'app.info', input: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
    expect((await request({ headers: { ...json, ...auth() }, body: huge })).status).toBe(413);
  });

  it.each([
    ['declared with Content-Length', true],
    ['streamed in chunks', false],
  ])('answers a body of several MiB %s with a 413 the client can read, not a reset', async (_, declared) => {
    // Like curl or a simple script: send the whole request first, read the answer after. A server
    // that closes while the body is still arriving resets the socket, and the answer is lost.
    const body = Buffer.alloc(8 * MAX_BODY_BYTES, 'x');
    const framing = declared
      ? [`Content-Length: ${body.length}`, body]
      : ['Transfer-Encoding: chunked', Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])];
    const head = [
      'POST /rpc HTTP/1.1',
      `Host: 127.0.0.1:${host.port}`,
      'Content-Type: application/json',
      `Authorization: Bearer ${host.token}`,
      framing[0] as string,
      '',
      '',
    ].join('\r\n');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1');
      let text = '';
      socket.pause();
      socket.on('error', reject);
      socket.write(head);
      socket.write(framing[1] as Buffer, () => {
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.on('end', () => resolve(text));
        socket.resume();
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/"message":"Request body larger than/);
  });

  it('answers an oversized call from fetch (what the browser renderer uses) with a readable 413', async () => {
    const response = await fetch(`${host.origin}/rpc`, {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: JSON.stringify({ method: 'app.info', input: { pad: 'x'.repeat(4 * MAX_BODY_BYTES) } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
  });

  it.each(['/%zz', '/assets/%E0%A4%A', '/rpc%', '/%C0%AF..%C0%AF'])(
    'answers malformed percent-encoding (%s) with 400, not 500',
    async (path) => {
      const res = await request({ method: 'GET', path });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { message: expect.stringContaining('percent-encoding') } });
    },
  );

  it('only allows POST on /rpc', async () => {
    expect((await request({ method: 'GET', headers: auth() })).status).toBe(405);
  });

  it('requires the token for the event stream and then streams events', async () => {
    expect((await request({ method: 'GET', path: '/events' })).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/events`, { headers: auth(), signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    direct.core.events.emit('connections.changed', { reason: 'test' });
    let text = '';
    while (!text.includes('connections.changed')) text += (await reader.read()).value ?? '';
    expect(text).toContain('data: {"reason":"test"}');
    controller.abort();
  });

  it('sends a strict CSP with pages', async () => {
    const res = await request({ method: 'GET', path: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toMatch(/https?:/);
  });
});
