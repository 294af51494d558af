import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { diffCatalogSnapshots } from './catalog-snapshot';
import { MigrationError } from './errors';
import { engineFor, fixturesDir, snapshotOf } from './testing/engine-fixtures';

const databases: TestDatabase[] = [];
async function freshDb(): Promise<TestDatabase> {
  const db = await createTestDatabase('mig_fmt');
  databases.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});

/** Applies a fixture folder on an empty database and checks the history it leaves. */
async function applyAll(format: string) {
  const db = await freshDb();
  const empty = await snapshotOf(db.pool);
  const { engine, events } = engineFor(db.pool, path.join(fixturesDir, format));
  const ran = await engine.up();
  const status = await engine.status();
  const versions = status.migrations.filter((m) => m.status !== 'repeatable');
  expect(ran.map((r) => r.version)).toEqual(versions.map((m) => m.version));
  expect(versions.every((m) => m.status === 'applied' && m.appliedAt !== null && m.appliedBy !== null)).toBe(true);
  const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM ticketz_console.schema_migrations');
  expect(Number(rows[0]!.n)).toBe(versions.length);
  return { db, engine, events, empty };
}

describe('every discovery format applies from its fixtures on a real server', () => {
  it("this project's pairs: dollar quotes, DO blocks, function bodies, comments and COPY data survive; full down restores the empty catalog", async () => {
    const { db, engine, empty } = await applyAll('ticketz');
    const { rows } = await db.pool.query('SELECT id, name, note, slug, catalog.slug(name) AS fn FROM catalog.genres ORDER BY id');
    expect(rows).toEqual([
      { id: 1, name: 'Rock', note: 'loud; proud', slug: 'rock', fn: 'rock' },
      { id: 2, name: 'Jazz', note: null, slug: 'jazz', fn: 'jazz' },
      { id: 3, name: 'Opera', note: 'it\'s "grand"', slug: 'opera', fn: 'opera' },
    ]);
    const { rows: comment } = await db.pool.query("SELECT obj_description('catalog.genres'::regclass, 'pg_class') AS c");
    expect(comment[0].c).toBe('Genres; seeded by COPY');
    const back = await engine.down({ to: '0' });
    expect(back.map((r) => [r.direction, r.version])).toEqual([
      ['down', '0002'],
      ['down', '0001'],
    ]);
    expect(diffCatalogSnapshots(empty, await snapshotOf(db.pool))).toEqual([]);
    expect((await engine.status()).migrations.map((m) => m.status)).toEqual(['pending', 'pending']);
  });

  it('golang-migrate pairs: 10 runs after 2; rolling back past a migration without down is refused before anything runs', async () => {
    const { db, engine } = await applyAll('up-down');
    const { rows } = await db.pool.query("SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY 1");
    expect(rows.map((r) => r.indexname)).toEqual(['users_email_idx', 'users_pkey']);
    const refused = await engine.down({ to: '0' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MigrationError);
    expect((refused as MigrationError).details.blockers?.map((b) => b.code)).toEqual(['missing_down']);
    expect((await engine.status()).migrations.every((m) => m.status === 'applied')).toBe(true);
  });

  it('sqlx timestamped pairs apply and roll back to the empty catalog', async () => {
    const { db, engine, empty } = await applyAll('sqlx');
    await engine.down({ to: '0' });
    expect(diffCatalogSnapshots(empty, await snapshotOf(db.pool))).toEqual([]);
  });

  it('Flyway: versions in numeric order, R__ listed but not run, U scripts roll back', async () => {
    const { db, engine } = await applyAll('flyway');
    const { rows } = await db.pool.query("SELECT attname FROM pg_attribute WHERE attrelid = 'venues'::regclass AND attnum > 0 ORDER BY attnum");
    expect(rows.map((r) => r.attname)).toEqual(['id', 'name', 'city', 'capacity', 'country']);
    expect((await db.pool.query("SELECT to_regclass('venue_summary') AS v")).rows[0].v).toBeNull();
    const status = await engine.status();
    expect(status.migrations.at(-1)).toMatchObject({ name: 'venue summary', status: 'repeatable', flags: [expect.objectContaining({ code: 'repeatable' })] });
    const back = await engine.down({ steps: 2 });
    expect(back.map((r) => r.version)).toEqual(['2', '1.10']);
    expect((await db.pool.query("SELECT to_regclass('venue_names') AS v")).rows[0].v).toBeNull();
  });

  it('dbmate: sections of one file, transaction:false runs CREATE INDEX CONCURRENTLY; down restores the empty catalog', async () => {
    const { db, engine, empty, events } = await applyAll('dbmate');
    const { rows } = await db.pool.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'events_starts_at_idx'::regclass");
    expect(rows).toEqual([{ indisvalid: true }]);
    expect(events.some((e) => e.type === 'statement' && e.outsideTransaction && e.summary.startsWith('CREATE INDEX CONCURRENTLY'))).toBe(true);
    await engine.down({ to: '0' });
    expect(diffCatalogSnapshots(empty, await snapshotOf(db.pool))).toEqual([]);
  });

  it('diesel folders: version 0 first, a trigger function, run_in_transaction = false; down restores the empty catalog', async () => {
    const { db, engine, empty } = await applyAll('diesel');
    await db.pool.query('INSERT INTO orders (total_cents) VALUES (5)');
    expect((await db.pool.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_total_idx'::regclass")).rows).toEqual([{ indisvalid: true }]);
    await engine.down({ to: '0' });
    expect(diffCatalogSnapshots(empty, await snapshotOf(db.pool))).toEqual([]);
  });

  it('plain numbered files apply in order and are flagged as having no rollback', async () => {
    const { db, engine } = await applyAll('plain');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM seats WHERE row_label IS NULL')).rows[0].n).toBe(10);
    const status = await engine.status();
    expect(status.migrations.every((m) => !m.hasDown && m.flags.some((f) => f.message === 'plain .sql file: no rollback script'))).toBe(true);
    expect(status.warnings).toEqual([expect.stringContaining('notes.sql')]);
  });
});
