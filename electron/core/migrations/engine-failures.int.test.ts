import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { type MigrationError } from './errors';
import { LOCK_KEYS } from './lock';
import { copyFixture, emptyMigrationsDir, engineFor } from './testing/engine-fixtures';

const databases: TestDatabase[] = [];
async function freshDb(): Promise<TestDatabase> {
  const db = await createTestDatabase('mig_fail');
  databases.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (e: unknown) => e as MigrationError);
const historyVersions = async (db: TestDatabase) =>
  (await db.pool.query<{ version: string }>('SELECT version FROM ticketz_console.schema_migrations ORDER BY version')).rows.map((r) => r.version);

describe('migration engine failures', () => {
  it('detects drift: an applied file that changed blocks up, with the drift flag', async () => {
    const db = await freshDb();
    const dir = copyFixture('up-down');
    const { engine } = engineFor(db.pool, dir);
    await engine.up({ to: '2' });
    appendFileSync(path.join(dir, '1_create_users.up.sql'), '\n-- edited after it was applied\n');
    const status = await engine.status();
    expect(status.migrations.map((m) => [m.version, m.status])).toEqual([
      ['1', 'drift'],
      ['2', 'applied'],
      ['10', 'pending'],
    ]);
    expect(status.migrations[0]!.checksum).not.toBe(status.migrations[0]!.appliedChecksum);
    const error = await failure(engine.up());
    expect(error.kind).toBe('blocked');
    expect(error.isDrift).toBe(true);
    expect(error.message).toContain('1_create_users.up.sql changed since it was applied');
    expect(await historyVersions(db)).toEqual(['1', '2']);
  });

  it('reports a failing statement at file:line:column, rolls its transaction back and records nothing', async () => {
    const db = await freshDb();
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_ok.up.sql'), 'CREATE TABLE ok (id int);\n');
    writeFileSync(path.join(dir, '2_broken.up.sql'), 'CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nSELECT *\n  FROM missing_table;\n');
    const { engine } = engineFor(db.pool, dir);
    const error = await failure(engine.up());
    expect(error.kind).toBe('sql');
    expect(error.details.position).toEqual({ file: '2_broken.up.sql', line: 4, column: 8 });
    expect(error.message).toMatch(/^Migration 2 \(broken\) failed at 2_broken\.up\.sql:4:8: relation "missing_table" does not exist/);
    expect(error.message).toContain('nothing of this migration was applied');
    expect((await db.pool.query("SELECT to_regclass('half') AS t, to_regclass('ok') AS ok")).rows[0]).toEqual({ t: null, ok: 'ok' });
    expect(await historyVersions(db)).toEqual(['1']);
  });

  it('a failed CREATE UNIQUE INDEX CONCURRENTLY reports the INVALID index it left and the fix; no history row', async () => {
    const db = await freshDb();
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_dupes.up.sql'), "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1), (1);\n");
    writeFileSync(path.join(dir, '2_unique.up.sql'), '-- must run outside a transaction\nCREATE UNIQUE INDEX CONCURRENTLY t_a_key ON t (a);\n');
    const { engine } = engineFor(db.pool, dir);
    const error = await failure(engine.up());
    expect(error.kind).toBe('sql');
    expect(error.message).toContain('could not create unique index "t_a_key"');
    expect(error.message).toContain('It left the INVALID index public.t_a_key. Fix: DROP INDEX CONCURRENTLY IF EXISTS public.t_a_key;');
    expect(await historyVersions(db)).toEqual(['1']);
    const status = await engine.status();
    expect(status.invalidIndexes).toEqual([{ schema: 'public', name: 't_a_key', table: 't', fix: 'DROP INDEX CONCURRENTLY IF EXISTS public.t_a_key;' }]);
    expect(status.migrations[1]).toMatchObject({ status: 'pending', flags: [expect.objectContaining({ code: 'no_down' }), expect.objectContaining({ code: 'non_transactional' })] });
  });

  it("refuses a script that commits midway, before running anything; skips a script's own BEGIN/COMMIT wrapper", async () => {
    const db = await freshDb();
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_wrapped.up.sql'), 'BEGIN;\nCREATE TABLE w (id int);\nCOMMIT;\n');
    writeFileSync(path.join(dir, '2_commits.up.sql'), 'CREATE TABLE c1 (id int);\nCOMMIT;\nCREATE TABLE c2 (id int);\n');
    const { engine } = engineFor(db.pool, dir);
    const error = await failure(engine.up());
    expect(error.details.blockers?.map((b) => b.code)).toEqual(['transaction_control']);
    expect(error.message).toContain('2_commits.up.sql:2: "COMMIT" would end the transaction');
    expect((await db.pool.query("SELECT to_regclass('w') AS w")).rows[0].w).toBeNull();
    await engine.up({ to: '1' });
    expect((await db.pool.query("SELECT to_regclass('w') AS w")).rows[0].w).toBe('w');
  });

  it('says what to grant when the role may not create the history table', async () => {
    const db = await freshDb();
    const role = `${db.name}_weak`;
    await db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'weak-password'; REVOKE CREATE ON DATABASE ${db.name} FROM PUBLIC`);
    const url = new URL(db.url);
    url.username = role;
    url.password = 'weak-password';
    const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
    try {
      const error = await failure(engineFor(pool, copyFixture('up-down')).engine.up());
      expect(error.kind).toBe('sql');
      expect(error.message).toMatch(/^Could not create the history table ticketz_console\.schema_migrations: permission denied for database/);
      expect(error.message).toContain('The role needs CREATE on the database');
    } finally {
      await pool.end();
      await db.pool.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`).catch(() => undefined);
    }
  });

  it('gives up waiting for another applier after lockWaitMs, naming who holds the lock', async () => {
    const db = await freshDb();
    const holder = new pg.Client({ connectionString: db.url, application_name: 'the-other-applier' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [...LOCK_KEYS]);
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const { engine, events } = engineFor(db.pool, copyFixture('up-down'), { lockWaitMs: 600 });
      const error = await failure(engine.up());
      expect(error.kind).toBe('lock_timeout');
      expect(error.message).toContain(`backend pid ${holderPid} "the-other-applier"`);
      expect(events[0]).toMatchObject({ type: 'lock-wait', message: expect.stringContaining('Waiting for another migration run to finish') });
      expect((await engineFor(db.pool, copyFixture('up-down')).engine.status()).historyTable).toBe(false);
    } finally {
      await holder.end();
    }
  });

  it('a lock_timeout inside a migration is a lock timeout, and a migration SET does not leak into the next one', async () => {
    const db = await freshDb();
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_busy.up.sql'), "CREATE TABLE busy (id int);\nSET statement_timeout = '100ms';\nSET search_path = nowhere;\n");
    writeFileSync(path.join(dir, '2_after.up.sql'), "SELECT pg_sleep(0.3);\nCREATE TABLE after_busy (setting text DEFAULT current_setting('search_path'));\n");
    writeFileSync(path.join(dir, '3_alter.up.sql'), 'ALTER TABLE busy ADD COLUMN x int;\n');
    const { engine } = engineFor(db.pool, dir, { lockTimeoutMs: 300 });
    await engine.up({ to: '2' });
    expect((await db.pool.query("SELECT to_regclass('public.after_busy') AS t")).rows[0].t).toBe('after_busy');

    const blocker = await db.pool.connect();
    try {
      await blocker.query('BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE');
      const error = await failure(engine.up());
      expect(error.kind).toBe('lock_timeout');
      expect(error.message).toContain('3_alter.up.sql:1:1: canceling statement due to lock timeout');
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect(await historyVersions(db)).toEqual(['1', '2']);
  });
});
