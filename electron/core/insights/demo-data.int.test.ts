import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetStatementStats } from '../demo-seed';
import { useCoreFixture } from '../testing/core-fixture';

/**
 * The demo database as a user meets it: the reference schema, the seed at scale 1 and the Insights
 * workload (electron/core/demo-data). What the workload promises, the insights pages must show.
 */
const here = path.dirname(new URL(import.meta.url).pathname);
const migrationsDir = path.resolve(here, '../../../migrations');
const demoDir = path.resolve(here, '../demo-data');

const env = useCoreFixture('demo');

beforeAll(async () => {
  await env.db.pool.query('CREATE EXTENSION pg_stat_statements');
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.up.sql'))
    .sort())
    await env.db.pool.query(readFileSync(path.join(migrationsDir, file), 'utf8'));
  // One session for seed and workload, whose counters are then flushed for other sessions to read.
  const c = new pg.Client({ connectionString: env.db.url });
  await c.connect();
  try {
    await c.query(readFileSync(path.join(demoDir, 'seed.sql'), 'utf8'));
    // as seedDemoData does between the seed and the workload
    expect(await resetStatementStats(c)).toBe(true);
    await c.query(readFileSync(path.join(demoDir, 'workload.sql'), 'utf8'));
    await c.query('SELECT pg_stat_force_next_flush()');
    await c.query('SELECT 1');
  } finally {
    await c.end();
  }
}, 600_000);

describe('insights on the demo data', () => {
  it('slow queries list the workload’s statements, not the console’s', async () => {
    const { rows } = await env.call('insights.statements', { connectionId: env.id, sort: 'totalTime', limit: 200 });
    expect(rows.some((r) => /ticket_validations/.test(r.query))).toBe(true);
    expect(rows.some((r) => /LIKE/i.test(r.query) && Number(r.calls) > 1)).toBe(true);
    expect(rows.some((r) => r.query.includes('/* ticketz-console */'))).toBe(false);
    // the seed's one-off INSERTs were reset away; the workload's own gate scans remain
    expect(rows.filter((r) => /^\s*INSERT INTO (ticketing|chain)\.\w+ \(id/i.test(r.query))).toEqual([]);
  });

  it('looks real: no scan after now(), varied surname initials, a meaningful children-per-inviter', async () => {
    const { rows: future } = await env.db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM ticketing.ticket_validations WHERE validated_at > now()',
    );
    expect(future[0]!.n).toBe('0');
    const { rows: board } = await env.call('chain.leaderboard', { connectionId: env.id, limit: 20 });
    const initials = new Set(board.map((r) => /(\S)\.$/.exec(r.displayName ?? '')?.[1]));
    expect(initials.size).toBeGreaterThan(5);
    const stats = await env.call('chain.stats', { connectionId: env.id });
    expect(Number(stats.avgChildrenPerInviter)).toBeGreaterThan(1.2);
  });

  it('the advisor finds the deliberately unused index', async () => {
    const { findings } = await env.call('insights.advisor', { connectionId: env.id });
    expect(findings.find((f) => f.kind === 'unused-index' && f.object === 'idx_tickets_created_at')).toMatchObject({
      schema: 'ticketing',
      hasDraft: true,
    });
  });

  it('maintenance and bloat see the dead tuples the workload left', async () => {
    const { tables } = await env.call('maintenance.tables', { connectionId: env.id, search: 'ticketing.ticket_validations' });
    expect(Number(tables[0]!.deadTuples)).toBeGreaterThan(0);
    const bloat = await env.call('insights.bloat', { connectionId: env.id });
    expect(bloat.rows.some((r) => r.kind === 'table' && r.schema === 'ticketing' && r.table === 'tickets')).toBe(true);
  });

  it('refreshes ticketing.event_stats concurrently and records it', async () => {
    const r = await env.call('matviews.refresh', { connectionId: env.id, schema: 'ticketing', name: 'event_stats' });
    expect(r.concurrently).toBe(true);
    const { matviews } = await env.call('matviews.list', { connectionId: env.id });
    expect(matviews.find((m) => m.name === 'event_stats')!.lastRefresh).not.toBeNull();
  });
});
