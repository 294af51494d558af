import { z } from 'zod';
import { connectionId, int8String, isoTime, mutation, query } from './define';
import { taskResultSchema } from './tasks/task';

/** A backup file the console wrote (pg_dump -Fc) with what its manifest says. */
export const backupEntrySchema = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number(),
  /** When the dump was taken (its snapshot). */
  at: isoTime,
  database: z.string().nullable(),
  server: z.string().nullable(),
  serverVersion: z.string().nullable(),
  pgDumpVersion: z.string().nullable(),
  tables: z.array(z.object({ schema: z.string(), name: z.string(), rows: int8String, checksum: z.string() })),
  totalRows: int8String,
  manifestError: z.string().optional(),
  /** A snapshot of the tables some migrations touch, taken before applying them (restorable in place). */
  preMigration: z.object({ versions: z.array(z.string()) }).nullable(),
  verification: z.object({ at: isoTime, ok: z.boolean(), problems: z.array(z.string()) }).nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** The house rule for the last backup's age: a warning after 24 h, critical after 48 h. */
export const BACKUP_AGE_HOURS = { warning: 24, critical: 48 } as const;

export const backupAgeSchema = z.object({
  state: z.enum(['ok', 'warning', 'critical', 'none']),
  lastAt: isoTime.nullable(),
  ageHours: z.number().nullable(),
});

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  file: z.string(),
  problems: z.array(z.string()),
  notes: z.array(z.string()),
  tables: z.number().int(),
  rows: int8String,
  durationMs: z.number(),
});

export const walArchivingSchema = z.object({
  archiveMode: z.string(),
  archivedCount: int8String,
  lastArchivedWal: z.string().nullable(),
  lastArchivedTime: isoTime.nullable(),
  failedCount: int8String,
  lastFailedWal: z.string().nullable(),
  lastFailedTime: isoTime.nullable(),
  statsReset: isoTime.nullable(),
});
export type WalArchiving = z.infer<typeof walArchivingSchema>;

const taskId = z.uuid().optional();
const file = z.string().min(1).max(4096);

export const backupsContract = {
  'backups.list': query(
    "Backups in the connection's backup folder (default <data dir>/backups) with their manifests, and the age of this connection's newest",
    z.object({ connectionId, dir: z.string().max(4096).optional() }),
    z.object({ dir: z.string(), backups: z.array(backupEntrySchema), age: backupAgeSchema }),
  ),
  'backups.create': mutation(
    'pg_dump -Fc of the database with a manifest (row counts and checksums in the dump’s snapshot), as a cancellable task',
    z.object({ connectionId, taskId, dir: z.string().max(4096).optional(), schema: z.string().max(63).optional() }),
    taskResultSchema.extend({ file: z.string() }),
    { writes: false },
  ),
  'backups.verify': mutation(
    'Restore a backup into a scratch database on this server (created, then dropped) and compare it with its manifest',
    z.object({ connectionId, taskId, file }),
    taskResultSchema.extend({ report: verifyReportSchema }),
    { writes: true },
  ),
  'backups.restore': mutation(
    'Restore a backup into a new database on this server; an existing one only with clean, and production or clean needs its name typed',
    z.object({
      connectionId,
      taskId,
      file,
      to: z.string().min(1).max(63),
      clean: z.boolean().default(false),
      confirmName: z.string().max(63).optional(),
    }),
    taskResultSchema.extend({ database: z.string(), created: z.boolean() }),
    { writes: true },
  ),
  'backups.snapshotBeforeMigrations': mutation(
    'Before applying: pg_dump the existing tables the pending migrations touch (the lock analysis), as a cancellable task',
    z.object({ connectionId, taskId, dir: z.string().min(1).max(4096).optional(), to: z.string().max(200).optional() }),
    taskResultSchema.extend({ file: z.string().nullable(), tables: z.array(z.string()) }),
    { writes: false },
  ),
  'backups.restoreInPlace': mutation(
    'Restore from the pre-migration backup: recreate its tables with their rows in this database, in one transaction; the name must be typed',
    z.object({ connectionId, taskId, file, confirmName: z.string().max(63) }),
    taskResultSchema.extend({ database: z.string(), tables: z.array(z.string()), forgotten: z.array(z.string()) }),
    { writes: true },
  ),
  'backups.tools': query(
    'The pg_dump and pg_restore this machine would use for this server, or what to install',
    z.object({ connectionId }),
    z.object({
      serverMajor: z.number().int(),
      pgDump: z.object({ path: z.string(), version: z.string() }).nullable(),
      pgRestore: z.object({ path: z.string(), version: z.string() }).nullable(),
      /** Why backups cannot run here (the tool is missing or older than the server); null when they can. */
      problem: z.string().nullable(),
    }),
  ),
  'backups.walArchiving': query(
    'WAL archiving from pg_stat_archiver: archive_mode, last archived segment, failures',
    z.object({ connectionId }),
    walArchivingSchema,
  ),
};
