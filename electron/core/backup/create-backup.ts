import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import snapshotExportSql from '../sql/backup/snapshot-export.sql?raw';
import { cancelBackend, openSession } from './connect';
import { fileDigest, writeManifest, type BackupManifest } from './manifest';
import { resolvePgTool, type PgToolSearch } from './pg-tools';
import { runTool } from './spawn-tool';
import { CHECKSUM_METHOD, dumpedTables, tableChecksums, type TableScope } from './table-checksums';
import { libpqEnv } from './tool-env';

export interface BackupProgress {
  fraction: number;
  detail: string;
}

export interface CreateBackupOptions {
  config: pg.ClientConfig;
  outDir: string;
  scope?: TableScope;
  tools?: PgToolSearch;
  /** pg_dump's --lock-wait-timeout: fail instead of queueing behind a migration's lock (default 60 s). */
  lockWaitMs?: number;
  /** Recorded in the manifest: this is the snapshot before these migrations. */
  preMigration?: { dir: string; versions: string[] };
  /** A word in the file name (`<database>-premigration-<time>.dump`). */
  label?: string;
  signal?: AbortSignal;
  onProgress?: (p: BackupProgress) => void;
  now?: () => Date;
}

export interface CreatedBackup {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/** `<base>.dump`, or `<base>-2.dump` … when two backups start in the same second: never overwrite one. */
function freeName(base: string): string {
  for (let i = 1; ; i++) {
    const file = i === 1 ? `${base}.dump` : `${base}-${i}.dump`;
    if (!existsSync(file) && !existsSync(`${file}.partial`)) return file;
  }
}

/** The patterns pg_dump gets for the scope: exact, quoted names (no wildcards from the user). */
function scopeArgs(scope: TableScope, tables: { schema: string; name: string }[]): string[] {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  if (scope.tables?.length) return tables.flatMap((t) => ['--table', `${quote(t.schema)}.${quote(t.name)}`]);
  if (scope.schema) return ['--schema', quote(scope.schema)];
  return [];
}

/**
 * pg_dump -Fc plus a manifest. A REPEATABLE READ transaction exports its snapshot; pg_dump runs
 * in that snapshot (--snapshot) while the same transaction counts and checksums each table, so the
 * manifest describes exactly the rows in the file. The dump is written under a .partial name and
 * renamed only when it and the manifest are complete.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const scope = options.scope ?? {};
  const startedAt = (options.now ?? (() => new Date()))();
  const report = options.onProgress ?? (() => undefined);
  const session = await openSession(options.config);
  let partial: string | undefined;
  try {
    await session.query('SET /* ticketz-console */ statement_timeout = 0');
    await session.query('BEGIN /* ticketz-console */ ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await session.query<{ snapshot: string; database: string; server_version: string; server_version_num: number }>(
      snapshotExportSql,
    );
    const info = rows[0]!;
    const serverMajor = Math.floor(info.server_version_num / 10000);
    const pgDump = await resolvePgTool('pg_dump', serverMajor, options.tools);
    const tables = await dumpedTables(session, scope);
    if (scope.tables?.length) {
      const found = new Set(tables.flatMap((t) => [t.name, `${t.schema}.${t.name}`]));
      const missing = scope.tables.filter((t) => !found.has(t));
      if (missing.length) throw new Error(`No such table: ${missing.join(', ')}.`);
    }

    mkdirSync(options.outDir, { recursive: true });
    const file = freeName(
      path.join(
        path.resolve(options.outDir),
        `${safeName(info.database)}-${options.label ? `${safeName(options.label)}-` : ''}${stamp(startedAt)}`,
      ),
    );
    partial = `${file}.partial`;
    const weight = (i: number) => Number(tables[i]?.bytes ?? 0) + 8192;
    const total = tables.reduce((sum, _t, i) => sum + weight(i), 0) || 1;
    let dumpedBytes = 0;
    let summedBytes = 0;
    const index = new Map(tables.map((t, i) => [`${t.schema}.${t.name}`, i]));
    const emit = (detail: string) => report({ fraction: Math.min(0.99, (dumpedBytes + summedBytes) / (2 * total)), detail });

    // One stop for both halves: the caller's cancel, or the other half failing.
    const stop = new AbortController();
    const onCancel = () => stop.abort();
    options.signal?.addEventListener('abort', onCancel, { once: true });
    const pid = (session as unknown as { processID: number }).processID;
    stop.signal.addEventListener('abort', () => void cancelBackend(options.config, pid), { once: true });
    let firstFailure: unknown;
    const failFast = (err: unknown) => {
      firstFailure ??= err;
      stop.abort();
      throw err;
    };

    const dump = runTool(
      pgDump,
      [
        '--format=custom',
        '--verbose',
        '--no-password',
        `--snapshot=${info.snapshot}`,
        `--lock-wait-timeout=${options.lockWaitMs ?? 60_000}`,
        `--file=${partial}`,
        ...scopeArgs(scope, tables),
      ],
      {
        env: libpqEnv(options.config, info.database),
        signal: stop.signal,
        onLine: (line) => {
          // pg_dump: dumping contents of table "public.orders"
          const m = /dumping contents of table "(.+)"$/.exec(line);
          const i = m ? index.get(m[1]!) : undefined;
          if (i === undefined) return;
          dumpedBytes += weight(i);
          emit(`pg_dump: ${m![1]}`);
        },
      },
    ).catch(failFast);
    const sums = tableChecksums(session, tables, (done) => {
      summedBytes += weight(done - 1);
      emit(`checksum: ${tables[done - 1]!.schema}.${tables[done - 1]!.name}`);
    }).catch(failFast);
    const [, summed] = await Promise.allSettled([dump, sums]);
    options.signal?.removeEventListener('abort', onCancel);
    if (firstFailure !== undefined || summed.status === 'rejected') throw firstFailure;
    await session.query('COMMIT /* ticketz-console */');

    report({ fraction: 0.99, detail: 'sha256 of the file' });
    const digest = await fileDigest(partial);
    renameSync(partial, file);
    partial = undefined;
    const manifest: BackupManifest = {
      format: 'ticketz-console-backup/1',
      file: path.basename(file),
      database: info.database,
      server: `${options.config.host ?? ''}:${options.config.port ?? 5432}`,
      serverVersion: info.server_version,
      serverMajor,
      pgDump: { path: pgDump.path, version: pgDump.version },
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      snapshot: info.snapshot,
      scope: { ...(scope.schema ? { schema: scope.schema } : {}), ...(scope.tables?.length ? { tables: scope.tables } : {}) },
      bytes: digest.bytes,
      sha256: digest.sha256,
      checksumMethod: CHECKSUM_METHOD,
      tables: summed.value,
      ...(options.preMigration ? { preMigration: options.preMigration } : {}),
    };
    const manifestFile = writeManifest(file, manifest);
    report({ fraction: 1, detail: 'done' });
    return { file, manifestFile, manifest };
  } catch (err) {
    if (options.signal?.aborted) Object.assign(err as object, { code: '57014' });
    throw err;
  } finally {
    if (partial) rmSync(partial, { force: true });
    await session.end().catch(() => undefined);
  }
}
