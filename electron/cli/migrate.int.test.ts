import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_KEYS } from '../core/migrations/lock';
import { copyFixture, emptyMigrationsDir } from '../core/migrations/testing/engine-fixtures';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { EXIT } from './exit-codes';

let db: TestDatabase;
beforeAll(async () => {
  await bundleCli();
});
// Each test gets a database of its own: their histories must not meet.
beforeEach(async () => {
  db = await createTestDatabase('cli_migrate');
});
afterEach(async () => {
  await db.drop();
});

const migrate = (...args: string[]) => runCli(['migrate', ...args, '--url', db.url]);

describe('ticketz-console migrate', () => {
  it('status --json, plan, up, down: the documented output and exit codes', async () => {
    const dir = copyFixture('ticketz');
    const before = await migrate('status', '--dir', dir, '--json');
    expect(before.code).toBe(EXIT.ok);
    const { migrations } = JSON.parse(before.stdout) as { migrations: Array<Record<string, unknown>> };
    expect(migrations).toHaveLength(2);
    expect(Object.keys(migrations[0]!).sort()).toEqual(['appliedAt', 'checksum', 'hasDown', 'name', 'status', 'version']);
    expect(migrations[0]).toMatchObject({
      version: '0001',
      name: 'create_catalog',
      status: 'pending',
      hasDown: true,
      appliedAt: null,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const plan = await migrate('plan', '--dir', dir);
    expect(plan.code).toBe(EXIT.ok);
    expect(plan.stdout).toContain('up would apply 2 migrations, in this order:');
    expect(plan.stdout).toContain('0001  create_catalog  (0001_create_catalog.up.sql: 6 statements, one transaction)');

    const up = await migrate('up', '--dir', dir, '--to', '0001');
    expect(up.code).toBe(EXIT.ok);
    expect(up.stdout).toMatch(/^Applied 1 migration in /);
    expect(up.stderr).toContain('→ 0001 create_catalog (0001_create_catalog.up.sql)');

    const status = await migrate('status', '--dir', dir);
    expect(status.code).toBe(EXIT.ok);
    expect(status.stdout).toMatch(/0001\s+create_catalog\s+applied\s+yes/);
    expect(status.stdout).toMatch(/0002\s+add_genre_slug\s+pending\s+yes/);

    const rest = await migrate('up', '--dir', dir, '--json');
    expect(JSON.parse(rest.stdout)).toMatchObject({ ran: [{ direction: 'up', version: '0002', name: 'add_genre_slug' }] });
    const down = await migrate('down', '--dir', dir, '--to', '0');
    expect(down.code).toBe(EXIT.ok);
    expect(down.stdout).toMatch(/^Rolled back 2 migrations/);
    expect((await db.pool.query("SELECT to_regnamespace('catalog') AS s")).rows[0].s).toBeNull();
  });

  it('exits 3 on drift, 5 on an SQL error (with file:line:column), 4 when the applier lock is not released', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_a.up.sql'), 'CREATE TABLE cli_a (id int);\n');
    expect((await migrate('up', '--dir', dir)).code).toBe(EXIT.ok);
    appendFileSync(path.join(dir, '1_a.up.sql'), '-- changed\n');
    const drifted = await migrate('status', '--dir', dir);
    expect(drifted.code).toBe(EXIT.drift);
    expect(drifted.stdout).toContain('DRIFTED');
    const up = await migrate('up', '--dir', dir, '--json');
    expect(up.code).toBe(EXIT.drift);
    expect(JSON.parse(up.stdout)).toMatchObject({
      error: { kind: 'blocked', message: expect.stringContaining('changed since it was applied') },
    });

    const broken = emptyMigrationsDir();
    writeFileSync(path.join(broken, '2_b.up.sql'), 'CREATE TABLE cli_b (id int);\nALTER TABLE cli_b ADD COLUMN x nosuchtype;\n');
    const sql = await migrate('up', '--dir', broken);
    expect(sql.code).toBe(EXIT.sqlError);
    expect(sql.stderr).toContain('2_b.up.sql:2:32: type "nosuchtype" does not exist');

    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [...LOCK_KEYS]);
      const locked = await migrate('up', '--dir', broken, '--lock-wait', '300');
      expect(locked.code).toBe(EXIT.lockTimeout);
      expect(locked.stderr).toContain('Waiting for another migration run to finish');
    } finally {
      await holder.end();
    }
  });

  it('verify: exit 0 when every migration rolls back cleanly, 6 with the differences when one does not', async () => {
    const ok = await migrate('verify', '--dir', copyFixture('ticketz'));
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.stdout).toContain('Every checked migration rolls back cleanly.');

    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_t.up.sql'), 'CREATE TABLE v_t (id int);\n');
    writeFileSync(path.join(dir, '1_t.down.sql'), 'DROP TABLE v_t;\n');
    writeFileSync(
      path.join(dir, '2_leaky.up.sql'),
      'CREATE INDEX v_t_id ON v_t (id);\nCREATE FUNCTION v_f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n',
    );
    writeFileSync(path.join(dir, '2_leaky.down.sql'), 'DROP INDEX v_t_id;\n');
    const leaky = await migrate('verify', '--dir', dir, '--from', '2', '--json');
    expect(leaky.code).toBe(EXIT.verifyFailed);
    const report = JSON.parse(leaky.stdout) as {
      ok: boolean;
      migrations: Array<{ version: string; outcome: string; afterDown: unknown[] }>;
    };
    expect(report.ok).toBe(false);
    expect(report.migrations).toEqual([
      expect.objectContaining({
        version: '2',
        outcome: 'differs',
        afterDown: [{ kind: 'function', object: 'public.v_f()', change: 'added' }],
        note: expect.stringContaining('function "v_f" already exists'),
      }),
    ]);
    const scratch = /scratch database (ticketz_verify_[0-9a-f]+)/.exec(leaky.stderr)?.[1];
    expect(scratch).toBeDefined();
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [scratch]);
    expect(rows[0].n).toBe(0); // dropped afterwards
  });

  it('verify: skipped migrations do not fail the run; a failing statement exits 5 with the results so far (--json); --ignore/--exclude', async () => {
    const dir = emptyMigrationsDir();
    // Like Harbor: up scripts only, one of them altering golang-migrate's own table.
    writeFileSync(path.join(dir, '0001_init.up.sql'), 'CREATE TABLE h_project (id int);\n');
    writeFileSync(path.join(dir, '0030_schema.up.sql'), 'ALTER TABLE schema_migrations ADD COLUMN data_version int;\n');
    const skipped = await migrate('verify', '--dir', dir);
    expect(skipped.code).toBe(EXIT.ok);
    expect(skipped.stdout).toContain('skipped  0030  schema  (no down script: applied, not checked)');
    expect(skipped.stdout).toContain('0 checked: 0 ok, 0 differ; 2 skipped (no down script).');
    expect(skipped.stdout).toContain('public.schema_migrations (golang-migrate)');

    writeFileSync(path.join(dir, '0040_more.up.sql'), 'CREATE TABLE h_more (id int);\n');
    writeFileSync(path.join(dir, '0040_more.down.sql'), "COMMENT ON TABLE h_more IS 'kept';\nDROP TABLE h_more_typo;\n");
    const stopped = await migrate('verify', '--dir', dir, '--json');
    expect(stopped.code).toBe(EXIT.sqlError);
    const report = JSON.parse(stopped.stdout) as {
      ok: boolean;
      migrations: Array<{ version: string; outcome: string }>;
      stopped: Record<string, unknown>;
    };
    expect(report.ok).toBe(false);
    expect(report.migrations.map((m) => [m.version, m.outcome])).toEqual([
      ['0001', 'skipped'],
      ['0030', 'skipped'],
      ['0040', 'failed'],
    ]);
    expect(report.stopped).toMatchObject({
      version: '0040',
      phase: 'down',
      file: '0040_more.down.sql',
      line: 2,
      statement: 'DROP TABLE h_more_typo',
    });

    writeFileSync(path.join(dir, '0040_more.down.sql'), "COMMENT ON TABLE h_project IS 'left';\nDROP TABLE h_more;\n");
    expect((await migrate('verify', '--dir', dir)).code).toBe(EXIT.verifyFailed);
    const relaxed = await migrate('verify', '--dir', dir, '--ignore', 'comments', '--exclude', 'nothing_*');
    expect(relaxed.code).toBe(EXIT.ok);
    expect(relaxed.stdout).toContain('Ignored: comments, exclude nothing_* (2 by comments).'); // after down, and after up again
    const bad = await migrate('verify', '--dir', dir, '--ignore', 'colour');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('--ignore takes one of column-order, views, comments, owners, privileges');
  });

  it('plan --json and the text table give the lock mode per relation for each statement', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_t.up.sql'), 'CREATE TABLE plan_t (id int);\n');
    expect((await migrate('up', '--dir', dir)).code).toBe(EXIT.ok);
    writeFileSync(path.join(dir, '2_change.up.sql'), 'CREATE INDEX plan_t_id ON plan_t (id);\nALTER TABLE plan_t ADD COLUMN note text;\n');
    const json = await migrate('plan', '--dir', dir, '--json');
    expect(json.code).toBe(EXIT.ok);
    const plan = JSON.parse(json.stdout) as {
      steps: Array<{ version: string; locks: Array<{ line: number; locks: Array<Record<string, unknown>> }> }>;
    };
    expect(plan.steps.map((s) => s.version)).toEqual(['2']);
    expect(
      plan.steps[0]!.locks.map((s) => [s.line, s.locks.map((l) => [l.relation, l.lock, l.blocksWrites, l.blocksReads, l.existsNow])]),
    ).toEqual([
      [1, [['public.plan_t', 'SHARE', true, false, true]]],
      [2, [['public.plan_t', 'ACCESS EXCLUSIVE', true, true, true]]],
    ]);
    const text = await migrate('plan', '--dir', dir);
    expect(text.stdout).toContain('Locks, per statement (sizes as of now):');
    expect(text.stdout).toMatch(
      /2_change\.up\.sql:2\s+ALTER TABLE plan_t ADD COLUMN note text\s+public\.plan_t\s+ACCESS EXCLUSIVE\s+reads, writes/,
    );
  });

  it('routes lint to the linter, over the same discovery (exit 7 on an error finding)', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(
      path.join(dir, '20240101000000_drop.sql'),
      '-- migrate:up\nSELECT 1;\nDROP TABLE legacy;\n-- migrate:down\nCREATE TABLE legacy (id int);\n',
    );
    const lint = await runCli(['migrate', 'lint', '--dir', dir]);
    expect(lint.code).toBe(EXIT.lintFailed);
    expect(lint.stdout).toContain('20240101000000_drop.sql:3:1  error  dropping-table');
  });

  it('a wrong --dir fails: status, up and lint exit 2 and name the formats they looked for', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, 'schema.sql'), 'CREATE TABLE wrong_dir (id int);\n');
    // lint reads files only and takes no --url.
    for (const run of [
      await migrate('status', '--dir', dir),
      await migrate('up', '--dir', dir),
      await runCli(['migrate', 'lint', '--dir', dir]),
    ]) {
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toContain(`No migrations found in ${dir}`);
      expect(run.stderr).toContain('Flyway: V1__name.sql');
      expect(run.stderr).toContain('schema.sql was ignored');
    }
    expect((await db.pool.query("SELECT to_regclass('wrong_dir') AS t")).rows[0].t).toBeNull();
  });

  it('exits 2 on a usage error', async () => {
    const bad = await runCli(['migrate', 'sideways']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('Unknown migrate command "sideways"');
    expect((await runCli(['migrate', 'down', '--steps', '0', '--url', db.url])).code).toBe(EXIT.usage);
  });
});
