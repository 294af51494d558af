import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './core/db/free-port';
import { createTestDatabase, type TestDatabase } from './core/testing/test-database';
import { startServer, type RunningServer } from './server';

let db: TestDatabase;
let dataDir: string;
let server: RunningServer | undefined;

beforeAll(async () => {
  db = await createTestDatabase('serve_url');
});
afterAll(async () => {
  await db.drop();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(options: { url?: string; demo?: boolean; port?: number; log?: (line: string) => void }): Promise<RunningServer> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'serve-url-'));
  server = await startServer({ dataDir, demo: options.demo ?? false, url: options.url, port: options.port, log: options.log });
  return server;
}

describe('serve --url', () => {
  it('opens that database and creates no demo cluster', async () => {
    const { core } = await serve({ url: db.url });
    const list = await core.dispatch('connections.list', {}, { host: 'browser' });
    expect(list).toMatchObject({ ok: true, value: { demo: { state: 'disabled' } } });
    const profiles = (list as { value: { profiles: { id: string; port: number; kind?: string }[] } }).value.profiles;
    expect(profiles.map((p) => p.port)).toEqual([db.port]);
    const ping = await core.dispatch('connections.ping', { id: profiles[0]!.id }, { host: 'browser' });
    expect(ping).toMatchObject({ ok: true, value: { serverVersion: expect.any(String) } });
    // Asking for the demo cannot start it either.
    const demo = await core.dispatch('connections.connect', { id: 'demo' }, { host: 'browser' });
    expect(demo).toMatchObject({ ok: false });
    expect(existsSync(path.join(dataDir, 'demo'))).toBe(false);
  });

  it('reports an unreachable server as an error, never as connected', async () => {
    const deadPort = await freePort();
    const { core } = await serve({ url: `postgres://postgres:x@127.0.0.1:${deadPort}/nowhere?sslmode=disable` });
    const list = (await core.dispatch('connections.list', {}, { host: 'browser' })) as { value: { profiles: { id: string }[] } };
    const ping = await core.dispatch('connections.ping', { id: list.value.profiles[0]!.id }, { host: 'browser' });
    expect(ping).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused|reach|connect/i) } });
    expect(existsSync(path.join(dataDir, 'demo'))).toBe(false);
  });

  it('answers refused input as BAD_REQUEST without logging it as an unexpected failure', async () => {
    const logged: string[] = [];
    const { core } = await serve({ url: db.url, log: (line) => logged.push(line) });
    const result = await core.dispatch('schema.listSchemas', { connectionId: '', includeSystem: false }, { host: 'browser' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('connectionId') } });
    expect(logged.filter((line) => line.includes('schema.listSchemas'))).toEqual([]);
  });

  it('says so when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(serve({ url: db.url, port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use by another program. Choose another with --port N, or leave --port out to get a free one.`,
      );
    } finally {
      blocker.close();
    }
  });
});
