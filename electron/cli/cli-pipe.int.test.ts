import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyMigrationsDir } from '../core/migrations/testing/engine-fixtures';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { EXIT } from './exit-codes';

/**
 * Every `--json` command's output arrives whole through a pipe (runCli reads stdout from one),
 * also when it is far larger than a pipe's 64 KiB buffer: process.exit() used to cut it there.
 * `demo --json` and `serve --json` print one short line and keep running, so they are not here.
 */
const MiB = 1024 * 1024;
const COUNT = 3600;
// 240 characters: the longest a migration file name allows (255 bytes with version and suffix)
const longName = (i: number) => `${`step_${i}_`.padEnd(240, 'x')}`;
const version = (i: number) => String(i).padStart(4, '0');

let db: TestDatabase;
let many: string;
let wide: string;

beforeAll(async () => {
  await bundleCli();
  db = await createTestDatabase('cli_pipe');
  many = emptyMigrationsDir();
  for (let i = 1; i <= COUNT; i++) {
    writeFileSync(path.join(many, `${version(i)}_${longName(i)}.up.sql`), 'SELECT 1;\n');
    writeFileSync(path.join(many, `${version(i)}_${longName(i)}.down.sql`), 'SELECT 1;\n');
  }
  // A migration whose rollback leaves thousands of columns behind: verify reports each one.
  wide = emptyMigrationsDir();
  const tables = Array.from({ length: 8 }, (_, t) => {
    const columns = Array.from({ length: 1200 }, (_, c) => `${`column_${c}_`.padEnd(60, 'c')} integer`).join(',\n  ');
    return `CREATE TABLE ${`wide_table_${t}_`.padEnd(60, 't')} (\n  ${columns}\n);`;
  });
  writeFileSync(path.join(wide, '0001_create_wide_tables.up.sql'), `${tables.join('\n')}\n`);
  writeFileSync(path.join(wide, '0001_create_wide_tables.down.sql'), 'SELECT 1;\n');
}, 180_000);
afterAll(async () => {
  await db?.drop();
});

const migrate = (...args: string[]) => runCli(['migrate', ...args, '--url', db.url, '--json'], { timeoutMs: 240_000 });

function wholeJson(run: { stdout: string; stderr: string }): unknown {
  expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(MiB);
  return JSON.parse(run.stdout);
}

describe('--json output through a pipe, over 1 MiB', () => {
  it('lint, status, plan, up, status again and down', async () => {
    const lint = await runCli(['migrate', 'lint', '--dir', many, '--json'], { timeoutMs: 120_000 });
    expect(lint.code).toBe(EXIT.ok);
    expect((wholeJson(lint) as { migrations: unknown[] }).migrations).toHaveLength(COUNT);

    const status = await migrate('status', '--dir', many);
    expect(status.code).toBe(EXIT.ok);
    const pending = wholeJson(status) as { migrations: Array<{ status: string; name: string }> };
    expect(pending.migrations).toHaveLength(COUNT);
    expect(pending.migrations.at(-1)).toMatchObject({ status: 'pending', name: longName(COUNT) });

    const plan = await migrate('plan', '--dir', many);
    expect(plan.code).toBe(EXIT.ok);
    expect((wholeJson(plan) as { steps: unknown[] }).steps).toHaveLength(COUNT);

    const up = await migrate('up', '--dir', many);
    expect(up.code).toBe(EXIT.ok);
    const ran = (wholeJson(up) as { ran: Array<{ version: string }> }).ran;
    expect(ran.map((r) => r.version)).toEqual(Array.from({ length: COUNT }, (_, i) => version(i + 1)));

    const applied = wholeJson(await migrate('status', '--dir', many)) as { migrations: Array<{ status: string }> };
    expect(applied.migrations.every((m) => m.status === 'applied')).toBe(true);

    const down = await migrate('down', '--dir', many, '--to', '0');
    expect(down.code).toBe(EXIT.ok);
    expect((wholeJson(down) as { ran: unknown[] }).ran).toHaveLength(COUNT);
  }, 480_000);

  it('verify, with a report of thousands of differences', async () => {
    const verify = await migrate('verify', '--dir', wide);
    expect(verify.code).toBe(EXIT.verifyFailed);
    const report = wholeJson(verify) as { ok: boolean; migrations: Array<{ outcome: string; afterDown: unknown[] }> };
    expect(report.ok).toBe(false);
    expect(report.migrations[0]?.outcome).toBe('differs');
    // 8 tables of 1,200 columns (and their row types) left behind by a down that does nothing
    expect(report.migrations[0]!.afterDown.length).toBeGreaterThan(9600);
  }, 240_000);
});
