import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('health');
const slot = `ticketz_health_${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  await env.db.pool.query('CREATE EXTENSION pg_stat_statements');
  await env.db.pool.query('CREATE TABLE big (id int PRIMARY KEY, payload text)');
  await env.db.pool.query(`INSERT INTO big SELECT g, repeat('p', 200) FROM generate_series(1, 5000) AS g`);
  await env.db.pool.query('ANALYZE big');
  // The workload on one session whose statistics are flushed for other sessions to read.
  const c = new pg.Client({ connectionString: env.db.url });
  await c.connect();
  for (let i = 0; i < 12; i++) await c.query('SELECT count(*) FROM big WHERE payload LIKE $1 OR id = $2', [`%${i}%`, i]);
  await c.query('SELECT pg_stat_force_next_flush()');
  await c.query('SELECT 1');
  await c.end();
  await env.db.pool.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
});
afterAll(async () => {
  await env.db.pool.query(`SELECT pg_drop_replication_slot($1)`, [slot]).catch(() => undefined);
});

describe('health', () => {
  it('reports ratios, connections, wraparound, sizes, p99 and slots', async () => {
    const h = await env.call('insights.health', { connectionId: env.id });
    expect(h.connections.max).toBe(200); // the test server runs with max_connections=200
    expect(h.connections.total).toBeGreaterThan(0);
    expect(h.connections.reserved).toBeGreaterThanOrEqual(3);
    expect(h.cacheHitRatio).toBeGreaterThan(0);
    expect(h.cacheHitRatio).toBeLessThanOrEqual(1);
    const mine = h.wraparound.find((w) => w.database === env.db.name)!;
    expect(mine.xidAge).toBeGreaterThan(0);
    expect(mine.ratio).toBeLessThan(0.01);
    expect(h.autovacuumFreezeMaxAge).toBe(200_000_000);
    expect(h.databases.some((d) => d.name === env.db.name && Number(d.bytes) > 0)).toBe(true);
    expect(h.largestRelations[0]).toMatchObject({ schema: 'public', name: 'big', kind: 'table' });
    expect(h.queryP99?.query).toContain('payload LIKE $1');
    expect(h.queryP99!.ms).toBeGreaterThan(0);
    expect(h.replication).toEqual([]);
    expect(h.slots.find((s) => s.name === slot)).toMatchObject({ type: 'physical', active: false });
    expect(Number(h.slots.find((s) => s.name === slot)!.retainedBytes)).toBeGreaterThanOrEqual(0);
    expect(h.inRecovery).toBe(false);
    expect(h.standbyReplayDelaySeconds).toBeNull();
  });
});
