import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

/** The Ticketz reference schema (migrations/*.up.sql), the database the console is built around. */
const migrationsDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../migrations');

const env = useCoreFixture('refschema');

beforeAll(async () => {
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.up.sql'))
    .sort())
    await env.db.pool.query(readFileSync(path.join(migrationsDir, file), 'utf8'));
  await env.db.pool.query('ANALYZE');
});

describe('insights on the reference schema', () => {
  it('the index advisor reads it, and every draft it offers is valid SQL', async () => {
    const { findings } = await env.call('insights.advisor', { connectionId: env.id });
    expect(findings.filter((f) => f.kind === 'invalid-index')).toEqual([]);
    // Partition children's indexes go with their parent, never on their own.
    expect(findings.some((f) => /_default_|_p\d{4}/.test(f.object) && f.kind === 'unused-index')).toBe(false);
    // Nor an index that serves a foreign key (e.g. tickets.order_id), though nothing scanned it yet.
    expect(findings.some((f) => f.kind === 'unused-index' && f.object === 'idx_tickets_order')).toBe(false);
    // The reference schema indexes every foreign key (seed 004: "FK indexes: complete").
    expect(findings.filter((f) => f.kind === 'fk-without-index').map((f) => `${f.schema}.${f.table}.${f.object}`)).toEqual([]);
    for (const f of findings.filter((x) => x.hasDraft).slice(0, 20)) {
      const draft = await env.call('insights.migrationDraft', { connectionId: env.id, findingId: f.id });
      const client = await env.db.pool.connect();
      try {
        // Up then down for real, as the workbench would apply and roll them back.
        for (const sql of [draft.upSql, draft.downSql]) await client.query(sql);
      } finally {
        client.release();
      }
    }
  });

  it('estimates bloat and lists tables, partitioned ones included', async () => {
    const bloat = await env.call('insights.bloat', { connectionId: env.id });
    expect(bloat.caveats.length).toBeGreaterThan(0);
    const { tables } = await env.call('maintenance.tables', { connectionId: env.id, limit: 500 });
    expect(tables.some((t) => t.kind === 'partitioned')).toBe(true);
    expect(tables.some((t) => t.schema === 'ticketing' && t.name === 'tickets')).toBe(true);
  });

  it('lists the materialized views as CONCURRENTLY-refreshable and refreshes them all in dependency order', async () => {
    const { matviews } = await env.call('matviews.list', { connectionId: env.id });
    const stats = matviews.find((m) => m.schema === 'ticketing' && m.name === 'event_stats');
    expect(stats).toMatchObject({ populated: true, canRefreshConcurrently: true });
    const r = await env.call('matviews.refreshAll', { connectionId: env.id });
    expect(r.refreshed).toHaveLength(matviews.length);
    expect(r.refreshed.every((x) => x.concurrently)).toBe(true);
  });
});
