import { z } from 'zod';
import { connectionId, int8String, query } from './define';

/**
 * Lock analysis of migration SQL: per statement, the table-level locks it takes (PostgreSQL docs
 * 13.3.1) and the current size of each table, so "ACCESS EXCLUSIVE on a 40 GB table" shows before
 * anything runs.
 */

/** Weakest first, as the server numbers them (AccessShareLock = 1 … AccessExclusiveLock = 8). */
export const lockModes = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockMode = (typeof lockModes)[number];

export const relationKinds = [
  'table',
  'partitioned table',
  'index',
  'partitioned index',
  'view',
  'materialized view',
  'sequence',
  'foreign table',
  'other',
] as const;

export const relationLockSchema = z.object({
  /** As resolved in the catalog when it exists; as written otherwise (schema null when unqualified). */
  schema: z.string().nullable(),
  name: z.string(),
  /** What the locked relation is, when it exists now. */
  relationKind: z.enum(relationKinds).nullable(),
  /** DROP INDEX / REINDEX INDEX: the index named, whose table takes the lock. */
  viaIndex: z.string().nullable(),
  lock: z.enum(lockModes),
  reason: z.string(),
  blocksReads: z.boolean(),
  blocksWrites: z.boolean(),
  existsNow: z.boolean(),
  /** Created by an earlier statement of the same SQL: new and empty when this one runs. */
  createdInScript: z.boolean(),
  /** pg_class.reltuples (summed over partitions); null when unknown (never analyzed) or not existing. */
  rowEstimate: z.number().nullable(),
  /** pg_total_relation_size (table + indexes + TOAST, summed over partitions). */
  totalBytes: int8String.nullable(),
});
export type RelationLock = z.infer<typeof relationLockSchema>;

export const statementLockInfoSchema = z.object({
  index: z.number().int(),
  text: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  /** Parse-tree node type: AlterTableStmt, IndexStmt … */
  kind: z.string(),
  /** Why it cannot run inside a transaction block; null when it can. */
  nonTransactional: z.string().nullable(),
  locks: z.array(relationLockSchema),
  /** What cannot be known statically (DO blocks, CASCADE, whole-database commands). */
  notes: z.array(z.string()),
});
export type StatementLockInfo = z.infer<typeof statementLockInfoSchema>;

export const migrationLocksContract = {
  'migrations.locks': query(
    'For each statement of some SQL, the locks it would take and on which tables, with their current row estimates and sizes',
    z.object({ connectionId, sql: z.string().max(10_000_000) }),
    z.object({ statements: z.array(statementLockInfoSchema) }),
  ),
};
