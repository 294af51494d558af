import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { PoolRegistry } from '../db/pool-registry';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { EditorSessions } from './editor-sessions';
import { PinnedRun } from './pinned-run';
import { PinnedSessions, type PinnedLimits } from './pinned-sessions';
import { runScript } from './run-script';
import { TypeNames } from './type-names';

let db: TestDatabase;
let dataDir: string;
const APP = 'pinned-test';

beforeAll(async () => {
  db = await createTestDatabase('pinned');
  await db.pool.query('CREATE TABLE scratch (id int PRIMARY KEY)');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pinned-'));
});
afterAll(async () => {
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Setup {
  pools: PoolRegistry;
  sessions: EditorSessions;
  pinned: PinnedSessions;
  audit: AuditLog;
  run(sessionId: string, sql: string): ReturnType<typeof runScript>;
}
let current: Setup | undefined;
afterEach(async () => {
  await current?.pools.closeAll();
  current = undefined;
});

function setup(limits: Partial<PinnedLimits>): Setup {
  const pools = new PoolRegistry(() => ({
    fields: {
      name: 'x',
      host: db.host,
      port: db.port,
      database: db.name,
      user: db.user,
      sslmode: 'disable',
      applicationName: APP,
      statementTimeoutMs: 30_000,
      readOnly: false,
      environment: 'development',
    },
    password: db.password,
  }));
  const sessions = new EditorSessions(pools);
  const audit = new AuditLog(dataDir, pools, 'test-host');
  const pinned = new PinnedSessions(pools, sessions, audit, { idleMs: 60_000, serverGraceMs: 60_000, cancelWaitMs: 5_000, ...limits });
  let n = 0;
  const run = async (sessionId: string, sql: string) => {
    const runId = `pinned-${++n}-${Date.now()}`;
    const pool = await pools.get('c');
    return pinned.exclusive('c', sessionId, 'a run', runId, (p) =>
      runScript(
        pool,
        sessions,
        new TypeNames(),
        { connectionId: 'c', runId, sql, scope: 'all', readOnly: false, statementTimeoutMs: 0, pageSize: 100 },
        new PinnedRun(pinned, p, false, audit),
      ),
    );
  };
  current = { pools, sessions, pinned, audit, run };
  return current;
}

const committed = async (id: number) =>
  (await db.pool.query('SELECT count(*)::int AS n FROM scratch WHERE id = $1', [id])).rows[0].n as number;
const idleInTransaction = async () =>
  (
    await db.pool.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state LIKE 'idle in transaction%'",
      [APP],
    )
  ).rows[0].n as number;

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 10 s');
}

describe('pinned sessions', () => {
  it('rolls back and releases a transaction idle past the limit, audits it, and tells the tab', async () => {
    const { pinned, run, audit } = setup({ idleMs: 400 });
    const { sessionId } = await pinned.open('c');
    const result = await run(sessionId, 'INSERT INTO scratch VALUES (1)');
    expect(result.statements[0]?.error).toBeNull();
    expect(pinned.state('c', sessionId).idleDeadline).not.toBeNull();
    expect(await idleInTransaction()).toBe(1);
    await until(() => pinned.state('c', sessionId).status === 'closed');
    expect(pinned.state('c', sessionId).reason).toMatch(/sat idle for 0 s, so the console rolled it back/);
    expect(await idleInTransaction()).toBe(0);
    expect(await committed(1)).toBe(0);
    const { entries } = await audit.list('c', { action: 'query.rollback', limit: 5 });
    expect(entries[0]?.detail).toMatch(/ROLLBACK \(idle limit of 0 s\) of a transaction of 1 statement.*INSERT INTO scratch VALUES \(1\)/);
    await expect(run(sessionId, 'SELECT 1')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/sat idle/) });
  });

  it('counts paging through an open result set as activity', async () => {
    const { pinned, run, sessions } = setup({ idleMs: 2_000 });
    const { sessionId } = await pinned.open('c');
    const big = await run(sessionId, 'SELECT g FROM generate_series(1, 100000) g');
    const resultSetId = big.statements[0]!.result!.id!;
    // Five pages half a second apart: longer than the idle limit in all, never idle that long.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 500));
      expect((await sessions.fetch('c', resultSetId, 10)).hasMore).toBe(true);
    }
    expect(pinned.state('c', sessionId).status).toBe('transaction');
    await until(() => pinned.state('c', sessionId).status === 'closed');
    expect(pinned.state('c', sessionId).reason).toMatch(/sat idle for 2 s/);
  });

  it('gives an idle session without a transaction back too, saying nothing was lost', async () => {
    const { pinned } = setup({ idleMs: 300 });
    const { sessionId } = await pinned.open('c');
    await until(() => pinned.state('c', sessionId).status === 'closed');
    expect(pinned.state('c', sessionId).reason).toMatch(/no transaction was open, so nothing was lost/);
  });

  it('sets idle_in_transaction_session_timeout as a server-side backstop, and reports its firing as a server rollback', async () => {
    const { pinned, run } = setup({ idleMs: 60_000, serverGraceMs: 30_000 });
    const { sessionId } = await pinned.open('c');
    const shown = await run(sessionId, "SELECT current_setting('idle_in_transaction_session_timeout')");
    expect(shown.statements[0]?.result?.rows).toEqual([['90s']]);
    await run(sessionId, 'ROLLBACK');
    // The server's timeout firing (shortened here by the script itself) ends the session on the server.
    await run(sessionId, "SET idle_in_transaction_session_timeout = '200ms'; INSERT INTO scratch VALUES (2)");
    await until(() => pinned.state('c', sessionId).status === 'closed');
    expect(pinned.state('c', sessionId).reason).toMatch(
      /ended on the server \(.*idle-in-transaction timeout.*\).*rolled back by the server/,
    );
    expect(await committed(2)).toBe(0);
  });

  it('closing the pool cancels a statement running on a pinned session, rolls back, and does not wait for it', async () => {
    const { pinned, run, pools } = setup({});
    const { sessionId } = await pinned.open('c');
    const running = run(sessionId, 'INSERT INTO scratch VALUES (3); SELECT pg_sleep(30)');
    await until(async () => {
      const { rows } = await db.pool.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'",
      );
      return rows[0].n > 0;
    });
    const started = performance.now();
    await pools.close('c');
    expect(performance.now() - started).toBeLessThan(10_000);
    const result = await running;
    expect(result.statements[1]?.error?.code).toBe('CANCELLED');
    expect(pinned.state('c', sessionId).reason).toMatch(/connection was closed.*rolled back/);
    expect(await committed(3)).toBe(0);
    expect(await idleInTransaction()).toBe(0);
  });
});
