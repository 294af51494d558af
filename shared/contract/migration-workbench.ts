import { z } from 'zod';
import { connectionId, mutation, query } from './define';
import { sessionSchema } from './insights';
import { lockModes, relationKinds } from './migration-locks';
import { migrationFormats } from './migrations';

/**
 * The migrations workbench (issue #4): what the page needs beyond the engine's status/plan/apply/
 * rollback — folder choice, the scripts' text, dry run, reversibility check, the live lock panel,
 * cancel and new migration files.
 */

const dir = z.string().min(1).max(4096);

export const folderListingSchema = z.object({
  /** Absolute, resolved path. */
  path: z.string(),
  /** null at the file system root. */
  parent: z.string().nullable(),
  /** Sub-folders (a diesel migration is a folder with up.sql). */
  folders: z.array(z.object({ name: z.string(), migration: z.boolean() })),
  sqlFiles: z.array(z.string()),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

export const migrationSourcesSchema = z.object({
  version: z.string(),
  name: z.string(),
  format: z.enum(migrationFormats),
  upFile: z.string(),
  upSql: z.string(),
  /** 1-based line of the file where upSql begins (dbmate sections). */
  upFirstLine: z.number().int(),
  downFile: z.string().nullable(),
  downSql: z.string().nullable(),
  downFirstLine: z.number().int().nullable(),
  /** False when the format's own option turns the transaction off. */
  transaction: z.boolean(),
});
export type MigrationSources = z.infer<typeof migrationSourcesSchema>;

export const heldLockSchema = z.object({
  locktype: z.string(),
  /** As PostgreSQL names it in pg_locks: AccessExclusiveLock … */
  mode: z.string(),
  /** The same in the docs' words when it is a table-level lock: ACCESS EXCLUSIVE … */
  lock: z.enum(lockModes).nullable(),
  /** Relation name (schema-qualified when not on the search_path), or what else is locked. */
  object: z.string(),
  relationKind: z.enum(relationKinds).nullable(),
  granted: z.boolean(),
});
export type HeldLock = z.infer<typeof heldLockSchema>;

export const catalogDifferenceSchema = z.object({
  kind: z.string(),
  object: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  attribute: z.string().optional(),
  /** JSON text of the attribute's value before and after (for `changed`). */
  before: z.string().optional(),
  after: z.string().optional(),
  /** One line a person reads. */
  text: z.string(),
});
export type CatalogDifferenceRow = z.infer<typeof catalogDifferenceSchema>;

export const dryRunStatementSchema = z.object({
  index: z.number().int(),
  /** 1-based line in the file. */
  line: z.number().int(),
  summary: z.string(),
  /** ran; skipped (cannot run in a transaction, so it cannot be dry-run); failed; not_run (after a failure). */
  outcome: z.enum(['ran', 'skipped', 'failed', 'not_run']),
  durationMs: z.number().nullable(),
  rowCount: z.number().int().nullable(),
  /** Locks this statement acquired (held since, until the rollback). */
  locks: z.array(heldLockSchema),
  /** Why it was skipped, or the error it failed with. */
  message: z.string().nullable(),
});
export type DryRunStatement = z.infer<typeof dryRunStatementSchema>;

export const dryRunReportSchema = z.object({
  migrations: z.array(z.object({ version: z.string(), name: z.string(), file: z.string(), statements: z.array(dryRunStatementSchema) })),
  /** The catalog after the pending migrations compared with before (inside the rolled-back transaction). */
  differences: z.array(catalogDifferenceSchema),
  ok: z.boolean(),
  /** Nothing pending; blockers (drift …) that would stop a real apply; caveats. */
  notes: z.array(z.string()),
  totalMs: z.number(),
});
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

/** What `verify --ignore` may overlook; views covers materialized views too. */
export const verifyAspects = ['column-order', 'views', 'comments', 'owners', 'privileges'] as const;
export type VerifyAspect = (typeof verifyAspects)[number];

/** Globs on object names (tables, triggers, functions …) that verify leaves out: `*`, `?`. */
export const verifyExcludePattern = z.string().trim().min(1).max(200);

export const verifyOutcomes = ['ok', 'differs', 'skipped', 'failed'] as const;

export const verifySummarySchema = z.object({
  /** Migrations checked (up, down, up again): ok + differs + failed. */
  checked: z.number().int(),
  ok: z.number().int(),
  differs: z.number().int(),
  /** No down script: applied, not checked. */
  skipped: z.number().int(),
  failed: z.number().int(),
  /** In the range but not reached because the check stopped. */
  notReached: z.number().int(),
});

/** Where the check stopped: the migration, the phase and the failing statement. */
export const verifyStopSchema = z.object({
  version: z.string().nullable(),
  name: z.string().nullable(),
  /** before: applying the migrations before the range; up, down, re-up: the phases of one migration. */
  phase: z.enum(['before', 'up', 'down', 're-up']),
  kind: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  statement: z.string().nullable(),
});

export const verifyReportSchema = z.object({
  migrations: z.array(
    z.object({
      version: z.string(),
      name: z.string(),
      /** ok; differs; skipped (no down script); failed (a statement failed, the check stopped there). */
      outcome: z.enum(verifyOutcomes),
      afterDown: z.array(catalogDifferenceSchema),
      afterReapply: z.array(catalogDifferenceSchema),
      /** Differences the relaxations left out. */
      ignored: z.number().int(),
      note: z.string().optional(),
    }),
  ),
  /** Every checked migration passed (skipped ones do not count against it) and nothing stopped the check. */
  ok: z.boolean(),
  summary: verifySummarySchema,
  stopped: verifyStopSchema.nullable(),
  /** What this run overlooked, and how many differences that hid. */
  ignored: z.object({
    aspects: z.array(z.enum(verifyAspects)),
    exclude: z.array(z.string()),
    differences: z.array(z.object({ because: z.string(), count: z.number().int() })),
  }),
  /** Runner history tables made in the scratch database before the replay (golang-migrate's schema_migrations …). */
  runnerTables: z.array(z.object({ runner: z.string(), table: z.string() })),
  /** Where the scratch database was made. */
  scratch: z.string(),
});
export type VerifyReportWire = z.infer<typeof verifyReportSchema>;

export const runActivitySchema = z.object({
  running: z.boolean(),
  direction: z.enum(['up', 'down']).nullable(),
  pid: z.number().int().nullable(),
  /** The applier's own session (state, wait, query) when it has one. */
  applier: sessionSchema.nullable(),
  /** Sessions the applier waits for (pg_blocking_pids of its pid). */
  blockedBy: z.array(sessionSchema),
  /** Sessions waiting for the applier. */
  blocking: z.array(sessionSchema),
  /** Locks the applier holds or waits for now. */
  locks: z.array(heldLockSchema),
  cancelRequested: z.boolean(),
});
export type RunActivity = z.infer<typeof runActivitySchema>;

const migrationName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_]{0,99}$/, 'Use lower-case letters, digits and underscores (snake_case), starting with a letter or digit.');

export const migrationWorkbenchContract = {
  'migrations.browseFolder': query(
    'A folder of the machine the core runs on: its sub-folders and .sql files, to pick a migrations folder',
    z.object({ path: dir }),
    folderListingSchema,
  ),
  'migrations.sources': query(
    'The up and down scripts of one migration of a folder, as text',
    z.object({ dir: dir.optional(), version: z.string().min(1).max(100) }),
    migrationSourcesSchema,
  ),
  'migrations.dryRun': mutation(
    'Run the pending migrations in one transaction and roll it back: per statement duration, rows, locks taken; the schema difference',
    z.object({
      connectionId,
      dir: dir.optional(),
      to: z.string().trim().min(1).max(100).optional(),
      lockTimeoutMs: z.number().int().min(0).max(3_600_000).default(5_000),
      statementTimeoutMs: z.number().int().min(0).max(86_400_000).default(300_000),
    }),
    dryRunReportSchema,
    { writes: true },
  ),
  'migrations.verify': mutation(
    'Reversibility check on a scratch database: up, snapshot, down, compare, up again for each migration of the range',
    z.object({
      connectionId,
      dir: dir.optional(),
      from: z.string().trim().min(1).max(100).optional(),
      to: z.string().trim().min(1).max(100).optional(),
      ignore: z.array(z.enum(verifyAspects)).max(verifyAspects.length).default([]),
      exclude: z.array(verifyExcludePattern).max(100).default([]),
      taskId: z.string().min(1).max(100).optional(),
    }),
    verifyReportSchema,
    { writes: true },
  ),
  'migrations.runActivity': query(
    'While an apply or rollback runs: its backend, the locks it holds, who blocks it and whom it blocks',
    z.object({ connectionId, taskId: z.string().min(1).max(100) }),
    runActivitySchema,
  ),
  'migrations.cancelRun': mutation(
    'Cancel an apply or rollback in progress (pg_cancel_backend); the migration running is rolled back, history stays consistent',
    z.object({ connectionId, taskId: z.string().min(1).max(100) }),
    z.object({ found: z.boolean(), signalled: z.boolean(), pid: z.number().int().nullable() }),
    { writes: false },
  ),
  'migrations.createFiles': mutation(
    'A new migration in the folder: the next version, a header (purpose, author, date), up and down files; never overwrites',
    z.object({
      dir: dir.optional(),
      name: migrationName,
      purpose: z.string().trim().min(1).max(2000),
      author: z.string().trim().max(200).optional(),
      upSql: z.string().max(1_000_000).optional(),
      downSql: z.string().max(1_000_000).optional(),
    }),
    z.object({
      version: z.string(),
      format: z.enum(['up-down', 'flyway']),
      upFile: z.string(),
      downFile: z.string(),
      upPath: z.string(),
      downPath: z.string(),
    }),
    { writes: false },
  ),
};
