import type pg from 'pg';
import type { BackupManifest } from './manifest';
import { resolvePgTool, type PgTool, type PgToolSearch } from './pg-tools';
import { runTool } from './spawn-tool';
import { libpqEnv } from './tool-env';

export interface RestoreIntoOptions {
  config: pg.ClientConfig;
  file: string;
  /** The database to restore into; it must exist. */
  database: string;
  serverMajor: number;
  manifest?: BackupManifest;
  /** Drop each object before creating it (restoring over an existing database). */
  clean?: boolean;
  /** Skip ownership and grants (restoring on a server without the source's roles). */
  noOwner?: boolean;
  /** Only these sections (pg_restore --section): a partial dump's post-data may name objects it lacks. */
  sections?: ('pre-data' | 'data' | 'post-data')[];
  tools?: PgToolSearch;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; detail: string }) => void;
}

/** `dbname='…'` for --dbname: a bare name that looks like a URL or holds `=` would be read as a conninfo. */
export const conninfoDbname = (name: string) => `dbname='${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** pg_restore must read the archive (not older than the pg_dump that wrote it) and speak to the server. */
export async function pgRestoreFor(serverMajor: number, manifest: BackupManifest | undefined, tools?: PgToolSearch): Promise<PgTool> {
  const dumpMajor = manifest ? Number(/\(PostgreSQL\)\s+(\d+)/.exec(manifest.pgDump.version)?.[1] ?? 0) : 0;
  return resolvePgTool('pg_restore', Math.max(serverMajor, dumpMajor), tools);
}

/**
 * pg_restore into an existing database, in one transaction and stopping at the first error, so a
 * failed restore leaves nothing half-done. Progress counts the tables whose data it has loaded.
 */
export async function pgRestoreInto(options: RestoreIntoOptions): Promise<void> {
  const tool = await pgRestoreFor(options.serverMajor, options.manifest, options.tools);
  const total = Math.max(1, options.manifest?.tables.length ?? 0);
  let done = 0;
  await runTool(
    tool,
    [
      '--verbose',
      '--no-password',
      '--exit-on-error',
      '--single-transaction',
      ...(options.clean ? ['--clean', '--if-exists'] : []),
      ...(options.noOwner ? ['--no-owner', '--no-privileges'] : []),
      ...(options.sections ?? []).map((section) => `--section=${section}`),
      `--dbname=${conninfoDbname(options.database)}`,
      options.file,
    ],
    {
      env: libpqEnv(options.config, options.database),
      signal: options.signal,
      onLine: (line) => {
        // pg_restore: processing data for table "public.orders"
        const m = /processing data for table "(.+)"$/.exec(line);
        if (!m) return;
        done += 1;
        options.onProgress?.({ fraction: Math.min(0.95, done / total), detail: `pg_restore: ${m[1]}` });
      },
    },
  );
}
