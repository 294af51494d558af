import { z } from 'zod';
import { connectionId, isoTime, mutation, query } from './define';

/**
 * The migration engine: the folder's migrations against the database's history
 * (ticketz_console.schema_migrations, plus Flyway's flyway_schema_history when present).
 */

/** up-down: this project, golang-migrate and sqlx pairs; plain: numbered .sql files with no down. */
export const migrationFormats = ['up-down', 'flyway', 'dbmate', 'diesel', 'plain'] as const;
export type MigrationFormat = (typeof migrationFormats)[number];

/**
 * applied; pending; drift (the up file changed since it was applied); missing_file (in the
 * history, not in the folder); out_of_order (pending but older than the newest applied one);
 * repeatable (Flyway R__: listed, not run).
 */
export const migrationStatuses = ['applied', 'partly_applied', 'pending', 'drift', 'missing_file', 'out_of_order', 'repeatable'] as const;
export type MigrationStatus = (typeof migrationStatuses)[number];

export const migrationFlagCodes = [
  'no_down',
  'repeatable',
  'non_transactional',
  'down_changed',
  'parse_error',
  'transaction_control',
  'applied_by_flyway',
] as const;

export const migrationFlagSchema = z.object({ code: z.enum(migrationFlagCodes), message: z.string() });
export type MigrationFlag = z.infer<typeof migrationFlagSchema>;

export const migrationRowSchema = z.object({
  version: z.string(),
  name: z.string(),
  status: z.enum(migrationStatuses),
  hasDown: z.boolean(),
  /** null when the file is missing. */
  format: z.enum(migrationFormats).nullable(),
  upFile: z.string().nullable(),
  downFile: z.string().nullable(),
  appliedAt: isoTime.nullable(),
  /** "role (OS user)" for this engine, "flyway: <installed_by>" for Flyway rows. */
  appliedBy: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** sha256 of the up script on disk (null when missing). */
  checksum: z.string().nullable(),
  /** The checksum recorded when it was applied (null when pending or applied by Flyway). */
  appliedChecksum: z.string().nullable(),
  flags: z.array(migrationFlagSchema),
  /**
   * partly_applied: a migration outside one transaction stopped half-way (crash, error): which of
   * its statements committed, which was running. Resume from the first not done, or mark it repaired.
   */
  progress: z
    .object({
      statements: z.number().int(),
      completed: z.number().int(),
      running: z.number().int().nullable(),
      startedAt: isoTime,
      updatedAt: isoTime,
      lastError: z.string().nullable(),
      summary: z.string(),
    })
    .nullable()
    .optional(),
});
export type MigrationRow = z.infer<typeof migrationRowSchema>;

export const flywayHistoryRowSchema = z.object({
  installedRank: z.number().int(),
  version: z.string().nullable(),
  description: z.string(),
  type: z.string(),
  script: z.string(),
  checksum: z.number().int().nullable(),
  installedBy: z.string(),
  installedOn: isoTime,
  executionTimeMs: z.number(),
  success: z.boolean(),
});

export const invalidIndexSchema = z.object({ schema: z.string(), name: z.string(), table: z.string(), fix: z.string() });

export const migrationsStatusSchema = z.object({
  dir: z.string(),
  /** Whether ticketz_console.schema_migrations exists yet (it is created by the first apply). */
  historyTable: z.boolean(),
  migrations: z.array(migrationRowSchema),
  flywayHistory: z.array(flywayHistoryRowSchema),
  /** Files that were not understood, duplicate names and the like. */
  warnings: z.array(z.string()),
  /** INVALID indexes, typically left by a failed CREATE INDEX CONCURRENTLY. */
  invalidIndexes: z.array(invalidIndexSchema),
});
export type MigrationsStatus = z.infer<typeof migrationsStatusSchema>;

export const planStepSchema = z.object({
  direction: z.enum(['up', 'down']),
  version: z.string(),
  name: z.string(),
  file: z.string(),
  statements: z.number().int(),
  /** True when it runs in one transaction; false when some statements must run outside one. */
  transactional: z.boolean(),
  nonTransactional: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const blockerCodes = [
  'drift',
  'partly_applied',
  'out_of_order',
  'missing_down',
  'missing_file',
  'parse_error',
  'transaction_control',
  'unknown_target',
  'applied_by_flyway',
] as const;
export const blockerSchema = z.object({ code: z.enum(blockerCodes), version: z.string().optional(), message: z.string() });
export type Blocker = z.infer<typeof blockerSchema>;

export const migrationPlanSchema = z.object({
  direction: z.enum(['up', 'down']),
  steps: z.array(planStepSchema),
  blockers: z.array(blockerSchema),
});
export type MigrationPlan = z.infer<typeof migrationPlanSchema>;

const dirInput = z.string().min(1).max(4096).optional();
const target = z.string().trim().min(1).max(100);
const timeouts = {
  /** lock_timeout per migration (default 5 s). */
  lockTimeoutMs: z.number().int().min(0).max(3_600_000).optional(),
  /** statement_timeout per statement (default 15 min). */
  statementTimeoutMs: z.number().int().min(0).max(86_400_000).optional(),
  /** How long to wait for another applier to finish (default 60 s). */
  lockWaitMs: z.number().int().min(0).max(3_600_000).optional(),
  /** Correlates task.progress events with this call. */
  taskId: z.string().min(1).max(100).optional(),
};

export const ranStepSchema = z.object({ direction: z.enum(['up', 'down']), version: z.string(), name: z.string(), durationMs: z.number() });

export const migrationsContract = {
  'migrations.status': query(
    'Each migration of the folder (and of the history) with its status, checksum and who applied it',
    z.object({ connectionId, dir: dirInput }),
    migrationsStatusSchema,
  ),
  'migrations.plan': query(
    'What an apply (up) or rollback (down) would run, in order, and what would stop it',
    z.object({
      connectionId,
      dir: dirInput,
      direction: z.enum(['up', 'down']).default('up'),
      /** up: apply up to and including this version; down: roll back everything after it ('0' = all). */
      to: target.optional(),
      /** down only: how many applied migrations to roll back (default 1). */
      steps: z.number().int().min(1).max(100_000).optional(),
      allowOutOfOrder: z.boolean().default(false),
    }),
    migrationPlanSchema,
  ),
  'migrations.apply': mutation(
    'Apply pending migrations up to a version, each in its own transaction, one applier at a time',
    z.object({
      connectionId,
      dir: dirInput,
      to: target.optional(),
      allowOutOfOrder: z.boolean().default(false),
      /** Continue a partly applied migration from its first statement not done. */
      resume: z.boolean().default(false),
      ...timeouts,
    }),
    z.object({ ran: z.array(ranStepSchema) }),
    { writes: true },
  ),
  'migrations.markRepaired': mutation(
    'Mark a partly applied migration applied after the database was fixed by hand (golang-migrate force); audited',
    z.object({ connectionId, dir: dirInput, version: target }),
    z.object({ version: z.string(), name: z.string(), was: z.string() }),
    { writes: true },
  ),
  'migrations.rollback': mutation(
    'Roll back applied migrations with their down scripts: N steps or down to a version',
    z.object({ connectionId, dir: dirInput, to: target.optional(), steps: z.number().int().min(1).max(100_000).optional(), ...timeouts }),
    z.object({ ran: z.array(ranStepSchema) }),
    { writes: true },
  ),
};
