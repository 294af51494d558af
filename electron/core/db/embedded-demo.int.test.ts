import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../store/secret-box';
import { testDataRoot } from '../testing/test-database';
import type { DemoProgress } from '../../../shared/contract/events';
import { DemoDatabase, type DemoEndpoint } from './embedded-demo';

let dataDir: string;
let demo: DemoDatabase | undefined;

async function query<T extends pg.QueryResultRow>(endpoint: DemoEndpoint, sql: string): Promise<T[]> {
  const client = new pg.Client(endpoint);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function newDemo(options: ConstructorParameters<typeof DemoDatabase>[2] = {}): DemoDatabase {
  demo = new DemoDatabase(dataDir, createKeyFileSecretBox(dataDir), options);
  return demo;
}

beforeAll(() => {
  // Under the run's temp root, which the postgres OS user can traverse when we are root.
  dataDir = mkdtempSync(path.join(testDataRoot(), 'demo-'));
  chmodSync(dataDir, 0o711);
});
afterAll(async () => {
  await demo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo database', () => {
  it('starts a real PostgreSQL on 127.0.0.1 with pg_stat_statements preloaded, reporting each phase', async () => {
    const progress: DemoProgress[] = [];
    const endpoint = await newDemo({ onProgress: (p) => progress.push(p) }).start();
    expect(progress.map((p) => p.phase)).toEqual(['initialising', 'starting-server', 'preparing-database', 'ready']);
    expect(progress.map((p) => p.elapsedMs)).toEqual([...progress.map((p) => p.elapsedMs)].sort((a, b) => a - b));
    expect(demo?.status()).toMatchObject({ state: 'running', progress: { phase: 'ready' } });
    expect(endpoint.host).toBe('127.0.0.1');
    const [row] = await query<{ listen: string; preload: string; ext: string | null }>(
      endpoint,
      "SELECT current_setting('listen_addresses') AS listen, current_setting('shared_preload_libraries') AS preload, (SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements') AS ext",
    );
    expect(row).toEqual({ listen: '127.0.0.1', preload: 'pg_stat_statements', ext: 'pg_stat_statements' });
    await query(endpoint, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    expect(demo?.status().state).toBe('running');
  });

  it('keeps its data and password across a clean restart; connections reach it only after its bootstrap', async () => {
    await demo!.stop();
    expect(demo!.status()).toEqual({ state: 'stopped' });
    const progress: DemoProgress[] = [];
    let during: { current: DemoEndpoint | undefined; status: ReturnType<DemoDatabase['status']> } | undefined;
    const restarted = newDemo({
      onProgress: (p) => progress.push(p),
      onReady: async (_endpoint, created, report) => {
        expect(created).toBe(false);
        report({ phase: 'migrating', label: 'Applying migration 1 of 2', step: 1, steps: 2 });
        during = { current: restarted.current(), status: restarted.status() };
        return { warning: 'the schema is behind' };
      },
    });
    const endpoint = await restarted.start();
    expect(during?.current).toBeUndefined();
    expect(during?.status).toMatchObject({ state: 'starting', progress: { phase: 'migrating', fraction: 0.5, step: 1, steps: 2 } });
    expect(progress.map((p) => p.phase)).toEqual(['starting-server', 'preparing-database', 'migrating', 'ready']);
    expect(progress.at(-1)?.warning).toBe('the schema is behind');
    expect(restarted.current()).toEqual(endpoint);
    expect(await query(endpoint, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
  });

  it('recovers after the server was killed (stale postmaster.pid)', async () => {
    const pid = Number(readFileSync(path.join(dataDir, 'demo', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    // Backends notice their postmaster died and exit; wait until the old shared memory is released.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const endpoint = await newDemo().start();
    expect(await query(endpoint, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
  });
});
