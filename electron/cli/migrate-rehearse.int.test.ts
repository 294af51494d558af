import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { MigrationEngine } from '../core/migrations/engine';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { startDebianPostgres, type DebianPostgres } from '../core/testing/debian-postgres';
import { rehearseMigrations } from '../core/backup/rehearse';

let server: DebianPostgres;
let config: pg.ClientConfig;
let dir: string;

const write = (file: string, sql: string) => writeFileSync(path.join(dir, file), sql);

beforeAll(async () => {
  await bundleCli();
  server = await startDebianPostgres(15, 'ticketz-rehearse');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE shop');
  await admin.end();
  config = { host: '127.0.0.1', port: server.port, user: 'postgres', password: server.password, database: 'shop' };
  dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-rehearse-migrations-'));
  write(
    '0001_create_items.up.sql',
    "CREATE TABLE items (id int PRIMARY KEY, name text);\nINSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) AS g;\n",
  );
  write('0001_create_items.down.sql', 'DROP TABLE items;\n');
  const pool = new pg.Pool({ ...config, max: 3 });
  await new MigrationEngine({ pool, dir }).up();
  await pool.query('CREATE TABLE other AS SELECT g AS id FROM generate_series(1, 50) AS g');
  await pool.end();
  write('0002_add_price.up.sql', 'ALTER TABLE items ADD COLUMN price numeric;\nUPDATE items SET price = id * 1.5;\n');
  write('0002_add_price.down.sql', 'ALTER TABLE items DROP COLUMN price;\n');
  write('0003_drop_cheap.up.sql', 'DELETE FROM items WHERE id > 90;\n');
  write('0003_drop_cheap.down.sql', 'SELECT 1;\n');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sourceState = async () => {
  const c = new pg.Client(config);
  await c.connect();
  try {
    const rows = (await c.query<{ n: string }>('SELECT count(*)::text AS n FROM items')).rows[0]!.n;
    const price = (await c.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'price'")).rowCount;
    const dbs = (await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ticketz_%'")).rows;
    return { rows, price, scratch: dbs.length };
  } finally {
    await c.end();
  }
};

describe('migrate rehearse on a restored copy (PostgreSQL 15)', () => {
  it('reports per migration and statement, finds the lost rows, and never changes the source', async () => {
    const report = await rehearseMigrations({ config, dir });
    expect(report.backup.source).toBe('fresh');
    expect(report.migrations.map((m) => [m.version, m.ok])).toEqual([
      ['0002', true],
      ['0003', true],
    ]);
    const add = report.migrations[0]!;
    expect(add.statements).toHaveLength(2);
    expect(add.statements[0]!.locks).toEqual([expect.objectContaining({ table: 'public.items', lock: 'ACCESS EXCLUSIVE' })]);
    expect(add.statements.every((s) => s.durationMs >= 0)).toBe(true);
    expect(add.tables).toEqual([{ table: 'public.items', rowsBefore: '100', rowsAfter: '100' }]);
    expect(report.migrations[1]!.tables).toEqual([{ table: 'public.items', rowsBefore: '100', rowsAfter: '90' }]);
    expect(report.untouched).toEqual(expect.arrayContaining([{ table: 'public.other', rows: '50', unchanged: true }]));
    expect(report.lostRows).toEqual([{ table: 'public.items', before: '100', after: '90' }]);
    expect(report.ok).toBe(false);
    expect(await sourceState()).toEqual({ rows: '100', price: 0, scratch: 0 });
  });

  it('passes when the loss is allowed, and exits 5 through the CLI when a migration fails', async () => {
    expect((await rehearseMigrations({ config, dir, allowLoss: ['public.items'] })).problems).toEqual([]);
    const lost = await runCli(['migrate', 'rehearse', '--url', server.urlFor('shop'), '--dir', dir], { timeoutMs: 120_000 });
    expect(lost.code).toBe(EXIT.rowsLost);
    expect(lost.stdout).toContain('public.items: 100 → 90 rows');
    write('0004_broken.up.sql', 'ALTER TABLE items ADD COLUMN name text;\n');
    write('0004_broken.down.sql', 'SELECT 1;\n');
    const failed = await runCli(['migrate', 'rehearse', '--url', server.urlFor('shop'), '--dir', dir, '--json'], { timeoutMs: 120_000 });
    expect(failed.code).toBe(EXIT.sqlError);
    const report = JSON.parse(failed.stdout) as { migrations: { version: string; ok: boolean; error?: string }[] };
    expect(report.migrations.at(-1)).toMatchObject({ version: '0004', ok: false, error: expect.stringContaining('already exists') });
    expect(await sourceState()).toEqual({ rows: '100', price: 0, scratch: 0 });
  });
});
