import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/events';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('maint', { profile: { statementTimeoutMs: 30_000 } });
const events: TaskProgress[] = [];

/** Updates every row (one dead tuple each) and flushes the counters for other sessions. */
async function churn() {
  const c = new pg.Client({ connectionString: env.db.url });
  await c.connect();
  await c.query(`UPDATE churn SET payload = payload || '.'`);
  await c.query('SELECT pg_stat_force_next_flush()');
  await c.query('SELECT 1');
  await c.end();
}

const table = async () =>
  (await env.call('maintenance.tables', { connectionId: env.id, search: 'churn' })).tables.find((t) => t.name === 'churn')!;

beforeAll(async () => {
  // Cost-based delay makes VACUUM slow enough to watch (new sessions only: set before the core connects).
  await env.db.pool.query(`ALTER DATABASE ${env.db.name} SET vacuum_cost_delay = '10ms'`);
  await env.db.pool.query(`ALTER DATABASE ${env.db.name} SET vacuum_cost_limit = 10`);
  await env.db.pool.query('CREATE TABLE churn (id int PRIMARY KEY, payload text NOT NULL)');
  await env.db.pool.query(`ALTER TABLE churn SET (autovacuum_enabled = off)`);
  await env.db.pool.query(`INSERT INTO churn SELECT g, repeat('x', 80) FROM generate_series(1, 30000) AS g`);
  await churn();
  env.direct.core.events.subscribe((event, payload) => {
    if (event === 'task.progress') events.push(payload as TaskProgress);
  });
});

describe('maintenance', () => {
  it('lists tables with dead tuples and their indexes', async () => {
    const t = await table();
    expect(Number(t.deadTuples)).toBeGreaterThanOrEqual(30_000);
    expect(t.indexes.map((i) => i.name)).toEqual(['churn_pkey']);
    expect(t.kind).toBe('table');
  });

  it('VACUUM (ANALYZE) reports real progress, clears the dead tuples and is audited', async () => {
    const deadBefore = Number((await table()).deadTuples);
    const taskId = randomUUID();
    const result = await env.call('maintenance.vacuum', { connectionId: env.id, taskId, schema: 'public', name: 'churn' });
    expect(result.statement).toBe('VACUUM (ANALYZE) "public"."churn"');
    const mine = events.filter((e) => e.taskId === taskId);
    const midway = mine.filter((e) => e.state === 'running' && e.fraction !== null && e.fraction > 0 && e.fraction < 1);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.some((e) => /scanning heap: \d+ of \d+ blocks/.test(e.detail ?? ''))).toBe(true);
    const fractions = mine.map((e) => e.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b)); // never backwards
    expect(mine.at(-1)).toMatchObject({ state: 'succeeded', fraction: 1 });
    // All of them unless another session's snapshot still needs some (parallel test files share the server).
    expect(Number((await table()).deadTuples)).toBeLessThan(deadBefore / 10);
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'maintenance.vacuum' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded', target: '"public"."churn"' });
    // The session goes back to the pool with the profile's statement_timeout.
    const pool = await env.direct.core.deps.pools.get(env.id);
    const { rows } = await pool.query('SHOW statement_timeout');
    expect(rows[0].statement_timeout).toBe('30s');
  });

  it('cancels a running VACUUM through its session pid', async () => {
    await churn();
    const taskId = randomUUID();
    const running = env.call('maintenance.vacuum', { connectionId: env.id, taskId, schema: 'public', name: 'churn', analyze: false }).then(
      () => null,
      (err: unknown) => err,
    );
    for (let i = 0; i < 100 && !events.some((e) => e.taskId === taskId && (e.fraction ?? 0) > 0); i++)
      await new Promise((r) => setTimeout(r, 50));
    const listed = await env.call('maintenance.tasks', { connectionId: env.id });
    expect(listed.tasks.find((t) => t.taskId === taskId)).toMatchObject({ state: 'running', kind: 'vacuum' });
    expect(listed.tasks.find((t) => t.taskId === taskId)!.pid).toBeGreaterThan(0);
    expect(await env.call('maintenance.cancelTask', { taskId })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ pg: { sqlstate: '57014' } });
    expect(events.filter((e) => e.taskId === taskId).at(-1)?.state).toBe('cancelled');
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'maintenance.vacuum' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'cancelled' });
    expect(await env.call('maintenance.cancelTask', { taskId })).toEqual({ cancelled: false });
  });

  it('ANALYZE and REINDEX (CONCURRENTLY) an index or a whole table', async () => {
    const analyzed = await env.call('maintenance.analyze', { connectionId: env.id, schema: 'public', name: 'churn' });
    expect(analyzed.statement).toBe('ANALYZE "public"."churn"');
    const index = await env.call('maintenance.reindex', { connectionId: env.id, schema: 'public', name: 'churn_pkey', target: 'index' });
    expect(index.statement).toBe('REINDEX INDEX CONCURRENTLY "public"."churn_pkey"');
    const whole = await env.call('maintenance.reindex', {
      connectionId: env.id,
      schema: 'public',
      name: 'churn',
      target: 'table',
      concurrently: false,
    });
    expect(whole.statement).toBe('REINDEX TABLE "public"."churn"');
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'maintenance.reindex' });
    expect(audit.entries.map((e) => e.outcome)).toEqual(['succeeded', 'succeeded']);
    const { rows } = await env.db.pool.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'churn_pkey'::regclass`);
    expect(rows[0].indisvalid).toBe(true);
  });

  it('VACUUM FULL rewrites the table into a new file', async () => {
    await env.db.pool.query('DELETE FROM churn WHERE id > 3000');
    const file = async () => (await env.db.pool.query<{ f: string }>(`SELECT pg_relation_filenode('churn')::text AS f`)).rows[0]!.f;
    const before = { file: await file(), bytes: Number((await table()).totalBytes) };
    const result = await env.call('maintenance.vacuum', { connectionId: env.id, schema: 'public', name: 'churn', full: true });
    expect(result.statement).toBe('VACUUM (FULL, ANALYZE) "public"."churn"');
    expect(await file()).not.toBe(before.file);
    // How much it shrinks depends on other transactions' snapshots (parallel test files share the
    // server), so only "never larger" is asserted here.
    expect(Number((await table()).totalBytes)).toBeLessThanOrEqual(before.bytes);
  });

  it('refuses the wrong kind of relation and a missing one, clearly', async () => {
    await expect(
      env.call('maintenance.reindex', { connectionId: env.id, schema: 'public', name: 'churn', target: 'index' }),
    ).rejects.toThrow(/REINDEX INDEX works on index or partitioned index; public.churn is a table/);
    await expect(env.call('maintenance.vacuum', { connectionId: env.id, schema: 'public', name: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      env.call('maintenance.vacuum', { connectionId: env.id, schema: 'public', name: 'x"; DROP TABLE churn; --' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
