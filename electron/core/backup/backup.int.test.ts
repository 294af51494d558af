import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debianBinDir, startDebianPostgres, type DebianPostgres } from '../testing/debian-postgres';
import { applyTicketzSchema } from '../testing/ticketz-schema';
import { createBackup } from './create-backup';
import { manifestPathFor, readManifest } from './manifest';
import { RestoreRefused, restoreBackup } from './restore-backup';
import { verifyBackup } from './verify-backup';

/** Only Debian's PostgreSQL 15 tools, not whatever else PATH holds. */
const tools = { usePath: false, installDirs: [debianBinDir(15)] };

let server: DebianPostgres;
let pool: pg.Pool;
let config: pg.ClientConfig;
let outDir: string;

beforeAll(async () => {
  server = await startDebianPostgres(15, 'ticketz-backup');
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE ticketz');
  await admin.end();
  config = { host: '127.0.0.1', port: server.port, user: 'postgres', password: server.password, database: 'ticketz' };
  pool = new pg.Pool({ ...config, max: 4 });
  await applyTicketzSchema(pool);
  // The demo seed needs PostgreSQL 18 (uuidv7); these rows cover the types whose text form must
  // not change across a restore (floats, times, bytea, json, NULLs, non-ASCII text).
  await pool.query(`CREATE TABLE public.mixed AS
    SELECT g AS id, g * 1.1::float8 AS f, (g / 7.0)::numeric(12, 4) AS n, now() - g * interval '1 minute' AS at,
           pg_catalog.decode(pg_catalog.md5(g::text), 'hex') AS b, pg_catalog.jsonb_build_object('k', g, 'é', 'ü') AS j,
           CASE WHEN g % 5 = 0 THEN NULL ELSE 'Zoë ' || g END AS t
      FROM pg_catalog.generate_series(1, 20000) AS g`);
  await pool.query(`INSERT INTO ticketing.organizations (name, slug) SELECT 'Org ' || g, 'org-' || g FROM generate_series(1, 50) AS g`);
  await pool.query('CREATE TABLE public.inserted_during_backup (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
  outDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-backups-'));
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const countRows = async (database: string, table: string) => {
  const c = new pg.Client({ ...config, database });
  await c.connect();
  try {
    return (await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]!.n;
  } finally {
    await c.end();
  }
};

const databases = async () => (await pool.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname);

describe('backups on PostgreSQL 15 with pg_dump 15', () => {
  let file: string;

  it('writes a custom-format dump and a manifest whose counts are the database’s', async () => {
    const fractions: number[] = [];
    const created = await createBackup({ config, outDir, tools, onProgress: (p) => fractions.push(p.fraction) });
    file = created.file;
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP'); // the custom format's magic
    const manifest = readManifest(file);
    expect(manifest.serverMajor).toBe(15);
    expect(manifest.pgDump.version).toMatch(/PostgreSQL\) 15\./);
    const mixed = manifest.tables.find((t) => t.schema === 'public' && t.name === 'mixed');
    expect(mixed?.rows).toBe(await countRows('ticketz', 'public.mixed'));
    expect(Number(mixed?.rows)).toBeGreaterThan(0);
    expect(mixed?.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(fractions.at(-1)).toBe(1);
    expect(readdirSync(outDir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('proves the backup by restoring it into a scratch database, then drops that database', async () => {
    const before = await databases();
    const report = await verifyBackup({ config, file, tools });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.scratchDatabase).toMatch(/^ticketz_verify_/);
    expect(await databases()).toEqual(before);
  });

  it('counts what the dump holds while rows are inserted during it (one exported snapshot)', async () => {
    let stop = false;
    let inserted = 0;
    const writer = (async () => {
      while (!stop) {
        await pool.query('INSERT INTO public.inserted_during_backup DEFAULT VALUES');
        inserted += 1;
      }
    })();
    const created = await createBackup({ config, outDir, tools, now: () => new Date(Date.now() + 1000) });
    stop = true;
    await writer;
    expect(inserted).toBeGreaterThan(0);
    const report = await verifyBackup({ config, file: created.file, tools });
    expect(report.problems).toEqual([]);
    const during = readManifest(created.file).tables.find((t) => t.name === 'inserted_during_backup')!;
    expect(Number(during.rows)).toBeLessThan(Number(await countRows('ticketz', 'public.inserted_during_backup')));
  });

  it('fails a truncated file and an altered one', async () => {
    const copy = (name: string) => {
      const target = path.join(outDir, name);
      writeFileSync(target, readFileSync(file));
      writeFileSync(manifestPathFor(target), readFileSync(manifestPathFor(file)));
      return target;
    };
    const truncated = copy('truncated.dump');
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2));
    const t = await verifyBackup({ config, file: truncated, tools });
    expect(t.ok).toBe(false);
    expect(t.problems.join(' ')).toMatch(/truncated/);

    const altered = copy('altered.dump');
    const bytes = readFileSync(altered);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(altered, bytes);
    const a = await verifyBackup({ config, file: altered, tools });
    expect(a.ok).toBe(false);
    expect(a.problems.join(' ')).toMatch(/altered/);
  });

  it('fails when the restored rows differ from the manifest (the comparison really compares)', async () => {
    const target = path.join(outDir, 'lying-manifest.dump');
    writeFileSync(target, readFileSync(file));
    const manifest = readManifest(file);
    const mixed = manifest.tables.find((t) => t.schema === 'public' && t.name === 'mixed')!;
    mixed.checksum = '0'.repeat(32);
    writeFileSync(manifestPathFor(target), JSON.stringify(manifest));
    const report = await verifyBackup({ config, file: target, tools });
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([expect.objectContaining({ schema: 'public', name: 'mixed', problem: 'checksum' })]);
  });

  it('restores into a new database, refuses an existing one without clean, and restores over it with clean', async () => {
    const result = await restoreBackup({ config, file, to: 'ticketz_copy', tools });
    expect(result.created).toBe(true);
    const expected = readManifest(file).tables.find((t) => t.schema === 'public' && t.name === 'mixed')!.rows;
    expect(await countRows('ticketz_copy', 'public.mixed')).toBe(expected);

    await expect(restoreBackup({ config, file, to: 'ticketz_copy', tools })).rejects.toBeInstanceOf(RestoreRefused);
    const c = new pg.Client({ ...config, database: 'ticketz_copy' });
    await c.connect();
    await c.query('DELETE FROM ticketing.organizations');
    await c.end();
    await restoreBackup({ config, file, to: 'ticketz_copy', clean: true, tools });
    expect(await countRows('ticketz_copy', 'ticketing.organizations')).toBe(
      readManifest(file).tables.find((t) => t.name === 'organizations')!.rows,
    );
  });

  it('dumps one table only, and that dump verifies', async () => {
    const created = await createBackup({
      config,
      outDir,
      tools,
      scope: { tables: ['ticketing.venues'] },
      now: () => new Date(Date.now() + 2000),
    });
    expect(created.manifest.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['ticketing.venues']);
    expect((await verifyBackup({ config, file: created.file, tools })).problems).toEqual([]);
  });

  it('leaves no file behind when cancelled', async () => {
    const controller = new AbortController();
    const promise = createBackup({
      config,
      outDir: path.join(outDir, 'cancelled'),
      tools,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ code: '57014' });
    expect(existsSync(path.join(outDir, 'cancelled')) ? readdirSync(path.join(outDir, 'cancelled')) : []).toEqual([]);
  });
});
