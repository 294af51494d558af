import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli } from '../testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { emptyMigrationsDir } from './testing/engine-fixtures';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('mig_kill');
  await bundleCli();
});
afterAll(async () => {
  await db.drop();
});

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an applier killed mid-migration', () => {
  it('leaves no half-applied migration and no history row; the next run continues where it stopped', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(path.join(dir, '1_first.up.sql'), 'CREATE TABLE first (id int);\n');
    writeFileSync(path.join(dir, '2_slow.up.sql'), 'CREATE TABLE slow (id int);\nINSERT INTO slow VALUES (1);\nSELECT pg_sleep(30);\nCREATE TABLE slow_after (id int);\n');
    writeFileSync(path.join(dir, '3_last.up.sql'), 'CREATE TABLE last (id int);\n');

    const child = spawn(process.execPath, [await bundleCli(), 'migrate', 'up', '--url', db.url, '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // Kill it while migration 2 sleeps inside its transaction.
    await until(async () => (await db.pool.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")).rowCount === 1, 30_000, 'the slow statement');
    expect(stderr).toContain('2 slow');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The server notices the dead client within a second or two (client_connection_check_interval),
    // long before pg_sleep(30) ends: the transaction rolls back, and the applier lock goes with its session.
    await until(async () => (await db.pool.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ticketz-console migrate'")).rowCount === 0, 15_000, 'the killed sessions to end');
    const { rows: history } = await db.pool.query('SELECT version FROM ticketz_console.schema_migrations ORDER BY version');
    expect(history).toEqual([{ version: '1' }]);
    const { rows: tables } = await db.pool.query("SELECT to_regclass('first') AS first, to_regclass('slow') AS slow, to_regclass('slow_after') AS after");
    expect(tables).toEqual([{ first: 'first', slow: null, after: null }]);
    expect((await db.pool.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).rowCount).toBe(0);

    // Make the slow migration quick and run again: it continues with migration 2.
    writeFileSync(path.join(dir, '2_slow.up.sql'), 'CREATE TABLE slow (id int);\nINSERT INTO slow VALUES (1);\nSELECT pg_sleep(0.1);\nCREATE TABLE slow_after (id int);\n');
    const rerun = await runCli(['migrate', 'up', '--url', db.url, '--dir', dir, '--json']);
    expect(rerun.code).toBe(0);
    expect((JSON.parse(rerun.stdout) as { ran: Array<{ version: string }> }).ran.map((r) => r.version)).toEqual(['2', '3']);
    const { rows: after } = await db.pool.query('SELECT version FROM ticketz_console.schema_migrations ORDER BY version');
    expect(after).toEqual([{ version: '1' }, { version: '2' }, { version: '3' }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM slow')).rows[0].n).toBe(1);
  }, 90_000);
});
