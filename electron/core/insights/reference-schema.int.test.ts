import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/** The Ticketz reference schema (migrations/*.up.sql), the database the console is built around. */
const migrationsDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../migrations');

let db: TestDatabase;
let direct: DirectCore;
let id: string;

beforeAll(async () => {
  db = await createTestDatabase('refschema');
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.up.sql'))
    .sort())
    await db.pool.query(readFileSync(path.join(migrationsDir, file), 'utf8'));
  await db.pool.query('ANALYZE');
  direct = createDirectCore();
  id = await direct.addProfile(db);
});
afterAll(async () => {
  await direct.dispose();
  await db.drop();
});

describe('insights on the reference schema', () => {
  it('the index advisor reads it, and every draft it offers is valid SQL', async () => {
    const { findings } = await direct.call('insights.advisor', { connectionId: id });
    expect(findings.filter((f) => f.kind === 'invalid-index')).toEqual([]);
    // Partition children's indexes go with their parent, never on their own.
    expect(findings.some((f) => /_default_|_p\d{4}/.test(f.object) && f.kind === 'unused-index')).toBe(false);
    // Nor an index that serves a foreign key (e.g. tickets.order_id), though nothing scanned it yet.
    expect(findings.some((f) => f.kind === 'unused-index' && f.object === 'idx_tickets_order')).toBe(false);
    // The reference schema indexes every foreign key (seed 004: "FK indexes: complete").
    expect(findings.filter((f) => f.kind === 'fk-without-index').map((f) => `${f.schema}.${f.table}.${f.object}`)).toEqual([]);
    for (const f of findings.filter((x) => x.hasDraft).slice(0, 20)) {
      const draft = await direct.call('insights.migrationDraft', { connectionId: id, findingId: f.id });
      const client = await db.pool.connect();
      try {
        // Up then down for real, as the workbench would apply and roll them back.
        for (const sql of [draft.upSql, draft.downSql]) await client.query(sql);
      } finally {
        client.release();
      }
    }
  });

  it('estimates bloat and lists tables, partitioned ones included', async () => {
    const bloat = await direct.call('insights.bloat', { connectionId: id });
    expect(bloat.caveats.length).toBeGreaterThan(0);
    const { tables } = await direct.call('maintenance.tables', { connectionId: id, limit: 500 });
    expect(tables.some((t) => t.kind === 'partitioned')).toBe(true);
    expect(tables.some((t) => t.schema === 'ticketing' && t.name === 'tickets')).toBe(true);
  });

  it('lists the materialized views as CONCURRENTLY-refreshable and refreshes them all in dependency order', async () => {
    const { matviews } = await direct.call('matviews.list', { connectionId: id });
    const stats = matviews.find((m) => m.schema === 'ticketing' && m.name === 'event_stats');
    expect(stats).toMatchObject({ populated: true, canRefreshConcurrently: true });
    const r = await direct.call('matviews.refreshAll', { connectionId: id });
    expect(r.refreshed).toHaveLength(matviews.length);
    expect(r.refreshed.every((x) => x.concurrently)).toBe(true);
  });
});
