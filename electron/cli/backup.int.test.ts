import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { findPgTools } from '../core/backup/pg-tools';
import { createTestDatabase } from '../core/testing/test-database';
import { startDebianPostgres, type DebianPostgres } from '../core/testing/debian-postgres';
import { EXIT } from './exit-codes';

let server: DebianPostgres;
let dir: string;
let url: string;

beforeAll(async () => {
  await bundleCli();
  server = await startDebianPostgres(15, 'ticketz-cli-backup');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE shop');
  await admin.end();
  url = server.urlFor('shop');
  const shop = new pg.Client({ connectionString: url });
  await shop.connect();
  await shop.query(`CREATE TABLE items AS SELECT g AS id, 'item ' || g AS name FROM generate_series(1, 5000) AS g`);
  await shop.end();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-cli-backups-'));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const backup = (...args: string[]) => runCli(['backup', ...args], { timeoutMs: 120_000 });

describe('ticketz-console backup', () => {
  it('create --json, list, verify, restore: documented output and exit codes', async () => {
    const created = await backup('create', '--url', url, '--out', dir, '--json');
    expect(created.code).toBe(EXIT.ok);
    const { file } = JSON.parse(created.stdout) as { file: string };
    expect(path.dirname(file)).toBe(dir);
    expect(created.stderr).toMatch(/100%\s+done/);

    const list = await backup('list', '--dir', dir, '--json');
    const listed = JSON.parse(list.stdout) as { backups: { file: string; manifest: { tables: { name: string; rows: string }[] } }[] };
    expect(listed.backups.map((b) => b.file)).toEqual([file]);
    expect(listed.backups[0]!.manifest.tables).toEqual([expect.objectContaining({ name: 'items', rows: '5000' })]);

    const verified = await backup('verify', file, '--url', url);
    expect(verified.code).toBe(EXIT.ok);
    expect(verified.stdout).toMatch(/^Proven: /);
    expect((await backup('list', '--dir', dir)).stdout).toMatch(/proven/);

    expect((await backup('restore', file, '--url', url, '--to', 'shop_copy')).code).toBe(EXIT.ok);
    expect((await backup('restore', file, '--url', url, '--to', 'shop_copy')).code).toBe(EXIT.refused);
    expect((await backup('restore', file, '--url', url, '--to', 'shop_copy', '--clean')).code).toBe(EXIT.usage);
    expect((await backup('restore', file, '--url', url, '--to', 'shop_copy', '--clean', '--confirm', 'shop_copy')).code).toBe(EXIT.ok);

    truncateSync(file, 100);
    const damaged = await backup('verify', file, '--url', url, '--json');
    expect(damaged.code).toBe(EXIT.verifyFailed);
    expect((JSON.parse(damaged.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it('exits 8 with what to install when pg_dump is older than the server (the embedded PostgreSQL 18)', async (ctx) => {
    const newest = (await findPgTools('pg_dump'))[0];
    if (newest && newest.major >= 18) ctx.skip(); // this machine has a new enough pg_dump: nothing to refuse
    const db = await createTestDatabase('cli_backup_old_tool');
    try {
      const run = await backup('create', '--url', db.url, '--out', dir);
      expect(run.code).toBe(EXIT.toolMissing);
      expect(run.stderr).toMatch(/older than the server \(PostgreSQL 18\).*Install postgresql-client-18/s);
    } finally {
      await db.drop();
    }
  });

  it('gives pg_dump the password in its environment, never on its command line', async () => {
    const fake = mkdtempSync(path.join(os.tmpdir(), 'ticketz-fake-pgbin-'));
    const record = path.join(fake, 'record');
    // Reports a version newer than any real one (so it is chosen), then records argv and PGPASSWORD.
    writeFileSync(
      path.join(fake, 'pg_dump'),
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 99.0"; exit 0; fi\nprintf '%s\\n' "$@" > ${record}\necho "PGPASSWORD=$PGPASSWORD" >> ${record}\nexit 1\n`,
    );
    chmodSync(path.join(fake, 'pg_dump'), 0o755);
    try {
      const run = await backup('create', '--url', url, '--out', path.join(fake, 'out'), '--pg-bin', fake);
      expect(run.code).toBe(EXIT.failure);
      const lines = readFileSync(record, 'utf8').trim().split('\n');
      const argv = lines.slice(0, -1);
      expect(argv).toContain('--format=custom');
      expect(argv.some((a) => a.startsWith('--snapshot='))).toBe(true);
      expect(argv.join(' ')).not.toContain(server.password);
      expect(lines.at(-1)).toBe(`PGPASSWORD=${server.password}`);
      expect(readdirSync(path.join(fake, 'out'))).toEqual([]); // no partial left
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('prune keeps what the retention rules keep', async () => {
    expect((await backup('create', '--url', url, '--out', dir)).code).toBe(EXIT.ok);
    const before = readdirSync(dir).filter((f) => f.endsWith('.dump'));
    expect(before.length).toBeGreaterThanOrEqual(2);
    const dry = await backup('prune', '--dir', dir, '--keep-daily', '1', '--dry-run', '--json');
    const plan = JSON.parse(dry.stdout) as { kept: string[]; pruned: string[] };
    expect(plan.kept).toHaveLength(1);
    expect(plan.pruned).toHaveLength(before.length - 1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.dump'))).toEqual(before);
    expect((await backup('prune', '--dir', dir)).code).toBe(EXIT.usage);
    expect((await backup('prune', '--dir', dir, '--keep-daily', '1')).code).toBe(EXIT.ok);
    expect(readdirSync(dir).filter((f) => f.endsWith('.dump'))).toHaveLength(1);
  });
});
