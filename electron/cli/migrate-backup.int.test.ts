import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { startDebianPostgres, type DebianPostgres } from '../core/testing/debian-postgres';
import { EXIT } from './exit-codes';

let server: DebianPostgres;
let url: string;
let dir: string;
let backups: string;

beforeAll(async () => {
  await bundleCli();
  server = await startDebianPostgres(15, 'ticketz-premigration');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE shop');
  await admin.end();
  url = server.urlFor('shop');
  dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-premigration-dir-'));
  backups = mkdtempSync(path.join(os.tmpdir(), 'ticketz-premigration-backups-'));
  writeFileSync(
    path.join(dir, '0001_create_items.up.sql'),
    "CREATE TABLE items (id int PRIMARY KEY, name text);\nINSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) AS g;\n",
  );
  writeFileSync(path.join(dir, '0001_create_items.down.sql'), 'DROP TABLE items;\n');
  const applied = await runCli(['migrate', 'up', '--url', url, '--dir', dir]);
  expect(applied.code).toBe(EXIT.ok);
  // A destructive migration without a down script: the case the snapshot is for.
  writeFileSync(path.join(dir, '0002_drop_name.up.sql'), 'ALTER TABLE items DROP COLUMN name;\nDELETE FROM items WHERE id > 10;\n');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const d of [dir, backups]) if (d) rmSync(d, { recursive: true, force: true });
});

const items = async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const n = (await c.query<{ n: string }>('SELECT count(*)::text AS n FROM items')).rows[0]!.n;
    const cols = (
      await c.query<{ c: string }>(
        "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position",
      )
    ).rows.map((r) => r.c);
    return { n, cols };
  } finally {
    await c.end();
  }
};

describe('a snapshot before each migration, restored as one confirmed action', () => {
  it('migrate up --backup dumps the touched tables first; restore --in-place brings them back and the migration is pending again', async () => {
    const up = await runCli(['migrate', 'up', '--url', url, '--dir', dir, '--backup', '--backups-dir', backups]);
    expect(up.code).toBe(EXIT.ok);
    expect(up.stderr).toContain('Pre-migration snapshot of public.items:');
    expect(await items()).toEqual({ n: '10', cols: ['id'] });
    const file = path.join(
      backups,
      readdirSync(backups).find((f) => f.endsWith('.dump'))!,
    );
    expect(path.basename(file)).toMatch(/^shop-premigration-/);

    // Never over the whole database: it holds only some tables.
    expect((await runCli(['backup', 'restore', file, '--url', url, '--to', 'shop', '--clean', '--confirm', 'shop'])).code).toBe(
      EXIT.refused,
    );
    expect((await runCli(['backup', 'restore', file, '--url', url, '--in-place'])).code).toBe(EXIT.usage);
    const restored = await runCli(['backup', 'restore', file, '--url', url, '--in-place', '--confirm', 'shop']);
    expect(restored.code).toBe(EXIT.ok);
    expect(restored.stdout).toContain('migrations 0002 are pending again');
    expect(await items()).toEqual({ n: '100', cols: ['id', 'name'] });
    const status = await runCli(['migrate', 'status', '--url', url, '--dir', dir, '--json']);
    expect((JSON.parse(status.stdout) as { migrations: { version: string; status: string }[] }).migrations.map((m) => m.status)).toEqual([
      'applied',
      'pending',
    ]);
  });
});
