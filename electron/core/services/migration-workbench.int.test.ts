import { defaultMigrationsDir } from '../migrations/default-dir';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { RunActivity } from '../../../shared/contract/migration-workbench';
import type { RpcError } from '../../../shared/rpc/rpc-error';
import { copyFixture, emptyMigrationsDir, snapshotOf } from '../migrations/testing/engine-fixtures';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('svc_workbench');

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as RpcError,
  );

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function historyRows(): Promise<string[]> {
  const { rows } = await env.db.pool.query<{ present: boolean }>(
    "SELECT to_regclass('ticketz_console.schema_migrations') IS NOT NULL AS present",
  );
  if (!rows[0]!.present) return [];
  return (await env.db.pool.query<{ version: string }>('SELECT version FROM ticketz_console.schema_migrations ORDER BY 1')).rows.map(
    (r) => r.version,
  );
}

describe('folder handling', () => {
  it('lists sub-folders and .sql files only, and says what is wrong with a bad path', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '0001_a.up.sql'), 'SELECT 1;');
    writeFileSync(path.join(dir, 'README.md'), '# notes');
    writeFileSync(path.join(dir, '.hidden.sql'), '');
    mkdirSync(path.join(dir, '2024-01-01-000000_diesel'));
    writeFileSync(path.join(dir, '2024-01-01-000000_diesel', 'up.sql'), 'SELECT 1;');
    mkdirSync(path.join(dir, 'docs'));
    const listing = await env.call('migrations.browseFolder', { path: dir });
    expect(listing).toEqual({
      path: dir,
      parent: path.dirname(dir),
      folders: [
        { name: '2024-01-01-000000_diesel', migration: true },
        { name: 'docs', migration: false },
      ],
      sqlFiles: ['0001_a.up.sql'],
    });
    expect(await failure(env.call('migrations.browseFolder', { path: path.join(dir, 'nope') }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(env.call('migrations.browseFolder', { path: path.join(dir, 'README.md') }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('is a file'),
    });
  });

  it('reads the up and down text of one migration', async () => {
    const dir = copyFixture('ticketz');
    const sources = await env.call('migrations.sources', { dir, version: '2' });
    expect(sources).toMatchObject({
      version: '0002',
      name: 'add_genre_slug',
      format: 'up-down',
      upFile: '0002_add_genre_slug.up.sql',
      downFile: '0002_add_genre_slug.down.sql',
      transaction: true,
    });
    expect(sources.downSql).toContain('DROP COLUMN slug');
    expect(await failure(env.call('migrations.sources', { dir, version: '9' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('new migration files', () => {
  it('writes the next version with a header, in the folder only, never overwriting', async () => {
    const dir = copyFixture('ticketz');
    const created = await env.call('migrations.createFiles', {
      dir,
      name: 'add_genre_rank',
      purpose: 'rank genres\nfor the home page',
      author: 'Ada',
      upSql: 'ALTER TABLE catalog.genres ADD COLUMN rank int;',
      downSql: 'ALTER TABLE catalog.genres DROP COLUMN rank;',
    });
    expect(created).toMatchObject({
      version: '0003',
      format: 'up-down',
      upFile: '0003_add_genre_rank.up.sql',
      downFile: '0003_add_genre_rank.down.sql',
      upPath: path.join(dir, '0003_add_genre_rank.up.sql'),
    });
    const up = readFileSync(created.upPath, 'utf8');
    expect(up).toMatch(
      /^-- 0003_add_genre_rank \(up\)\n-- Purpose: rank genres\n-- {10}for the home page\n-- Author: {2}Ada\n-- Date: {4}\d{4}-\d{2}-\d{2}\n/,
    );
    expect(up).toContain('ADD COLUMN rank int;');
    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status.migrations.map((m) => [m.version, m.hasDown])).toContainEqual(['0003', true]);

    // A stray down file with the next version: nothing is overwritten and no half pair is left.
    writeFileSync(path.join(dir, '0004_other.down.sql'), '-- keep me\n');
    writeFileSync(path.join(dir, '0004_x.down.sql'), '-- keep me too\n');
    const clash = await failure(env.call('migrations.createFiles', { dir, name: 'x', purpose: 'p' }));
    expect(clash).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('0004_x.down.sql already exists') });
    expect(readFileSync(path.join(dir, '0004_x.down.sql'), 'utf8')).toBe('-- keep me too\n');
    expect(existsSync(path.join(dir, '0004_x.up.sql'))).toBe(false);
  });

  it("never writes into the app's bundled migrations folder", async () => {
    const before = readdirSync(defaultMigrationsDir());
    for (const dir of [undefined, defaultMigrationsDir(), `${defaultMigrationsDir()}/.`]) {
      const refused = await failure(env.call('migrations.createFiles', { ...(dir ? { dir } : {}), name: 'mine', purpose: 'p' }));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("not written into the app's bundled folder") });
    }
    expect(readdirSync(defaultMigrationsDir())).toEqual(before);
  });

  it('refuses names that would leave the folder', async () => {
    const dir = emptyMigrationsDir();
    for (const name of ['../evil', 'a/b', '..', 'Evil', '/abs']) {
      expect(await failure(env.call('migrations.createFiles', { dir, name, purpose: 'p' }))).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(path.dirname(dir)).some((f) => f.includes('evil'))).toBe(false);
  });

  it('follows a Flyway folder: V/U pair with the next version', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, 'V1__init.sql'), 'CREATE TABLE f (id int);');
    writeFileSync(path.join(dir, 'V2__more.sql'), 'CREATE TABLE g (id int);');
    const created = await env.call('migrations.createFiles', { dir, name: 'add_h', purpose: 'h' });
    expect([created.upFile, created.downFile]).toEqual(['V3__add_h.sql', 'U3__add_h.sql']);
  });
});

describe('dry run', () => {
  it('reports statements, rows, locks and the schema difference, and leaves the database unchanged', async () => {
    const dir = copyFixture('ticketz');
    writeFileSync(
      path.join(dir, '0003_index_names.up.sql'),
      'CREATE INDEX CONCURRENTLY genres_name ON catalog.genres (name);\nUPDATE catalog.genres SET note = upper(name);\n',
    );
    const before = await snapshotOf(env.db.pool);
    const report = await env.call('migrations.dryRun', { connectionId: env.id, dir });
    expect(report.ok).toBe(true);
    expect(report.migrations.map((m) => m.version)).toEqual(['0001', '0002', '0003']);
    const [first, second, third] = report.migrations;
    expect(first!.statements.every((s) => s.outcome === 'ran' && s.durationMs !== null)).toBe(true);
    const copy = first!.statements.find((s) => s.summary.startsWith('COPY'))!;
    expect(copy.line).toBe(29);
    expect(first!.statements[1]!.locks).toContainEqual(
      expect.objectContaining({
        locktype: 'relation',
        lock: 'ACCESS EXCLUSIVE',
        object: 'catalog.genres',
        relationKind: 'table',
        granted: true,
      }),
    );
    expect(second!.statements[0]!.outcome).toBe('ran');
    expect(third!.statements[0]).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('Not dry-runnable') });
    expect(third!.statements[1]).toMatchObject({ outcome: 'ran', rowCount: 3 });
    expect(report.differences.map((d) => `${d.kind} ${d.object} ${d.change}`)).toEqual(
      expect.arrayContaining([
        'schema catalog added',
        'relation catalog.genres added',
        'column catalog.genres.slug added',
        'function catalog.slug(input text) added',
      ]),
    );

    expect(await snapshotOf(env.db.pool)).toEqual(before);
    expect(await historyRows()).toEqual([]);
    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status.migrations.every((m) => m.status === 'pending')).toBe(true);
  });

  it('stops at a failing statement, reports it and still rolls everything back', async () => {
    const dir = emptyMigrationsDir();
    await env.db.pool.query('CREATE TABLE dry_existing (id int)');
    writeFileSync(path.join(dir, '1_ok.up.sql'), 'CREATE TABLE dry_ok (id int);\nALTER TABLE dry_existing ADD COLUMN note text;\n');
    writeFileSync(path.join(dir, '2_bad.up.sql'), 'INSERT INTO dry_ok VALUES (1);\nSELECT 1/0;\nCREATE TABLE dry_never (id int);\n');
    const before = await snapshotOf(env.db.pool);
    const report = await env.call('migrations.dryRun', { connectionId: env.id, dir });
    expect(report.ok).toBe(false);
    expect(report.migrations[0]!.statements[1]!.locks).toEqual([
      expect.objectContaining({ object: 'dry_existing', lock: 'ACCESS EXCLUSIVE', relationKind: 'table' }),
    ]);
    expect(report.migrations[1]!.statements.map((s) => s.outcome)).toEqual(['ran', 'failed', 'not_run']);
    expect(report.migrations[1]!.statements[0]).toMatchObject({ rowCount: 1 });
    expect(report.migrations[1]!.statements[1]!.message).toContain('division by zero');
    expect(report.differences.map((d) => d.object)).toContain('public.dry_ok');
    expect(await snapshotOf(env.db.pool)).toEqual(before);
  });
});

describe('apply in progress: lock panel and cancel', () => {
  it('cancels a running migration: no history row, still pending, audited as cancelled', async () => {
    const dir = emptyMigrationsDir();
    await env.db.pool.query('CREATE TABLE wb_slow (id int)');
    writeFileSync(path.join(dir, '1_slow.up.sql'), 'ALTER TABLE wb_slow ADD COLUMN y int;\nSELECT pg_sleep(30);\n');
    writeFileSync(path.join(dir, '1_slow.down.sql'), 'ALTER TABLE wb_slow DROP COLUMN y;\n');
    const taskId = 'cancel-me';
    const applying = env.call('migrations.apply', { connectionId: env.id, dir, taskId });
    const activity = await waitFor(
      () => env.call('migrations.runActivity', { connectionId: env.id, taskId }),
      (a: RunActivity) => a.applier?.query.includes('pg_sleep') ?? false,
      'the applier to sleep',
    );
    expect(activity).toMatchObject({ running: true, direction: 'up', pid: expect.any(Number) });
    expect(activity.locks).toContainEqual(expect.objectContaining({ object: 'wb_slow', lock: 'ACCESS EXCLUSIVE', granted: true }));

    const cancelled = await env.call('migrations.cancelRun', { connectionId: env.id, taskId });
    expect(cancelled).toEqual({ found: true, signalled: true, pid: activity.pid });
    expect(await failure(applying)).toMatchObject({ code: 'CANCELLED' });

    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status.migrations[0]!.status).toBe('pending');
    expect(await historyRows()).not.toContain('1');
    expect(
      (await env.db.pool.query("SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'wb_slow'::regclass AND attname = 'y'"))
        .rows[0].n,
    ).toBe(0);
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'migration.apply', outcome: 'cancelled' });
    expect(audit.entries[0]).toMatchObject({ detail: 'up: 1 slow', outcome: 'cancelled' });
    expect(await env.call('migrations.runActivity', { connectionId: env.id, taskId })).toMatchObject({ running: false, pid: null });
    expect(await env.call('migrations.cancelRun', { connectionId: env.id, taskId })).toEqual({ found: false, signalled: false, pid: null });
  });

  it('shows who blocks the applier while it waits for a lock', async () => {
    await env.db.pool.query('CREATE TABLE wb_busy (id int)');
    const holder = new pg.Client({ connectionString: env.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE wb_busy IN ACCESS SHARE MODE');
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const dir = emptyMigrationsDir();
      writeFileSync(path.join(dir, '5_alter.up.sql'), 'ALTER TABLE wb_busy ADD COLUMN x int;\n');
      const taskId = 'blocked-run';
      const applying = env.call('migrations.apply', { connectionId: env.id, dir, taskId, lockTimeoutMs: 30_000 });
      const activity = await waitFor(
        () => env.call('migrations.runActivity', { connectionId: env.id, taskId }),
        (a: RunActivity) => a.blockedBy.length > 0,
        'the applier to be blocked',
      );
      expect(activity.blockedBy.map((s) => s.pid)).toEqual([holderPid]);
      expect(activity.locks).toContainEqual(expect.objectContaining({ object: 'wb_busy', lock: 'ACCESS EXCLUSIVE', granted: false }));
      await env.call('migrations.cancelRun', { connectionId: env.id, taskId });
      expect(await failure(applying)).toMatchObject({ code: 'CANCELLED' });
    } finally {
      await holder.end();
    }
    expect(
      (await env.db.pool.query("SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'wb_busy'::regclass AND attname = 'x'"))
        .rows[0].n,
    ).toBe(0);
  });
});

describe('reversibility check', () => {
  it('flags a down script that forgets an index, on a scratch database', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_t.up.sql'), 'CREATE TABLE rv (id int, email text);\n');
    writeFileSync(path.join(dir, '1_t.down.sql'), 'DROP TABLE rv;\n');
    writeFileSync(path.join(dir, '2_idx.up.sql'), 'ALTER TABLE rv ADD COLUMN name text;\nCREATE INDEX rv_email ON rv (email);\n');
    writeFileSync(path.join(dir, '2_idx.down.sql'), 'ALTER TABLE rv DROP COLUMN name;\n');
    const report = await env.call('migrations.verify', { connectionId: env.id, dir });
    expect(report.ok).toBe(false);
    expect(report.scratch).toContain('temporary database');
    expect(report.migrations.map((m) => [m.version, m.outcome])).toEqual([
      ['1', 'ok'],
      ['2', 'differs'],
    ]);
    expect(report.migrations[1]!.afterDown.map((d) => d.text)).toContain('index public.rv_email: added');
    const { rows } = await env.db.pool.query("SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'ticketz_verify_%'");
    expect(rows[0].n).toBe(0);
  });
});
