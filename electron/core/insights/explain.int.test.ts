import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('explain');

beforeAll(async () => {
  await env.db.pool.query('CREATE TABLE t (id int PRIMARY KEY, v int)');
  await env.db.pool.query('INSERT INTO t SELECT g, g % 10 FROM generate_series(1, 2000) AS g');
  await env.db.pool.query('ANALYZE t');
});

describe('EXPLAIN', () => {
  it('explains without running: a tree with costs and no times', async () => {
    const r = await env.call('insights.explain', { connectionId: env.id, sql: 'SELECT * FROM t WHERE id = 5' });
    expect(r.analyzed).toBe(false);
    expect(r.nodes[0]!.title).toMatch(/Index Scan on t using t_pkey/);
    expect(r.nodes[0]!.actualTotalMs).toBeNull();
    expect(r.executionMs).toBeNull();
    expect(JSON.parse(r.rawJson)).toBeInstanceOf(Array);
  });

  it('EXPLAIN ANALYZE of a change runs inside a transaction that is rolled back', async () => {
    const r = await env.call('insights.explain', { connectionId: env.id, sql: 'UPDATE t SET v = -1 WHERE id <= 100', analyze: true });
    expect(r.analyzed).toBe(true);
    expect(r.rolledBack).toBe(true);
    expect(r.executionMs).toBeGreaterThan(0);
    expect(r.nodes[0]!.title).toMatch(/^Update on t/);
    expect(r.nodes.some((n) => n.buffers !== null)).toBe(true);
    const { rows } = await env.db.pool.query('SELECT count(*)::int AS n FROM t WHERE v = -1');
    expect(rows[0].n).toBe(0);
  });

  it('highlights misestimates and orders nodes by their own time', async () => {
    // a and b are perfectly correlated: the planner multiplies their selectivities (4000 × 1/20 × 1/20 = 10 rows); 200 match.
    await env.db.pool.query('CREATE TABLE corr AS SELECT g % 20 AS a, g % 20 AS b FROM generate_series(1, 4000) AS g');
    await env.db.pool.query('ANALYZE corr');
    const r = await env.call('insights.explain', {
      connectionId: env.id,
      sql: 'SELECT count(*) FROM corr JOIN t ON t.id = corr.a WHERE corr.a = 1 AND corr.b = 1',
      analyze: true,
    });
    const scan = r.nodes.find((n) => n.title.startsWith('Seq Scan on corr'))!;
    expect(scan.misestimate).toBe(true);
    expect(scan.rowsRatio).toBeGreaterThan(10);
    const times = r.hottest.map((i) => r.nodes[i]!.exclusiveMs!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('plans a normalized pg_stat_statements text ($1 …) as a generic plan, and cleans up', async () => {
    const r = await env.call('insights.explain', { connectionId: env.id, sql: 'SELECT v FROM t WHERE id = $1 AND v > $2' });
    expect(r.genericPlan).toBe(true);
    expect(r.nodes[0]!.details.join(' ')).toMatch(/\$1/);
    const pool = await env.direct.core.deps.pools.get(env.id);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'ticketz_explain_%'`);
    expect(rows[0].n).toBe(0);
    await expect(
      env.call('insights.explain', { connectionId: env.id, sql: 'SELECT v FROM t WHERE id = $1', analyze: true }),
    ).rejects.toThrow(/need real values/);
  });

  it('refuses what EXPLAIN cannot take', async () => {
    await expect(env.call('insights.explain', { connectionId: env.id, sql: 'SELECT 1; SELECT 2' })).rejects.toThrow(
      /exactly one statement/,
    );
    await expect(env.call('insights.explain', { connectionId: env.id, sql: 'DROP TABLE t' })).rejects.toThrow(/not on DropStmt/);
    await expect(env.call('insights.explain', { connectionId: env.id, sql: 'EXPLAIN SELECT 1' })).rejects.toThrow(/without EXPLAIN/);
    await expect(env.call('insights.explain', { connectionId: env.id, sql: 'SELEC 1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { rows } = await env.db.pool.query(`SELECT to_regclass('t') IS NOT NULL AS present`);
    expect(rows[0].present).toBe(true);
  });
});
