import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { withScratchDatabase } from './scratch-database';
import { emptyMigrationsDir } from './testing/engine-fixtures';
import { formatVerifyReport, verifyReversibility, type VerifyOptions } from './verify';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

function folder(files: Record<string, string>): string {
  const dir = emptyMigrationsDir();
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), sql);
  }
  return dir;
}

async function verify(files: Record<string, string>, options: Partial<VerifyOptions> = {}) {
  db = await createTestDatabase('verify');
  const config = { host: db.host, port: db.port, user: db.user, password: db.password, database: db.name };
  return withScratchDatabase(config, (pool) => verifyReversibility(pool, { dir: folder(files), ...options }));
}

describe('verify like the runner', () => {
  it("makes golang-migrate's schema_migrations (and sqlx's table) first, so a migration that alters it runs (Harbor's 0030)", async () => {
    const report = await verify({
      '0030_schema.up.sql': 'ALTER TABLE schema_migrations ADD COLUMN data_version int;\nINSERT INTO _sqlx_migrations VALUES (1, $$x$$, now(), true, $$\\x00$$, 1);\n',
      '0030_schema.down.sql': 'ALTER TABLE schema_migrations DROP COLUMN data_version;\nDELETE FROM _sqlx_migrations;\n',
    });
    expect(report.runnerTables).toEqual([
      { runner: 'golang-migrate', table: 'public.schema_migrations' },
      { runner: 'sqlx', table: 'public._sqlx_migrations' },
    ]);
    expect(report.migrations.map((m) => [m.version, m.outcome])).toEqual([['0030', 'ok']]);
    expect(report.ok).toBe(true);
  });

  it("makes diesel's __diesel_schema_migrations and Flyway's flyway_schema_history", async () => {
    const diesel = await verify({
      '2024-01-01-000000_note/up.sql': "COMMENT ON TABLE __diesel_schema_migrations IS 'diesel';\n",
      '2024-01-01-000000_note/down.sql': 'COMMENT ON TABLE __diesel_schema_migrations IS NULL;\n',
    });
    expect(diesel.runnerTables).toEqual([{ runner: 'diesel', table: 'public.__diesel_schema_migrations' }]);
    expect(diesel.summary).toMatchObject({ checked: 1, ok: 1 });
    await db?.drop();
    const flyway = await verify({
      'V13.1__note.sql': 'CREATE INDEX flyway_by_version ON flyway_schema_history (version);\n',
      'U13.1__note.sql': 'DROP INDEX flyway_by_version;\n',
    });
    expect(flyway.runnerTables).toEqual([{ runner: 'Flyway', table: 'public.flyway_schema_history' }]);
    expect(flyway.migrations.map((m) => [m.version, m.outcome])).toEqual([['13.1', 'ok']]);
  });
});

describe('honest outcomes', () => {
  it('migrations without a down script are skipped, and a run where every checked one passed is ok', async () => {
    const report = await verify({
      '1_a.up.sql': 'CREATE TABLE va (id int);\n',
      '2_b.up.sql': 'CREATE TABLE vb (id int);\n',
      '3_c.up.sql': 'CREATE TABLE vc (id int);\n',
      '3_c.down.sql': 'DROP TABLE vc;\n',
    });
    expect(report.migrations.map((m) => m.outcome)).toEqual(['skipped', 'skipped', 'ok']);
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ checked: 1, ok: 1, differs: 0, skipped: 2, failed: 0, notReached: 0 });
    expect(formatVerifyReport(report).at(-1)).toBe('1 checked: 1 ok, 0 differ; 2 skipped (no down script).');

    await db?.drop();
    const none = await verify({ '1_a.up.sql': 'CREATE TABLE va (id int);\n' });
    expect(none.ok).toBe(true);
    expect(none.summary).toMatchObject({ checked: 0, skipped: 1 });
  });

  it('stops on a failing statement and keeps the results so far, with the file, line and statement', async () => {
    const report = await verify({
      '1_a.up.sql': 'CREATE TABLE va (id int);\n',
      '1_a.down.sql': 'DROP TABLE va;\n',
      '2_b.up.sql': 'CREATE TABLE vb (id int);\nALTER TABLE vb\n  ADD COLUMN x nosuchtype;\n',
      '2_b.down.sql': 'DROP TABLE vb;\n',
      '3_c.up.sql': 'CREATE TABLE vc (id int);\n',
      '3_c.down.sql': 'DROP TABLE vc;\n',
    });
    expect(report.migrations.map((m) => [m.version, m.outcome])).toEqual([
      ['1', 'ok'],
      ['2', 'failed'],
    ]);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ checked: 2, ok: 1, failed: 1, notReached: 1 });
    expect(report.stopped).toMatchObject({
      version: '2',
      phase: 'up',
      kind: 'sql',
      file: '2_b.up.sql',
      line: 3,
      statement: 'ALTER TABLE vb\n  ADD COLUMN x nosuchtype',
    });
    expect(report.stopped?.message).toContain('type "nosuchtype" does not exist');
    const text = formatVerifyReport(report).join('\n');
    expect(text).toContain('The check stopped at 2 b (up) at 2_b.up.sql:3:16:');
    expect(text).toContain('    ALTER TABLE vb\n      ADD COLUMN x nosuchtype');
  });

  it('a failing down script is reported as failed, with its statement', async () => {
    const report = await verify({ '1_a.up.sql': 'CREATE TABLE va (id int);\n', '1_a.down.sql': 'DROP TABLE nosuchtable;\n' });
    expect(report.migrations.map((m) => m.outcome)).toEqual(['failed']);
    expect(report.stopped).toMatchObject({ phase: 'down', file: '1_a.down.sql', line: 1, statement: 'DROP TABLE nosuchtable' });
  });
});

describe('relaxations', () => {
  const leaky = {
    '1_t.up.sql': 'CREATE TABLE vt (a int, b int, c int);\n',
    '1_t.down.sql': 'DROP TABLE vt;\n',
    // Down restores b at the end, leaves the comment, the view, the audit table and its trigger function.
    '2_leaky.up.sql': [
      'ALTER TABLE vt DROP COLUMN b;',
      "COMMENT ON TABLE vt IS 'slim';",
      'CREATE OR REPLACE VIEW vt_view AS SELECT a FROM vt;',
      'CREATE MATERIALIZED VIEW IF NOT EXISTS vt_mat AS SELECT a FROM vt;',
      'CREATE TABLE IF NOT EXISTS audit_vt (id int);',
      'CREATE OR REPLACE FUNCTION audit_touch() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      '',
    ].join('\n'),
    '2_leaky.down.sql': 'ALTER TABLE vt ADD COLUMN b int;\n',
  };

  it('without them, every difference counts', async () => {
    const report = await verify(leaky, { from: '2' });
    expect(report.migrations[0]?.outcome).toBe('differs');
    expect(report.migrations[0]?.afterDown.map((d) => `${d.kind} ${d.object} ${d.attribute ?? d.change}`)).toEqual(
      expect.arrayContaining(['column public.vt.c position', 'relation public.vt comment', 'relation public.vt_view added', 'relation public.audit_vt added']),
    );
  });

  it('--ignore column-order, comments, views and --exclude audit_* make it pass, and the report says what they hid', async () => {
    const report = await verify(leaky, { from: '2', ignore: ['column-order', 'comments', 'views'], exclude: ['audit_*'] });
    expect(report.migrations[0]).toMatchObject({ outcome: 'ok', afterDown: [], afterReapply: [] });
    expect(report.ok).toBe(true);
    expect(report.migrations[0]?.ignored).toBeGreaterThan(0);
    const because = Object.fromEntries(report.ignored.differences.map((d) => [d.because, d.count]));
    expect(because['column-order']).toBe(2); // b and c moved
    expect(because.comments).toBe(1);
    expect(because.views).toBeGreaterThanOrEqual(2); // vt_view, vt_mat and their columns
    expect(because['exclude audit_*']).toBeGreaterThanOrEqual(2); // the table, its column, the function
    expect(report.ignored).toMatchObject({ aspects: ['column-order', 'comments', 'views'], exclude: ['audit_*'] });
    expect(formatVerifyReport(report).join('\n')).toContain('Ignored: column-order, comments, views, exclude audit_* (');
  });
});
