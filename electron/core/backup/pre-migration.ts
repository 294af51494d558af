import { existsSync } from 'node:fs';
import type pg from 'pg';
import { discoverMigrations } from '../migrations/discover';
import deleteHistorySql from '../sql/migrations/delete-history.sql?raw';
import historyExistsSql from '../sql/migrations/history-exists.sql?raw';
import { MigrationEngine } from '../migrations/engine';
import { analyzeLocks } from '../migrations/locks/analyze-locks';
import { openSession, serverMajorOf } from './connect';
import { createBackup, type CreatedBackup } from './create-backup';
import { fileDigest, readManifest } from './manifest';
import { pgRestoreInto } from './pg-restore-into';
import type { PgToolSearch } from './pg-tools';
import { RestoreRefused } from './restore-backup';

/** The tables (that exist now) which the pending up migrations lock, from the lock analysis. */
export async function tablesTouchedByPending(pool: pg.Pool, dir: string, to?: string): Promise<{ versions: string[]; tables: string[] }> {
  const plan = await new MigrationEngine({ pool, dir }).plan({ direction: 'up', to });
  const scripts = new Map(discoverMigrations(dir).migrations.map((m) => [m.version, m.up.sql]));
  const tables = new Set<string>();
  const client = await pool.connect();
  try {
    for (const step of plan.steps)
      for (const statement of await analyzeLocks(client, scripts.get(step.version) ?? ''))
        for (const l of statement.locks)
          if (l.existsNow && (l.relationKind === 'table' || l.relationKind === 'partitioned table') && l.schema)
            tables.add(`${l.schema}.${l.name}`);
  } finally {
    client.release();
  }
  return { versions: plan.steps.map((s) => s.version), tables: [...tables].sort() };
}

/**
 * Before applying: dump the tables the pending migrations touch (their definition and rows), with
 * a manifest that says so. Returns undefined when nothing pending touches an existing table.
 */
export async function snapshotBeforeMigrations(options: {
  config: pg.ClientConfig;
  pool: pg.Pool;
  dir: string;
  to?: string;
  outDir: string;
  tools?: PgToolSearch;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; detail: string }) => void;
}): Promise<CreatedBackup | undefined> {
  const { versions, tables } = await tablesTouchedByPending(options.pool, options.dir, options.to);
  if (versions.length === 0 || tables.length === 0) return undefined;
  return createBackup({
    config: options.config,
    outDir: options.outDir,
    scope: { tables },
    label: 'premigration',
    preMigration: { dir: options.dir, versions },
    tools: options.tools,
    signal: options.signal,
    onProgress: options.onProgress,
  });
}

/**
 * "Restore from the pre-migration backup": the snapshot's tables are dropped and recreated from it,
 * with their rows, in the database they came from, in one transaction (a failure changes nothing).
 * Only for pre-migration snapshots, and only into the database they were taken of. Tables a
 * migration created are not in the snapshot and stay; the migrations' history rows are removed.
 */
export async function restoreTablesInPlace(options: {
  config: pg.ClientConfig;
  file: string;
  tools?: PgToolSearch;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; detail: string }) => void;
}): Promise<{ database: string; tables: string[]; forgotten: string[] }> {
  if (!existsSync(options.file)) throw new RestoreRefused(`${options.file} does not exist.`);
  const manifest = readManifest(options.file);
  if (!manifest.preMigration)
    throw new RestoreRefused(`${options.file} is not a pre-migration snapshot; restore it into a new database instead.`);
  const database = options.config.database ?? '';
  if (manifest.database !== database)
    throw new RestoreRefused(`${options.file} was taken of "${manifest.database}", not of "${database}".`);
  const digest = await fileDigest(options.file);
  if (digest.bytes !== manifest.bytes || digest.sha256 !== manifest.sha256)
    throw new RestoreRefused(`${options.file} does not match its manifest (size or sha256): it is truncated or altered.`);
  const session = await openSession(options.config);
  try {
    const serverMajor = await serverMajorOf(session);
    // Tables a failed or unwanted migration created are not in the snapshot; the ones it had are.
    await pgRestoreInto({ ...options, database, serverMajor, manifest, clean: true });
    // The tables are as before those migrations, so the history forgets them: status shows them pending again.
    const { rows } = await session.query<{ present: boolean }>(historyExistsSql);
    const forgotten: string[] = [];
    if (rows[0]?.present)
      for (const version of manifest.preMigration.versions)
        if ((await session.query(deleteHistorySql, [version])).rowCount) forgotten.push(version);
    return { database, tables: manifest.tables.map((t) => `${t.schema}.${t.name}`), forgotten };
  } finally {
    await session.end().catch(() => undefined);
  }
}
