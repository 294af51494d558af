import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { emptyMigrationsDir } from '../core/migrations/testing/engine-fixtures';

/**
 * A migration that runs partly outside a transaction, stopped half-way: status says which
 * statements committed (partly_applied, not pending), up refuses to run it again blind, resume
 * continues from the first statement not done, repair marks it applied after a fix by hand.
 */
let db: TestDatabase;
beforeAll(async () => {
  await bundleCli();
});
beforeEach(async () => {
  db = await createTestDatabase('mig_partly');
});
afterEach(async () => {
  await db.drop();
});

const migrate = (...args: string[]) => runCli(['migrate', ...args, '--url', db.url]);

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Row = {
  version: string;
  status: string;
  progress?: { completed: number; running: number | null; statements: number; summary: string } | null;
};
const statusOf = async (dir: string) =>
  JSON.parse((await migrate('status', '--dir', dir, '--json')).stdout) as {
    migrations: Row[];
    invalidIndexes: Array<{ name: string; fix: string }>;
  };

describe('a partly transactional migration stopped half-way', () => {
  it('killed with SIGKILL after its CONCURRENTLY index was built: partly applied, refused, then resumed', async () => {
    const dir = emptyMigrationsDir();
    // slow only while the flag table exists: the file stays the same for the resume
    await db.pool.query('CREATE TABLE slow_flag ()');
    writeFileSync(
      path.join(dir, '1_build.up.sql'),
      [
        'CREATE TABLE events_k (id int, at timestamptz);',
        'CREATE INDEX CONCURRENTLY events_k_at ON events_k (at);',
        "SELECT pg_sleep(CASE WHEN to_regclass('slow_flag') IS NULL THEN 0 ELSE 30 END);",
        'CREATE TABLE after_k (id int);',
        '',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [await bundleCli(), 'migrate', 'up', '--url', db.url, '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(
      async () =>
        (
          await db.pool.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'",
          )
        ).rowCount === 1,
      30_000,
      'the statement after the index',
    );
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await until(
      async () =>
        (
          await db.pool.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ticketz-console migrate'",
          )
        ).rowCount === 0,
      15_000,
      'the killed sessions to end',
    );
    await db.pool.query('DROP TABLE slow_flag');

    const status = await statusOf(dir);
    expect(status.migrations[0]).toMatchObject({
      version: '1',
      status: 'partly_applied',
      progress: { completed: 2, running: null, statements: 4 },
    });
    expect(status.migrations[0]!.progress!.summary).toBe('statements 1–2 of 4 committed');

    const blind = await migrate('up', '--dir', dir);
    expect(blind.code).not.toBe(EXIT.ok);
    expect(blind.stderr).toContain('1 (build) is partly applied: statements 1–2 of 4 committed');
    expect(blind.stderr).toContain('Resume from statement 3 (migrate resume)');
    expect(blind.stderr).not.toMatch(/already exists|nothing of this migration was applied/);

    const resumed = await migrate('resume', '--dir', dir, '--json');
    expect(resumed.code).toBe(EXIT.ok);
    expect((JSON.parse(resumed.stdout) as { ran: Array<{ version: string }> }).ran.map((r) => r.version)).toEqual(['1']);
    expect((await statusOf(dir)).migrations[0]).toEqual(expect.not.objectContaining({ progress: expect.anything() }));
    expect((await statusOf(dir)).migrations[0]).toMatchObject({ status: 'applied' });
    const { rows } = await db.pool.query(
      "SELECT to_regclass('after_k') AS after, (SELECT count(*)::int FROM pg_index WHERE indexrelid = 'events_k_at'::regclass AND indisvalid) AS valid",
    );
    expect(rows).toEqual([{ after: 'after_k', valid: 1 }]);
  }, 90_000);

  it('a failed CONCURRENTLY build: partly applied with the error, its INVALID index reported with the fix; repair marks it applied', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(
      path.join(dir, '1_unique.up.sql'),
      [
        'CREATE TABLE dup_k (v int);',
        'INSERT INTO dup_k VALUES (1), (1);',
        'CREATE UNIQUE INDEX CONCURRENTLY dup_k_v ON dup_k (v);',
        'CREATE TABLE later_k ();',
        '',
      ].join('\n'),
    );
    const failed = await migrate('up', '--dir', dir);
    expect(failed.code).toBe(EXIT.sqlError);
    expect(failed.stderr).toContain('It left the INVALID index public.dup_k_v. Fix: DROP INDEX CONCURRENTLY');
    expect(failed.stderr).toContain('the migration is partly applied');

    const status = await statusOf(dir);
    expect(status.migrations[0]).toMatchObject({ status: 'partly_applied', progress: { completed: 2, running: null } });
    expect(status.migrations[0]!.progress!.summary).toMatch(/^statements 1–2 of 4 committed; it failed: could not create unique index/);
    expect(status.invalidIndexes.map((i) => i.name)).toEqual(['dup_k_v']);

    // fixed by hand: the duplicate gone, the index rebuilt, the last table made
    await db.pool.query('DELETE FROM dup_k WHERE ctid = (SELECT max(ctid) FROM dup_k); REINDEX INDEX dup_k_v; CREATE TABLE later_k ()');
    const repaired = await migrate('repair', '1', '--dir', dir);
    expect(repaired.code).toBe(EXIT.ok);
    expect(repaired.stdout).toContain('Marked 1 (unique) repaired and applied');
    expect((await statusOf(dir)).migrations[0]).toMatchObject({ status: 'applied' });
    expect((await migrate('repair', '1', '--dir', dir)).code).not.toBe(EXIT.ok);
  }, 60_000);
});
