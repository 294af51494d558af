import { z } from 'zod';
import { connectionId, int8String, isoTime, mutation, query } from './define';
import { taskResultSchema } from './maintenance';

const identifier = z.string().min(1).max(63);
const relationSchema = z.object({ schema: z.string(), name: z.string(), kind: z.string() });

export const matviewSchema = z.object({
  oid: z.number().int(),
  schema: z.string(),
  name: z.string(),
  owner: z.string(),
  bytes: int8String,
  populated: z.boolean(),
  /** REFRESH … CONCURRENTLY needs a populated view and a valid unique index without expressions or WHERE. */
  canRefreshConcurrently: z.boolean(),
  /** Why not, in words, when it cannot. */
  concurrentlyBlocker: z.string().nullable(),
  uniqueIndexes: z.array(z.string()),
  /** Relations this view reads (tables, views, other materialized views). */
  dependsOn: z.array(relationSchema),
  /** Materialized views that read this one (refresh these after it). */
  dependents: z.array(relationSchema),
  /**
   * The last successful refresh made by this console, from the audit log (action `matview.refresh`).
   * Refreshes made elsewhere are not recorded by PostgreSQL, so they do not appear.
   */
  lastRefresh: z.object({ at: isoTime, durationMs: z.number(), by: z.string() }).nullable(),
  definition: z.string(),
});
export type Matview = z.infer<typeof matviewSchema>;

export const matviewsContract = {
  'matviews.list': query(
    'Materialized views with size, populated state, CONCURRENTLY eligibility, dependencies and last refresh',
    z.object({ connectionId }),
    z.object({ matviews: z.array(matviewSchema) }),
  ),
  'matviews.refresh': mutation(
    'REFRESH MATERIALIZED VIEW, CONCURRENTLY when possible (auto) or as asked; recorded in the audit log',
    z.object({
      connectionId,
      taskId: z.uuid().optional(),
      schema: identifier,
      name: identifier,
      mode: z.enum(['auto', 'concurrently', 'plain']).default('auto'),
    }),
    taskResultSchema.extend({ concurrently: z.boolean() }),
    { writes: true },
  ),
  'matviews.refreshAll': mutation(
    'Refresh every materialized view (or one schema’s) in dependency order, as one cancellable task',
    z.object({ connectionId, taskId: z.uuid().optional(), schema: identifier.optional() }),
    z.object({
      taskId: z.string(),
      elapsedMs: z.number(),
      refreshed: z.array(z.object({ schema: z.string(), name: z.string(), concurrently: z.boolean(), elapsedMs: z.number() })),
    }),
    { writes: true },
  ),
};
