import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { sessionCookieName } from './guards';
import { startHttpHost, type HttpHost } from './server';

let direct: DirectCore;
let host: HttpHost;
let other: HttpHost;

beforeAll(async () => {
  direct = createDirectCore();
  host = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events });
  // A second console on this machine, with the same fixed token: cookies are not kept apart by port.
  other = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events, token: host.token });
});
afterAll(async () => {
  await host.close();
  await other.close();
  await direct.dispose();
});

/** Raw requests: fetch in Node would add its own Sec-Fetch headers or refuse to send Cookie. */
function request(server: HttpHost, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        agent: false,
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/rpc',
        headers: options.headers,
      },
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

async function exchange(server: HttpHost): Promise<{ setCookie: string; cookie: string }> {
  const res = await request(server, { path: '/session', headers: { Authorization: `Bearer ${server.token}` } });
  expect(res.status).toBe(204);
  const setCookie = String(res.headers['set-cookie']?.[0] ?? '');
  return { setCookie, cookie: setCookie.split(';')[0]! };
}

const call = JSON.stringify({ method: 'app.info', input: {} });
const json = { 'Content-Type': 'application/json' };

describe('browser mode: the token traded for a session cookie', () => {
  it('hands out an HttpOnly, SameSite=Strict session cookie for the token only', async () => {
    expect((await request(host, { path: '/session' })).status).toBe(401);
    expect((await request(host, { path: '/session', headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await request(host, { method: 'GET', path: '/session', headers: { Authorization: `Bearer ${host.token}` } })).status).toBe(405);
    const { setCookie, cookie } = await exchange(host);
    expect(setCookie).toMatch(new RegExp(`^${sessionCookieName(host.port)}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(host.token);
  });

  it('answers calls and the event stream from our own page with the cookie alone (a reload, a new tab, a bookmark)', async () => {
    const { cookie } = await exchange(host);
    const res = await request(host, { headers: { ...json, Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' }, body: call });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    const withOrigin = await request(host, { headers: { ...json, Cookie: cookie, Origin: host.origin }, body: call });
    expect(withOrigin.status).toBe(200);
    const events = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: '/events', headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } },
        (r) => {
          resolve(r.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
    });
    expect(events).toBe(200);
  });

  it('keeps the Host and Origin checks: the cookie from another page or a rebound name is refused', async () => {
    const { cookie } = await exchange(host);
    // Another port of 127.0.0.1 is the same site, so the browser would send the cookie: Origin stops it.
    const crossPort = await request(host, { headers: { ...json, Cookie: cookie, Origin: 'http://127.0.0.1:1' }, body: call });
    expect(crossPort.status).toBe(403);
    const crossSiteFetch = await request(host, { headers: { ...json, Cookie: cookie, 'Sec-Fetch-Site': 'same-site' }, body: call });
    expect(crossSiteFetch.status).toBe(401);
    const rebound = await request(host, {
      headers: { ...json, Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', Host: `evil.example:${host.port}` },
      body: call,
    });
    expect(rebound.status).toBe(403);
  });

  it("never takes one console's cookie for another's, even with the same token, and a new launch starts over", async () => {
    const mine = await exchange(host);
    const theirs = await exchange(other);
    expect(mine.cookie.split('=')[0]).not.toBe(theirs.cookie.split('=')[0]);
    const renamed = `${sessionCookieName(other.port)}=${mine.cookie.split('=')[1]}`;
    expect((await request(other, { headers: { ...json, Cookie: renamed, 'Sec-Fetch-Site': 'same-origin' }, body: call })).status).toBe(401);

    const port = host.port;
    await host.close();
    host = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events, port, token: other.token });
    expect((await request(host, { headers: { ...json, Cookie: mine.cookie, 'Sec-Fetch-Site': 'same-origin' }, body: call })).status).toBe(
      401,
    );
  });
});
