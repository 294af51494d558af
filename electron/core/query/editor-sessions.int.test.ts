import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolRegistry } from '../db/pool-registry';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { EditorSessions } from './editor-sessions';
import { runScript } from './run-script';
import { TypeNames } from './type-names';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('sessions');
});
afterAll(async () => {
  await db.drop();
});

function registry(): PoolRegistry {
  return new PoolRegistry(() => ({
    fields: {
      name: 'x',
      host: db.host,
      port: db.port,
      database: db.name,
      user: db.user,
      sslmode: 'disable',
      applicationName: 'sessions-test',
      statementTimeoutMs: 30_000,
      readOnly: false,
      environment: 'development',
    },
    password: db.password,
  }));
}

/** Editor sessions holding a snapshot (a suspended portal shows as 'active' with a backend_xmin). */
async function heldSnapshots(): Promise<number> {
  const { rows } = await db.pool.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sessions-test' AND backend_xmin IS NOT NULL",
  );
  return rows[0].n;
}

const request = (runId: string) => ({
  connectionId: 'c',
  runId,
  sql: 'SELECT g FROM generate_series(1, 100) g',
  scope: 'all' as const,
  readOnly: false,
  statementTimeoutMs: 0,
  pageSize: 10,
});

describe('editor sessions', () => {
  it('closes an idle result set after the idle timeout, ending its transaction', async () => {
    const pools = registry();
    const sessions = new EditorSessions(pools, { idleMs: 300, maxOpenPerConnection: 2 });
    try {
      const result = await runScript(await pools.get('c'), sessions, new TypeNames(), request('idle-1'));
      const id = result.statements[0]!.result!.id!;
      // The held cursor keeps its implicit transaction and snapshot …
      expect(await heldSnapshots()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 700));
      // … until the idle timeout closes it.
      await expect(sessions.fetch('c', id, 5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await heldSnapshots()).toBe(0);
    } finally {
      await pools.closeAll();
    }
  });

  it('gives held sessions back when the connection closes, so closing does not wait for them', async () => {
    const pools = registry();
    const sessions = new EditorSessions(pools, { idleMs: 60_000, maxOpenPerConnection: 2 });
    const result = await runScript(await pools.get('c'), sessions, new TypeNames(), request('held-1'));
    expect(result.statements[0]!.result!.hasMore).toBe(true);
    const started = performance.now();
    await pools.close('c');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await heldSnapshots()).toBe(0);
  });
});
