import { z } from 'zod';
import { connectionId, mutation, query } from './define';
import { alertLevelSchema } from './replication';

/** One PgBouncer pool (a database and user pair), from SHOW POOLS and SHOW DATABASES. */
export const poolerPoolSchema = z.object({
  database: z.string(),
  user: z.string(),
  poolMode: z.string().nullable(),
  clActive: z.number(),
  clWaiting: z.number(),
  svActive: z.number(),
  svIdle: z.number(),
  svUsed: z.number(),
  /** Seconds the oldest waiting client has waited (maxwait + maxwait_us). */
  maxwaitSeconds: z.number(),
  /** Server connections this pool may open (SHOW DATABASES pool_size); null if not listed. */
  poolSize: z.number().nullable(),
  /** sv_active / pool size, against the house 70 % / 85 % thresholds. */
  utilization: z.number().nullable(),
  level: alertLevelSchema,
  /** Clients wait for a server connection: the pool is exhausted. */
  waiting: z.boolean(),
});
export type PoolerPool = z.infer<typeof poolerPoolSchema>;

/** A SHOW result as text cells, column names as PgBouncer gives them (they vary by version). */
export const showTableSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string().nullable())) });
export type ShowTable = z.infer<typeof showTableSchema>;

export const poolerOverviewSchema = z.object({
  version: z.string(),
  pools: z.array(poolerPoolSchema),
  stats: showTableSchema,
  clients: showTableSchema,
  servers: showTableSchema,
  databases: showTableSchema,
  config: showTableSchema,
  thresholds: z.object({ warning: z.number(), critical: z.number() }),
});
export type PoolerOverview = z.infer<typeof poolerOverviewSchema>;

const databaseCommand = z.object({
  connectionId,
  /** A database as SHOW DATABASES lists it. */
  database: z.string().min(1).max(63),
});
const commandResult = z.object({ database: z.string(), command: z.enum(['PAUSE', 'RESUME', 'RECONNECT']), message: z.string() });

export const poolerContract = {
  'pooler.overview': query(
    "On a profile for PgBouncer's admin database: pools with utilization and waiting clients, stats, clients, servers, databases and config",
    z.object({ connectionId }),
    poolerOverviewSchema,
  ),
  'pooler.pause': mutation(
    'PgBouncer PAUSE of one database: waits for running transactions, then holds new ones (audited)',
    databaseCommand,
    commandResult,
    { writes: true },
  ),
  'pooler.resume': mutation('PgBouncer RESUME of a paused database (audited)', databaseCommand, commandResult, { writes: true }),
  'pooler.reconnect': mutation(
    'PgBouncer RECONNECT of one database: server connections are closed once released and opened anew (audited)',
    databaseCommand,
    commandResult,
    { writes: true },
  ),
};
