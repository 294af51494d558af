import { z } from 'zod';
import { consolePoolSchema } from './connections';
import { connectionId, int8String, isoTime, mutation, query } from './define';

/* ───────────── Slow queries (pg_stat_statements) ───────────── */

export const statementSorts = ['totalTime', 'meanTime', 'calls', 'rows', 'io'] as const;
export type StatementSort = (typeof statementSorts)[number];

export const statementsStatusSchema = z.object({
  /** ready: the view can be read here; the others say which step is missing. */
  state: z.enum(['ready', 'not-installed', 'not-preloaded', 'not-available']),
  /** Installed version of the extension in this database, e.g. "1.12". */
  extensionVersion: z.string().nullable(),
  preloaded: z.boolean(),
  /** CREATE EXTENSION would succeed for this role now (preloaded, available, privileged). */
  canCreate: z.boolean(),
  /** track_io_timing: without it the I/O times are zero. */
  trackIoTiming: z.boolean(),
  explanation: z.string(),
  /** The exact steps, in order, to make slow queries work (empty when ready). */
  steps: z.array(z.string()),
});
export type StatementsStatus = z.infer<typeof statementsStatusSchema>;

export const statementDeltaSchema = z.object({
  calls: int8String,
  totalExecMs: z.number(),
  /** Mean over the calls in the window; null when no call happened in it. */
  meanExecMs: z.number().nullable(),
  rows: int8String,
});

export const statementRowSchema = z.object({
  /** userid:dbid:queryid:toplevel — unique within pg_stat_statements. */
  key: z.string(),
  queryid: int8String,
  role: z.string(),
  database: z.string(),
  /** Normalized text: constants replaced by $1, $2 … */
  query: z.string(),
  /** null before pg_stat_statements 1.9 (PostgreSQL 14). */
  toplevel: z.boolean().nullable(),
  calls: int8String,
  rows: int8String,
  totalExecMs: z.number(),
  meanExecMs: z.number(),
  minExecMs: z.number(),
  maxExecMs: z.number(),
  stddevExecMs: z.number(),
  /** Planning time; 0 unless pg_stat_statements.track_planning is on. */
  totalPlanMs: z.number(),
  sharedBlksHit: int8String,
  sharedBlksRead: int8String,
  tempBlksWritten: int8String,
  /** Time reading/writing blocks (needs track_io_timing): shared+local on 17+, blk_*_time before. */
  ioReadMs: z.number(),
  ioWriteMs: z.number(),
  /** Share of all statements' total execution time in this list's scope, 0..1. */
  shareOfTotal: z.number(),
  /** When this entry's counters started (PostgreSQL 17+), else null. */
  statsSince: isoTime.nullable(),
  minmaxStatsSince: isoTime.nullable(),
  /** Change since the oldest snapshot this console took within the window; null when none yet. */
  delta: statementDeltaSchema.nullable(),
});
export type StatementRow = z.infer<typeof statementRowSchema>;

/* ───────────── EXPLAIN ───────────── */

export const planNodeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  nodeType: z.string(),
  /** e.g. "on public.tickets t using tickets_event_id_idx", "Hash Cond: …" — for display. */
  title: z.string(),
  details: z.array(z.string()),
  startupCost: z.number(),
  totalCost: z.number(),
  planRows: z.number(),
  actualRows: z.number().nullable(),
  loops: z.number().nullable(),
  /** Inclusive time of all loops, ms (ANALYZE only). */
  actualTotalMs: z.number().nullable(),
  /** Time in this node alone: inclusive minus its children's, ms (ANALYZE only). */
  exclusiveMs: z.number().nullable(),
  /** Cost in this node alone: total cost minus its children's. */
  exclusiveCost: z.number(),
  /** actual/estimated rows (≥1 means under-estimated); null without ANALYZE. */
  rowsRatio: z.number().nullable(),
  /** true when the estimate is off by 10× or more either way. */
  misestimate: z.boolean(),
  buffers: z
    .object({
      sharedHit: z.number(),
      sharedRead: z.number(),
      sharedDirtied: z.number(),
      sharedWritten: z.number(),
      tempRead: z.number(),
      tempWritten: z.number(),
    })
    .nullable(),
});
export type PlanNode = z.infer<typeof planNodeSchema>;

export const explainResultSchema = z.object({
  analyzed: z.boolean(),
  /** EXPLAIN ANALYZE ran inside a transaction that was rolled back. */
  rolledBack: z.boolean(),
  /** The query had $n parameters and was planned as a generic plan. */
  genericPlan: z.boolean(),
  nodes: z.array(planNodeSchema),
  /** Node ids, most expensive first (by exclusive time when analyzed, else by exclusive cost). */
  hottest: z.array(z.number().int()),
  planningMs: z.number().nullable(),
  executionMs: z.number().nullable(),
  /** The raw EXPLAIN (FORMAT JSON) output for copying. */
  rawJson: z.string(),
});
export type ExplainResult = z.infer<typeof explainResultSchema>;

/* ───────────── Bloat ───────────── */

export const bloatRowSchema = z.object({
  kind: z.enum(['table', 'index']),
  oid: z.number().int(),
  schema: z.string(),
  /** Table for tables; the index's table for indexes. */
  table: z.string(),
  index: z.string().nullable(),
  realBytes: int8String,
  /** Estimated space beyond what the live rows need at the fillfactor. */
  wastedBytes: int8String,
  /** wasted / real, 0..1. */
  wastedRatio: z.number(),
  fillfactor: z.number().int(),
  /** Statistics incomplete (never analyzed, `name` columns, …): the estimate may be far off. */
  unreliable: z.boolean(),
  deadTuples: int8String.nullable(),
  lastVacuum: isoTime.nullable(),
  lastAutovacuum: isoTime.nullable(),
  /** The suggested fixes, mildest first, as SQL a person can read. */
  fixes: z.array(z.object({ label: z.string(), sql: z.string(), note: z.string() })),
});
export type BloatRow = z.infer<typeof bloatRowSchema>;

export const exactBloatSchema = z.object({
  method: z.enum(['pgstattuple', 'pgstattuple_approx', 'pgstatindex']),
  fields: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
  /** Free + dead space as a share of the relation, 0..1 (for indexes: 1 − leaf density). */
  wastedRatio: z.number().nullable(),
});

/* ───────────── Index advisor ───────────── */

export const findingKinds = [
  'unused-index',
  'duplicate-index',
  'invalid-index',
  'fk-without-index',
  'seq-scan-heavy',
  'uuid-as-text',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export const findingSchema = z.object({
  /** Stable while the objects exist: kind plus catalog oids/columns. Used for migration drafts. */
  id: z.string(),
  kind: z.enum(findingKinds),
  severity: z.enum(['info', 'warning', 'critical']),
  schema: z.string(),
  table: z.string(),
  /** The index, constraint or column the finding is about. */
  object: z.string(),
  title: z.string(),
  why: z.string(),
  /** Size of the object concerned (index size, or table size for table findings). */
  bytes: int8String,
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** Whether insights.migrationDraft can produce an up/down pair for it. */
  hasDraft: z.boolean(),
});
export type Finding = z.infer<typeof findingSchema>;

/**
 * A migration proposal for the workbench: plain SQL for both directions. The migrations page
 * opens it from `#/migrations?connection=<connectionId>&draft=<findingId>` by calling
 * insights.migrationDraft again, so a draft survives a reload and is never stale.
 */
export const migrationDraftSchema = z.object({
  findingId: z.string(),
  /** snake_case, no number or extension: e.g. "add_index_orders_customer_id". */
  suggestedName: z.string(),
  upSql: z.string(),
  downSql: z.string(),
  /** CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block. */
  nonTransactional: z.boolean(),
  notes: z.array(z.string()),
});
export type MigrationDraft = z.infer<typeof migrationDraftSchema>;

/* ───────────── Activity ───────────── */

export const sessionSchema = z.object({
  pid: z.number().int(),
  database: z.string().nullable(),
  role: z.string().nullable(),
  application: z.string(),
  client: z.string().nullable(),
  backendType: z.string(),
  state: z.string().nullable(),
  waitEventType: z.string().nullable(),
  waitEvent: z.string().nullable(),
  backendStart: isoTime.nullable(),
  xactStart: isoTime.nullable(),
  queryStart: isoTime.nullable(),
  stateChange: isoTime.nullable(),
  /** Since query_start for active sessions, since state_change otherwise, ms. */
  durationMs: z.number().nullable(),
  xactMs: z.number().nullable(),
  query: z.string(),
  /** pg_blocking_pids(pid): the sessions this one waits for. */
  blockedBy: z.array(z.number().int()),
  /** Lock it waits for, when waiting on a lock: "RowExclusiveLock on public.orders". */
  waitingFor: z.string().nullable(),
  isConsole: z.boolean(),
  isSelf: z.boolean(),
  /** Highlights: long-running (active > threshold) and idle in transaction. */
  flags: z.array(z.enum(['long-running', 'idle-in-transaction', 'blocked', 'blocking'])),
});
export type SessionRow = z.infer<typeof sessionSchema>;

/* ───────────── Health ───────────── */

export const healthSnapshotSchema = z.object({
  at: isoTime,
  /** heap blocks hit / (hit + read) in this database, 0..1; null before any read. */
  cacheHitRatio: z.number().nullable(),
  indexHitRatio: z.number().nullable(),
  /** Share of index scans among all scans on user tables (pghero's "index usage"). */
  indexUsageRatio: z.number().nullable(),
  connections: z.object({
    total: z.number().int(),
    active: z.number().int(),
    idleInTransaction: z.number().int(),
    max: z.number().int(),
    reserved: z.number().int(),
  }),
  /** Estimated p99 of the worst statement: mean + 2.33σ capped at max (pg_stat_statements), ms. */
  queryP99: z.object({ ms: z.number(), queryid: int8String, query: z.string() }).nullable(),
  wraparound: z.array(
    z.object({
      database: z.string(),
      /** age(datfrozenxid) in transactions. */
      xidAge: z.number(),
      /** Share of the 2^31 limit consumed, 0..1. */
      ratio: z.number(),
      mxidAge: z.number(),
    }),
  ),
  autovacuumFreezeMaxAge: z.number(),
  databases: z.array(z.object({ name: z.string(), bytes: int8String })),
  largestRelations: z.array(z.object({ schema: z.string(), name: z.string(), kind: z.string(), bytes: int8String })),
  replication: z.array(
    z.object({
      application: z.string(),
      client: z.string().nullable(),
      state: z.string(),
      syncState: z.string(),
      /** replay_lag as seconds (null when idle and caught up). */
      replayLagSeconds: z.number().nullable(),
      lagBytes: int8String.nullable(),
    }),
  ),
  slots: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      active: z.boolean(),
      /** WAL the slot keeps from being removed. */
      retainedBytes: int8String.nullable(),
      walStatus: z.string().nullable(),
    }),
  ),
  inRecovery: z.boolean(),
  /** On a standby: seconds since the last replayed transaction. */
  standbyReplayDelaySeconds: z.number().nullable(),
  /** This console's own pool for the connection, read before the health read took its session. */
  consolePool: consolePoolSchema.optional(),
});
export type HealthSnapshot = z.infer<typeof healthSnapshotSchema>;

export const insightsContract = {
  'insights.statementsStatus': query(
    'Whether pg_stat_statements can be read here, and the exact steps when it cannot',
    z.object({ connectionId }),
    statementsStatusSchema,
  ),
  'insights.statements': query(
    'Slow queries from pg_stat_statements with deltas over the last minutes; the console’s own queries hidden by default',
    z.object({
      connectionId,
      sort: z.enum(statementSorts).default('totalTime'),
      limit: z.number().int().min(1).max(1000).default(100),
      includeConsole: z.boolean().default(false),
      allDatabases: z.boolean().default(false),
      /** Deltas are against the oldest snapshot taken at most this long ago. */
      deltaWindowSeconds: z.number().int().min(10).max(3600).default(300),
    }),
    z.object({
      rows: z.array(statementRowSchema),
      hiddenConsoleStatements: z.number().int(),
      deltaSince: isoTime.nullable(),
      /** pg_stat_statements_info.stats_reset (1.9+); null before. */
      statsReset: isoTime.nullable(),
      extensionVersion: z.string(),
      trackIoTiming: z.boolean(),
    }),
  ),
  'insights.statementDetail': query(
    'Every counter pg_stat_statements keeps for one statement, as this server names them',
    z.object({ connectionId, key: z.string().max(100) }),
    z.object({ query: z.string(), fields: z.array(z.object({ name: z.string(), value: z.string().nullable() })) }),
  ),
  'insights.resetStatements': mutation(
    'pg_stat_statements_reset: all statements, or one; minmaxOnly (PostgreSQL 17+) keeps the counters',
    z.object({ connectionId, key: z.string().max(100).optional(), minmaxOnly: z.boolean().default(false) }),
    z.object({ resetAt: isoTime.nullable() }),
    { writes: true },
  ),
  'insights.createExtension': mutation(
    'CREATE EXTENSION for the extensions the insights pages read (pg_stat_statements, pgstattuple)',
    z.object({ connectionId, extension: z.enum(['pg_stat_statements', 'pgstattuple']) }),
    z.object({ version: z.string() }),
    { writes: true },
  ),
  'insights.explain': mutation(
    'EXPLAIN one statement; with analyze it runs inside a transaction that is always rolled back',
    z.object({ connectionId, sql: z.string().min(1).max(1_000_000), analyze: z.boolean().default(false) }),
    explainResultSchema,
    { writes: 'guarded' },
  ),
  'insights.bloat': query(
    'Estimated table and btree index bloat for all relations, from pg_stats, largest waste first',
    z.object({ connectionId, minWastedBytes: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(500) }),
    z.object({
      rows: z.array(bloatRowSchema),
      caveats: z.array(z.string()),
      pgstattupleInstalled: z.boolean(),
      pgstattupleAvailable: z.boolean(),
      pgRepackInstalled: z.boolean(),
    }),
  ),
  'insights.exactBloat': query(
    'Exact bloat of one relation with pgstattuple / pgstattuple_approx / pgstatindex (reads the whole relation)',
    z.object({ connectionId, oid: z.number().int().positive(), method: z.enum(['pgstattuple', 'pgstattuple_approx', 'pgstatindex']) }),
    exactBloatSchema,
  ),
  'insights.advisor': query(
    'Index advisor: unused, duplicate and invalid indexes, foreign keys without an index, seq-scan-heavy tables, UUIDs in text',
    z.object({ connectionId }),
    z.object({ findings: z.array(findingSchema), statsReset: isoTime.nullable() }),
  ),
  'insights.migrationDraft': query(
    'An up/down migration pair that fixes one advisor finding, for the migrations workbench',
    z.object({ connectionId, findingId: z.string().min(1).max(300) }),
    migrationDraftSchema,
  ),
  'insights.activity': query(
    'Sessions with state, waits, durations and the blocking tree (pg_blocking_pids)',
    z.object({ connectionId, includeIdle: z.boolean().default(true), longRunningMs: z.number().int().min(0).default(60_000) }),
    z.object({ sessions: z.array(sessionSchema), at: isoTime, ownPid: z.number().int() }),
  ),
  'insights.signalSession': mutation(
    'pg_cancel_backend (cancel the running query) or pg_terminate_backend (close the session)',
    z.object({
      connectionId,
      pid: z.number().int().positive(),
      action: z.enum(['cancel', 'terminate']),
      /** The database name typed by the user: required to terminate on a production-labelled connection. */
      confirmDatabase: z.string().max(63).optional(),
    }),
    z.object({ signalled: z.boolean() }),
    { writes: true },
  ),
  'insights.health': query(
    'Cache and index hit ratios, connections, wraparound age, sizes, replication lag and slots',
    z.object({ connectionId }),
    healthSnapshotSchema,
  ),
};
