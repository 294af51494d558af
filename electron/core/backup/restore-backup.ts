import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type pg from 'pg';
import { quoteIdent } from '../../../shared/domain/quote-ident';
import { assertCanCreateDatabase, openSession, serverMajorOf } from './connect';
import { fileDigest, manifestPathFor, readManifest, type BackupManifest } from './manifest';
import { pgRestoreInto } from './pg-restore-into';
import type { PgToolSearch } from './pg-tools';

export interface RestoreOptions {
  config: pg.ClientConfig;
  file: string;
  /** The database to restore into. */
  to: string;
  /** Replace `to` when it exists. Without it an existing database is refused. */
  clean?: boolean;
  noOwner?: boolean;
  tools?: PgToolSearch;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; detail: string }) => void;
}

/** Refused before anything was changed: the caller said too little or the file is not sound. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  database: string;
  /** false: an existing database was replaced (--clean). */
  created: boolean;
  durationMs: number;
}

const exists = async (admin: pg.ClientBase, name: string) =>
  (
    await admin.query<{ exists: boolean }>(
      'SELECT /* ticketz-console */ EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = $1) AS exists',
      [name],
    )
  ).rows[0]!.exists;

const drop = (admin: pg.ClientBase, name: string) =>
  admin.query(`DROP DATABASE /* ticketz-console */ IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);

/**
 * Restores a backup into a new database (created from template0). With `clean`, an existing
 * database is replaced, but only once the new copy is complete: the restore goes into a fresh
 * database that then takes the old one's name (pg_restore --clean cannot drop partitions'
 * inherited constraints, and would leave a half-cleaned database when it fails). A manifest
 * beside the file is checked first: a file that does not match it is refused before the server
 * is touched.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  if (!existsSync(options.file)) throw new RestoreRefused(`${options.file} does not exist.`);
  let manifest: BackupManifest | undefined;
  if (existsSync(manifestPathFor(options.file))) {
    manifest = readManifest(options.file);
    const digest = await fileDigest(options.file);
    if (digest.bytes !== manifest.bytes || digest.sha256 !== manifest.sha256)
      throw new RestoreRefused(`${options.file} does not match its manifest (size or sha256): it is truncated or altered.`);
  }
  // The database being replaced cannot be renamed from a session inside it.
  const admin = await openSession(options.config, options.config.database === options.to ? 'postgres' : undefined);
  try {
    const serverMajor = await serverMajorOf(admin);
    await assertCanCreateDatabase(admin, 'Restore');
    const replacing = await exists(admin, options.to);
    if (replacing && !options.clean)
      throw new RestoreRefused(`The database "${options.to}" exists. Restore into a new name, or pass --clean to replace it.`);
    // Replacing a whole database with a dump of some of its tables would lose all the others.
    if (replacing && (manifest?.scope.tables?.length || manifest?.scope.schema))
      throw new RestoreRefused(
        `${options.file} holds only some tables; it cannot replace the database "${options.to}". Restore it into a new database, or restore its tables in place (a pre-migration snapshot).`,
      );
    const target = replacing ? `${options.to.slice(0, 40)}_restoring_${randomBytes(4).toString('hex')}` : options.to;
    await admin.query(`CREATE DATABASE /* ticketz-console */ ${quoteIdent(target)} TEMPLATE template0`);
    try {
      await pgRestoreInto({ ...options, database: target, serverMajor, manifest });
    } catch (err) {
      await drop(admin, target);
      throw err;
    }
    if (replacing) {
      const old = `${options.to.slice(0, 40)}_replaced_${randomBytes(4).toString('hex')}`;
      await admin.query(
        'SELECT /* ticketz-console */ pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()',
        [options.to],
      );
      await admin.query(`ALTER DATABASE /* ticketz-console */ ${quoteIdent(options.to)} RENAME TO ${quoteIdent(old)}`);
      await admin.query(`ALTER DATABASE /* ticketz-console */ ${quoteIdent(target)} RENAME TO ${quoteIdent(options.to)}`);
      await drop(admin, old);
    }
    options.onProgress?.({ fraction: 1, detail: 'restored' });
    return { database: options.to, created: !replacing, durationMs: performance.now() - started };
  } finally {
    await admin.end().catch(() => undefined);
  }
}
