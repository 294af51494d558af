import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { BACKUP_AGE_HOURS, type BackupEntry, type backupsContract } from '../../../shared/contract/backups';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { listBackups, writeVerification, type BackupEntry as FolderEntry } from '../backup/backup-folder';
import { createBackup } from '../backup/create-backup';
import { readManifest } from '../backup/manifest';
import { chooseTool, findPgTools } from '../backup/pg-tools';
import { restoreTablesInPlace, snapshotBeforeMigrations } from '../backup/pre-migration';
import { restoreBackup } from '../backup/restore-backup';
import { verifyBackup } from '../backup/verify-backup';
import { iso, withCatalogRead } from '../db/catalog-read';
import { clientConfigFor } from '../db/pg-config';
import { negotiateSsl } from '../db/pool-registry';
import type { CoreDeps } from '../deps';
import { defaultMigrationsDir } from '../migrations/default-dir';
import type { HandlersFor } from '../rpc/dispatcher';
import walArchiverSql from '../sql/backup/wal-archiver.sql?raw';
import { profileResolver } from './connections';

interface WalRow {
  archive_mode: string;
  archived_count: string;
  last_archived_wal: string | null;
  last_archived_time: Date | null;
  failed_count: string;
  last_failed_wal: string | null;
  last_failed_time: Date | null;
  stats_reset: Date | null;
}

function toWire(e: FolderEntry): BackupEntry {
  const m = e.manifest;
  return {
    file: e.file,
    name: path.basename(e.file),
    bytes: e.bytes,
    at: e.at.toISOString(),
    database: m?.database ?? null,
    server: m?.server ?? null,
    serverVersion: m?.serverVersion ?? null,
    pgDumpVersion: m?.pgDump.version ?? null,
    tables: m?.tables ?? [],
    totalRows: String((m?.tables ?? []).reduce((s, t) => s + BigInt(t.rows), 0n)),
    ...(e.manifestError ? { manifestError: e.manifestError } : {}),
    preMigration: m?.preMigration ? { versions: m.preMigration.versions } : null,
    verification: e.verification ? { at: e.verification.at, ok: e.verification.ok, problems: e.verification.problems } : null,
  };
}

/** Backups, verify and restore as tasks (pg_dump / pg_restore child processes with progress and cancel), all audited. */
export function backupsHandlers(deps: CoreDeps): HandlersFor<typeof backupsContract> {
  const resolve = profileResolver(deps);
  const folder = (dir?: string) => path.resolve(dir ?? path.join(deps.dataDir, 'backups'));
  /** The connection's own client settings (its read-only flag included) for the tools and sessions. */
  const configFor = async (connectionId: string): Promise<{ config: pg.ClientConfig; environment: string; database: string }> => {
    const { fields, password } = resolve(connectionId);
    return {
      config: clientConfigFor(fields, password, await negotiateSsl(fields, password)),
      environment: fields.environment,
      database: fields.database,
    };
  };
  /** Only files the console wrote: a .dump with a manifest beside it. */
  const backupFile = (file: string) => {
    const resolved = path.resolve(file);
    if (!resolved.endsWith('.dump')) throw new RpcError('BAD_REQUEST', `${file} is not a backup (.dump) file.`);
    try {
      readManifest(resolved);
    } catch (err) {
      throw new RpcError('BAD_REQUEST', err instanceof Error ? err.message : String(err));
    }
    return resolved;
  };

  return {
    'backups.list': async ({ connectionId, dir }) => {
      const where = folder(dir);
      const entries = listBackups(where);
      const { config, database } = await configFor(connectionId);
      const server = `${config.host ?? ''}:${config.port ?? 5432}`;
      const newest = entries.find((e) => e.manifest?.database === database && e.manifest.server === server);
      const ageHours = newest ? (Date.now() - newest.at.getTime()) / 3_600_000 : null;
      const state =
        ageHours === null
          ? 'none'
          : ageHours >= BACKUP_AGE_HOURS.critical
            ? 'critical'
            : ageHours >= BACKUP_AGE_HOURS.warning
              ? 'warning'
              : 'ok';
      return { dir: where, backups: entries.map(toWire), age: { state, lastAt: newest ? newest.at.toISOString() : null, ageHours } };
    },

    'backups.create': async ({ connectionId, taskId, dir, schema }) => {
      const { config, database } = await configFor(connectionId);
      const outDir = folder(dir);
      const { result, info } = await deps.tasks.runJob({
        taskId,
        connectionId,
        kind: 'backup.create',
        label: `Backup of ${database}`,
        statement: `pg_dump --format=custom --snapshot=… ${schema ? `--schema ${schema} ` : ''}${database}`,
        audit: { action: 'backups.create', target: database, detail: `pg_dump -Fc into ${outDir}${schema ? ` (schema ${schema})` : ''}` },
        work: ({ signal, report }) => createBackup({ config, outDir, scope: { schema }, signal, onProgress: report }),
      });
      return { ...info, file: result.file };
    },

    'backups.verify': async ({ connectionId, taskId = randomUUID(), file }) => {
      const dumpFile = backupFile(file);
      const { config } = await configFor(connectionId);
      const { result, info } = await deps.tasks
        .runJob({
          taskId,
          connectionId,
          kind: 'backup.verify',
          label: `Verify ${path.basename(dumpFile)}`,
          statement: `pg_restore into a scratch database, compare with the manifest`,
          audit: { action: 'backups.verify', target: path.basename(dumpFile), detail: dumpFile },
          work: async ({ signal, report }) => {
            const r = await verifyBackup({ config, file: dumpFile, signal, onProgress: report });
            writeVerification(dumpFile, { at: new Date().toISOString(), ok: r.ok, problems: r.problems, durationMs: r.durationMs });
            // A backup that is not proven is a failed task (and audited as failed), with the reasons.
            if (!r.ok) throw Object.assign(new Error(`Not proven: ${r.problems.join(' ')}`), { report: r });
            return r;
          },
        })
        .catch((err: unknown) => {
          const report = (err as { report?: Awaited<ReturnType<typeof verifyBackup>> }).report;
          if (!report) throw err;
          return { result: report, info: { taskId, statement: 'pg_restore into a scratch database', elapsedMs: report.durationMs } };
        });
      return { ...info, report: result };
    },

    'backups.restore': async ({ connectionId, taskId, file, to, clean, confirmName }) => {
      const dumpFile = backupFile(file);
      const { config, environment } = await configFor(connectionId);
      if ((environment === 'production' || clean) && confirmName !== to)
        throw new RpcError(
          'BAD_REQUEST',
          `${clean ? `Restoring over "${to}" replaces it` : 'This is a production connection'}: type the database name "${to}" to confirm.`,
        );
      const { result, info } = await deps.tasks.runJob({
        taskId,
        connectionId,
        kind: 'backup.restore',
        label: `Restore ${path.basename(dumpFile)} into ${to}`,
        statement: `pg_restore --single-transaction --exit-on-error${clean ? ' (replacing the database)' : ''} into ${to}`,
        audit: { action: 'backups.restore', target: to, detail: `${dumpFile}${clean ? ' (replaced the existing database)' : ''}` },
        work: ({ signal, report }) => restoreBackup({ config, file: dumpFile, to, clean, signal, onProgress: report }),
      });
      return { ...info, database: result.database, created: result.created };
    },

    'backups.snapshotBeforeMigrations': async ({ connectionId, taskId, dir, to }) => {
      const { config, database } = await configFor(connectionId);
      const migrationsDir = path.resolve(dir ?? defaultMigrationsDir());
      const { result, info } = await deps.tasks.runJob({
        taskId,
        connectionId,
        kind: 'backup.create',
        label: `Pre-migration snapshot of ${database}`,
        statement: 'pg_dump --format=custom --table … (the tables the pending migrations touch)',
        audit: { action: 'backups.snapshotBeforeMigrations', target: database, detail: migrationsDir },
        work: async ({ signal, report }) =>
          snapshotBeforeMigrations({
            config,
            pool: await deps.pools.get(connectionId),
            dir: migrationsDir,
            to,
            outDir: folder(),
            signal,
            onProgress: report,
          }),
      });
      return { ...info, file: result?.file ?? null, tables: (result?.manifest.tables ?? []).map((t) => `${t.schema}.${t.name}`) };
    },

    'backups.restoreInPlace': async ({ connectionId, taskId, file, confirmName }) => {
      const dumpFile = backupFile(file);
      const { config, database } = await configFor(connectionId);
      if (confirmName !== database)
        throw new RpcError('BAD_REQUEST', `Restoring in place drops and recreates tables of "${database}": type its name to confirm.`);
      const { result, info } = await deps.tasks.runJob({
        taskId,
        connectionId,
        kind: 'backup.restore',
        label: `Restore the pre-migration backup into ${database}`,
        statement: 'pg_restore --single-transaction --exit-on-error --clean --if-exists (the snapshot’s tables)',
        audit: { action: 'backups.restoreInPlace', target: database, detail: dumpFile },
        work: ({ signal, report }) => restoreTablesInPlace({ config, file: dumpFile, signal, onProgress: report }),
      });
      return { ...info, ...result };
    },

    'backups.tools': async ({ connectionId }) =>
      withCatalogRead(await deps.pools.get(connectionId), async (_c, serverMajor) => {
        const pick = async (name: 'pg_dump' | 'pg_restore') => {
          try {
            const t = chooseTool(name, await findPgTools(name), serverMajor);
            return { tool: { path: t.path, version: t.version }, problem: null };
          } catch (err) {
            return { tool: null, problem: err instanceof Error ? err.message : String(err) };
          }
        };
        const [dump, restore] = await Promise.all([pick('pg_dump'), pick('pg_restore')]);
        return { serverMajor, pgDump: dump.tool, pgRestore: restore.tool, problem: dump.problem ?? restore.problem };
      }),

    'backups.walArchiving': async ({ connectionId }) =>
      withCatalogRead(await deps.pools.get(connectionId), async (c) => {
        const r = (await c.query<WalRow>(walArchiverSql)).rows[0]!;
        return {
          archiveMode: r.archive_mode,
          archivedCount: r.archived_count,
          lastArchivedWal: r.last_archived_wal,
          lastArchivedTime: iso(r.last_archived_time),
          failedCount: r.failed_count,
          lastFailedWal: r.last_failed_wal,
          lastFailedTime: iso(r.last_failed_time),
          statsReset: iso(r.stats_reset),
        };
      }),
  };
}
