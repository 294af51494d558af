import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('maint_conflicts');

beforeAll(async () => {
  // a slow VACUUM to overlap with (new sessions only: set before the core connects)
  await env.db.pool.query(`ALTER DATABASE ${env.db.name} SET vacuum_cost_delay = '20ms'`);
  await env.db.pool.query(`ALTER DATABASE ${env.db.name} SET vacuum_cost_limit = 5`);
  await env.db.pool.query(`CREATE TABLE busy (id int PRIMARY KEY, payload text NOT NULL) WITH (autovacuum_enabled = off);
    INSERT INTO busy SELECT g, repeat('x', 80) FROM generate_series(1, 20000) AS g;
    UPDATE busy SET payload = payload || '.';
    CREATE TABLE other (id int PRIMARY KEY);
    CREATE TABLE held (id int PRIMARY KEY);`);
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as RpcError,
  );

describe('maintenance, one task per table', () => {
  it('refuses a second task on a table (or its index) while one runs, and lets other tables go on', async () => {
    const taskId = randomUUID();
    const vacuum = env
      .call('maintenance.vacuum', { connectionId: env.id, taskId, schema: 'public', name: 'busy', analyze: false })
      .catch((e: unknown) => e);
    for (let i = 0; i < 100; i++) {
      const tasks = await env.call('maintenance.tasks', { connectionId: env.id });
      if (tasks.tasks.some((t) => t.taskId === taskId && t.state === 'running' && t.pid !== null)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const reindex = await failure(
      env.call('maintenance.reindex', { connectionId: env.id, schema: 'public', name: 'busy_pkey', target: 'index' }),
    );
    expect(reindex).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('VACUUM "public"."busy" is still running on this table'),
    });
    const analyze = await failure(env.call('maintenance.analyze', { connectionId: env.id, schema: 'public', name: 'busy' }));
    expect(analyze.code).toBe('CONFLICT');
    // another table is not held up
    expect((await env.call('maintenance.analyze', { connectionId: env.id, schema: 'public', name: 'other' })).statement).toBe(
      'ANALYZE "public"."other"',
    );

    expect(await env.call('maintenance.cancelTask', { taskId })).toEqual({ cancelled: true });
    await vacuum;
    const again = await env.call('maintenance.reindex', { connectionId: env.id, schema: 'public', name: 'busy_pkey', target: 'index' });
    expect(again.statement).toBe('REINDEX INDEX CONCURRENTLY "public"."busy_pkey"');
  });
});

describe('a table someone holds an ACCESS EXCLUSIVE lock on', () => {
  it('marks its own row as locked, and the rest of the list has its sizes', async () => {
    const holder = new pg.Client({ connectionString: env.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN; LOCK TABLE held IN ACCESS EXCLUSIVE MODE');
      const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const { tables } = await env.call('maintenance.tables', { connectionId: env.id });
      const held = tables.find((t) => t.name === 'held')!;
      expect(held).toMatchObject({ totalBytes: null, lockedBy: `ACCESS EXCLUSIVE lock held by pid ${rows[0]!.pid}` });
      expect(held.indexes).toEqual([{ name: 'held_pkey', bytes: null, valid: true }]);
      const busy = tables.find((t) => t.name === 'busy')!;
      expect(busy.lockedBy).toBeNull();
      expect(Number(busy.totalBytes)).toBeGreaterThan(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const after = (await env.call('maintenance.tables', { connectionId: env.id, search: 'held' })).tables[0]!;
    expect(after.lockedBy).toBeNull();
    const { rows: size } = await env.db.pool.query<{ bytes: string }>("SELECT pg_total_relation_size('held')::text AS bytes");
    expect(after.totalBytes).toBe(size[0]!.bytes);
  });
});
