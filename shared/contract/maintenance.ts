import { z } from 'zod';
import { connectionId, int8String, isoTime, mutation, query } from './define';
import { taskResultSchema, taskSchema } from './tasks/task';

/** Identifiers as the catalog spells them (unquoted); the core quotes them. */
const identifier = z.string().min(1).max(63);

/** Maintenance runs as background tasks (./tasks/task.ts); their schemas are re-exported for existing callers. */
export { taskKinds, taskResultSchema, taskSchema, type TaskInfo, type TaskResult } from './tasks/task';

const taskInput = { connectionId, taskId: z.uuid().optional(), schema: identifier, name: identifier };
/** The database name typed by the user: required for VACUUM FULL and plain REINDEX on a production-labelled connection. */
const confirmDatabase = z.string().max(63).optional();

export const maintenanceTableSchema = z.object({
  oid: z.number().int(),
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['table', 'matview', 'partitioned']),
  /** null while another session holds or awaits an ACCESS EXCLUSIVE lock on it (see lockedBy). */
  totalBytes: int8String.nullable(),
  /** Who locks the table so that its size cannot be read now ("ACCESS EXCLUSIVE lock held by pid 123"). */
  lockedBy: z.string().nullable(),
  liveTuples: int8String,
  deadTuples: int8String,
  lastVacuum: isoTime.nullable(),
  lastAutovacuum: isoTime.nullable(),
  lastAnalyze: isoTime.nullable(),
  lastAutoanalyze: isoTime.nullable(),
  indexes: z.array(z.object({ name: z.string(), bytes: int8String.nullable(), valid: z.boolean() })),
});
export type MaintenanceTable = z.infer<typeof maintenanceTableSchema>;

export const maintenanceContract = {
  'maintenance.tables': query(
    'Tables with size, live/dead tuples, last (auto)vacuum/analyze and their indexes, most dead tuples first',
    z.object({ connectionId, search: z.string().max(200).optional(), limit: z.number().int().min(1).max(2000).default(200) }),
    z.object({ tables: z.array(maintenanceTableSchema), serverMajor: z.number().int() }),
  ),
  'maintenance.vacuum': mutation(
    'VACUUM a table (with ANALYZE by default; FULL rewrites it under an ACCESS EXCLUSIVE lock), with progress',
    z.object({ ...taskInput, analyze: z.boolean().default(true), full: z.boolean().default(false), confirmDatabase }),
    taskResultSchema,
    { writes: true },
  ),
  'maintenance.analyze': mutation('ANALYZE a table, with progress', z.object(taskInput), taskResultSchema, { writes: true }),
  'maintenance.reindex': mutation(
    'REINDEX an index or all indexes of a table; CONCURRENTLY (PostgreSQL 12+) avoids blocking writes',
    z.object({ ...taskInput, target: z.enum(['index', 'table']), concurrently: z.boolean().default(true), confirmDatabase }),
    taskResultSchema,
    { writes: true },
  ),
  'maintenance.cancelTask': mutation(
    'Cancel a running background task (pg_cancel_backend on its session)',
    z.object({ taskId: z.string().min(1).max(64) }),
    z.object({ cancelled: z.boolean() }),
    { writes: false },
  ),
  'maintenance.tasks': query(
    'Running background tasks and those finished in this app session, newest first',
    z.object({ connectionId: connectionId.optional() }),
    z.object({ tasks: z.array(taskSchema) }),
  ),
};
