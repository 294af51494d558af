import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCatalogRead } from '../db/catalog-read';
import { useCoreFixture } from '../testing/core-fixture';
import { p99Sql } from './health';
import { StatementSnapshots } from './statement-snapshots';
import { listStatements, resetStatements, statementDetail, useExtensionSchema } from './statements';

const env = useCoreFixture('stmts');

beforeAll(async () => {
  await env.db.pool.query('CREATE TABLE work (id int PRIMARY KEY, v text)');
  await env.db.pool.query(`INSERT INTO work SELECT g, 'v' || g FROM generate_series(1, 500) AS g`);
});

/** The demo-style workload: a lookup run many times by "the application". */
async function workload(times: number) {
  for (let i = 0; i < times; i++) await env.db.pool.query('SELECT v FROM work WHERE id = $1', [i + 1]);
}

describe('slow queries (pg_stat_statements)', () => {
  it('explains the missing extension and creates it when the role may', async () => {
    const before = await env.call('insights.statementsStatus', { connectionId: env.id });
    expect(before).toMatchObject({ state: 'not-installed', preloaded: true, canCreate: true });
    expect(before.steps[0]).toMatch(/CREATE EXTENSION pg_stat_statements/);
    await expect(env.call('insights.statements', { connectionId: env.id })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const created = await env.call('insights.createExtension', { connectionId: env.id, extension: 'pg_stat_statements' });
    expect(created.version).toMatch(/^1\.\d+$/);
    expect((await env.call('insights.statementsStatus', { connectionId: env.id })).state).toBe('ready');
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'extension.create' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded', target: 'pg_stat_statements' });
  });

  it('lists the workload, hides the console’s own statements, and shows deltas while open', async () => {
    await workload(30);
    const first = await env.call('insights.statements', { connectionId: env.id, sort: 'calls' });
    const row = first.rows.find((r) => r.query.includes('FROM work WHERE id = $1'));
    expect(row).toBeDefined();
    expect(Number(row!.calls)).toBeGreaterThanOrEqual(30);
    expect(row!.meanExecMs).toBeGreaterThan(0);
    expect(row!.statsSince).not.toBeNull(); // PostgreSQL 17+
    expect(first.rows.some((r) => r.query.includes('/* ticketz-console */'))).toBe(false);
    expect(first.hiddenConsoleStatements).toBeGreaterThan(0);
    expect(first.deltaSince).toBeNull();
    expect(row!.delta).toBeNull();

    const all = await env.call('insights.statements', { connectionId: env.id, includeConsole: true, limit: 1000 });
    expect(all.rows.some((r) => r.query.includes('/* ticketz-console */'))).toBe(true);

    await workload(7);
    const second = await env.call('insights.statements', { connectionId: env.id, sort: 'calls' });
    const again = second.rows.find((r) => r.key === row!.key)!;
    expect(second.deltaSince).not.toBeNull();
    expect(Number(again.delta!.calls)).toBe(7);
    expect(again.delta!.meanExecMs).toBeGreaterThan(0);
  });

  it('sorts by each key', async () => {
    for (const sort of ['totalTime', 'meanTime', 'calls', 'rows', 'io'] as const) {
      const { rows } = await env.call('insights.statements', { connectionId: env.id, sort, limit: 20 });
      const values = rows.map((r) =>
        sort === 'totalTime'
          ? r.totalExecMs
          : sort === 'meanTime'
            ? r.meanExecMs
            : sort === 'calls'
              ? Number(r.calls)
              : sort === 'rows'
                ? Number(r.rows)
                : r.ioReadMs + r.ioWriteMs,
      );
      expect(values, sort).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it('shows every counter of one statement and resets one or all', async () => {
    const { rows } = await env.call('insights.statements', { connectionId: env.id, sort: 'calls' });
    const row = rows.find((r) => r.query.includes('FROM work WHERE id = $1'))!;
    const detail = await env.call('insights.statementDetail', { connectionId: env.id, key: row.key });
    expect(detail.query).toContain('FROM work WHERE id = $1');
    const names = detail.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['calls', 'total_exec_time', 'shared_blk_read_time', 'stats_since']));

    const minmax = await env.call('insights.resetStatements', { connectionId: env.id, key: row.key, minmaxOnly: true });
    expect(minmax.resetAt).not.toBeNull();
    const kept = (await env.call('insights.statements', { connectionId: env.id, sort: 'calls' })).rows.find((r) => r.key === row.key);
    expect(Number(kept!.calls)).toBeGreaterThanOrEqual(37); // counters kept, only min/max restarted

    await env.call('insights.resetStatements', { connectionId: env.id });
    const after = await env.call('insights.statements', { connectionId: env.id, sort: 'calls' });
    expect(after.rows.find((r) => r.key === row.key)).toBeUndefined();
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'statements.reset' });
    expect(audit.entries).toHaveLength(2);
  });
});

/**
 * The server is PostgreSQL 18, so the older variants run against views shaped like older
 * pg_stat_statements versions (same data, the old column names), placed first on the search path.
 */
describe('older pg_stat_statements versions', () => {
  const shapes: Record<string, { major: number; view: string }> = {
    v12: {
      major: 12,
      view: `SELECT userid, dbid, queryid, query, calls, total_exec_time AS total_time, min_exec_time AS min_time,
               max_exec_time AS max_time, mean_exec_time AS mean_time, stddev_exec_time AS stddev_time, rows,
               shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, local_blks_hit,
               local_blks_read, local_blks_dirtied, local_blks_written, temp_blks_read, temp_blks_written,
               shared_blk_read_time AS blk_read_time, shared_blk_write_time AS blk_write_time
          FROM public.pg_stat_statements`,
    },
    v13: {
      major: 13,
      view: `SELECT userid, dbid, queryid, query, plans, total_plan_time, min_plan_time, max_plan_time, mean_plan_time,
               stddev_plan_time, calls, total_exec_time, min_exec_time, max_exec_time, mean_exec_time, stddev_exec_time,
               rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, local_blks_hit,
               local_blks_read, local_blks_dirtied, local_blks_written, temp_blks_read, temp_blks_written,
               shared_blk_read_time AS blk_read_time, shared_blk_write_time AS blk_write_time, wal_records, wal_fpi, wal_bytes
          FROM public.pg_stat_statements`,
    },
    v14: {
      major: 14,
      view: `SELECT userid, dbid, toplevel, queryid, query, plans, total_plan_time, calls, total_exec_time, min_exec_time,
               max_exec_time, mean_exec_time, stddev_exec_time, rows, shared_blks_hit, shared_blks_read, temp_blks_written,
               shared_blk_read_time AS blk_read_time, shared_blk_write_time AS blk_write_time, wal_bytes
          FROM public.pg_stat_statements`,
    },
  };

  beforeAll(async () => {
    await workload(12);
    for (const [schema, shape] of Object.entries(shapes)) {
      await env.db.pool.query(`CREATE SCHEMA ${schema}`);
      await env.db.pool.query(`CREATE VIEW ${schema}.pg_stat_statements AS ${shape.view}`);
      // 1.7–1.10 signature: returns void.
      await env.db.pool.query(`CREATE FUNCTION ${schema}.pg_stat_statements_reset(oid, oid, bigint) RETURNS void
                             LANGUAGE sql AS 'SELECT public.pg_stat_statements_reset($1, $2, $3)'`);
      await env.db.pool.query(`CREATE VIEW ${schema}.pg_stat_statements_info AS SELECT * FROM public.pg_stat_statements_info`);
    }
  });

  it.each(Object.keys(shapes))('%s: lists, details, resets and estimates p99 with the old column names', async (schema) => {
    const { major } = shapes[schema]!;
    await workload(12); // the previous case reset this statement
    const client = new pg.Client({ connectionString: env.db.url });
    await client.connect();
    try {
      await withCatalogRead(
        // A one-connection pool stand-in: withCatalogRead only needs connect().
        { connect: async () => Object.assign(client, { release: () => undefined }) } as unknown as pg.Pool,
        async (c) => {
          await useExtensionSchema(c, schema);
          const source = { schema, extMajor: major, extensionVersion: `compat-${schema}`, trackIoTiming: false };
          const list = await listStatements(
            c,
            source,
            { sort: 'meanTime', limit: 50, includeConsole: false, allDatabases: false, deltaWindowSeconds: 300 },
            { store: new StatementSnapshots(), scope: schema },
          );
          const row = list.rows.find((r) => r.query.includes('FROM work WHERE id = $1'));
          expect(row, schema).toBeDefined();
          expect(row!.toplevel).toBe(major >= 14 ? true : null);
          expect(row!.statsSince).toBeNull();
          expect(row!.totalExecMs).toBeGreaterThan(0);
          expect(list.statsReset === null).toBe(major < 14);
          const detail = await statementDetail(c, row!.key);
          expect(detail.fields.map((f) => f.name)).toContain(major >= 13 ? 'total_exec_time' : 'total_time');
          const { rows: p99 } = await c.query<{ p99_ms: number }>(p99Sql(major));
          expect(p99[0]!.p99_ms).toBeGreaterThan(0);
          await expect(resetStatements(c, source, row!.key, true)).rejects.toThrow(/PostgreSQL 17/);
          expect(await resetStatements(c, source, row!.key, false)).toEqual({ resetAt: null });
        },
        { readOnly: false },
      );
    } finally {
      await client.end();
    }
  });
});
