import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('bloat');

beforeAll(async () => {
  // A table of 40,000 rows from which 90 % are deleted: its pages stay, the live rows shrink.
  await env.db.pool.query('CREATE TABLE churn (id int PRIMARY KEY, payload text NOT NULL)');
  await env.db.pool.query(`INSERT INTO churn SELECT g, repeat('x', 80) FROM generate_series(1, 40000) AS g`);
  await env.db.pool.query('DELETE FROM churn WHERE id % 10 <> 0');
  await env.db.pool.query('VACUUM ANALYZE churn'); // frees the dead rows for reuse, but the file keeps its size
  // A compact control table.
  await env.db.pool.query('CREATE TABLE tidy (id int PRIMARY KEY, payload text NOT NULL)');
  await env.db.pool.query(`INSERT INTO tidy SELECT g, repeat('y', 80) FROM generate_series(1, 20000) AS g`);
  await env.db.pool.query('ANALYZE tidy');
});

describe('bloat', () => {
  it('estimates table and btree waste for all relations, largest first, with fixes and caveats', async () => {
    const r = await env.call('insights.bloat', { connectionId: env.id });
    const table = r.rows.find((x) => x.kind === 'table' && x.table === 'churn')!;
    expect(table.wastedRatio).toBeGreaterThan(0.7);
    expect(table.unreliable).toBe(false);
    expect(table.fixes.map((f) => f.label)).toEqual(['VACUUM (ANALYZE)', 'VACUUM FULL']);
    expect(table.fixes[1]!.note).toMatch(/ACCESS EXCLUSIVE/);
    const index = r.rows.find((x) => x.kind === 'index' && x.index === 'churn_pkey')!;
    expect(index.wastedRatio).toBeGreaterThan(0.5);
    expect(index.fixes[0]!.sql).toBe('REINDEX INDEX CONCURRENTLY "public"."churn_pkey";');
    const tidy = r.rows.find((x) => x.kind === 'table' && x.table === 'tidy')!;
    expect(tidy.wastedRatio).toBeLessThan(0.2);
    const wasted = r.rows.map((x) => BigInt(x.wastedBytes));
    expect(wasted).toEqual([...wasted].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(r.caveats.length).toBeGreaterThan(2);
    expect(r.pgstattupleAvailable).toBe(true);
    expect(r.pgRepackInstalled).toBe(false);
  });

  it('works for a role that may not read pg_statistic, through the pg_stats view', async () => {
    const role = `${env.db.name}_reader`;
    await env.db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'`);
    await env.db.pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    const reader = await env.direct.addProfile({ ...env.db, user: role, password: 'reader-pw' }, { name: 'reader' });
    const r = await env.call('insights.bloat', { connectionId: reader });
    const table = r.rows.find((x) => x.kind === 'table' && x.table === 'churn')!;
    expect(table.wastedRatio).toBeGreaterThan(0.7);
    expect(r.rows.find((x) => x.kind === 'index' && x.index === 'churn_pkey')!.wastedRatio).toBeGreaterThan(0.5);
    const asSuperuser = await env.call('insights.bloat', { connectionId: env.id });
    const same = asSuperuser.rows.find((x) => x.kind === 'table' && x.table === 'churn')!;
    expect(table.wastedBytes).toBe(same.wastedBytes); // both sources of column statistics estimate alike
    const sameIndex = asSuperuser.rows.find((x) => x.kind === 'index' && x.index === 'churn_pkey')!;
    expect(r.rows.find((x) => x.kind === 'index' && x.index === 'churn_pkey')!.wastedBytes).toBe(sameIndex.wastedBytes);
  });

  it('filters by minimum waste', async () => {
    const r = await env.call('insights.bloat', { connectionId: env.id, minWastedBytes: 1024 * 1024 });
    expect(r.rows.every((x) => BigInt(x.wastedBytes) >= 1024n * 1024n)).toBe(true);
    expect(r.rows.some((x) => x.table === 'churn')).toBe(true);
  });

  it('gives exact figures with pgstattuple once the extension exists', async () => {
    const { rows } = await env.db.pool.query<{ oid: number; idx: number }>(
      `SELECT 'churn'::regclass::oid::int AS oid, 'churn_pkey'::regclass::oid::int AS idx`,
    );
    const { oid, idx } = rows[0]!;
    await expect(env.call('insights.exactBloat', { connectionId: env.id, oid, method: 'pgstattuple' })).rejects.toThrow(
      /CREATE EXTENSION pgstattuple/,
    );
    await env.call('insights.createExtension', { connectionId: env.id, extension: 'pgstattuple' });
    const exact = await env.call('insights.exactBloat', { connectionId: env.id, oid, method: 'pgstattuple' });
    expect(exact.fields.map((f) => f.name)).toContain('free_percent');
    expect(exact.wastedRatio).toBeGreaterThan(0.7);
    const approx = await env.call('insights.exactBloat', { connectionId: env.id, oid, method: 'pgstattuple_approx' });
    expect(approx.wastedRatio).toBeGreaterThan(0.7);
    const index = await env.call('insights.exactBloat', { connectionId: env.id, oid: idx, method: 'pgstatindex' });
    expect(index.fields.map((f) => f.name)).toContain('avg_leaf_density');
    expect(index.wastedRatio).toBeGreaterThan(0.5);
    const bloat = await env.call('insights.bloat', { connectionId: env.id });
    expect(bloat.pgstattupleInstalled).toBe(true);
  });
});
