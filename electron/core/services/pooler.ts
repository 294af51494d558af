import type pg from 'pg';
import type { PoolerPool, poolerContract, ShowTable } from '../../../shared/contract/pooler';
import { defaultHealthThresholds, levelOf } from '../../../shared/domain/health-thresholds';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import { poolerOf } from '../db/pooler';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

const UTILIZATION = defaultHealthThresholds.connectionsRatio;

/** The admin console speaks only the simple query protocol: fixed SHOW commands, no parameters. */
async function show(pool: pg.Pool, what: 'POOLS' | 'STATS' | 'CLIENTS' | 'SERVERS' | 'DATABASES' | 'CONFIG' | 'VERSION') {
  return pool.query<Record<string, unknown>>(`SHOW ${what}`);
}

const cell = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

function asTable(result: pg.QueryResult<Record<string, unknown>>): ShowTable {
  const columns = result.fields.map((f) => f.name);
  return { columns, rows: result.rows.map((row) => columns.map((c) => cell(row[c]))) };
}

const num = (v: unknown) => (v === null || v === undefined || v === '' ? 0 : Number(v));

/** Each pool with its size from SHOW DATABASES (pool_size), utilization = sv_active / pool_size. */
export function poolsOf(pools: Record<string, unknown>[], databases: Record<string, unknown>[]): PoolerPool[] {
  const sizeOf = new Map(
    databases.map((d) => [String(d.name), d.pool_size === null || d.pool_size === undefined ? null : Number(d.pool_size)]),
  );
  return pools.map((p) => {
    const poolSize = sizeOf.get(String(p.database)) ?? null;
    const svActive = num(p.sv_active);
    const utilization = poolSize && poolSize > 0 ? svActive / poolSize : null;
    return {
      database: String(p.database),
      user: String(p.user),
      poolMode: p.pool_mode === undefined || p.pool_mode === null ? null : String(p.pool_mode),
      clActive: num(p.cl_active),
      clWaiting: num(p.cl_waiting),
      svActive,
      svIdle: num(p.sv_idle),
      svUsed: num(p.sv_used),
      maxwaitSeconds: num(p.maxwait) + num(p.maxwait_us) / 1_000_000,
      poolSize,
      utilization,
      level: levelOf(utilization, UTILIZATION),
      waiting: num(p.cl_waiting) > 0,
    };
  });
}

async function adminPool(deps: CoreDeps, connectionId: string): Promise<pg.Pool> {
  const pool = await deps.pools.get(connectionId);
  if (!poolerOf(pool)?.adminConsole)
    throw new RpcError(
      'BAD_REQUEST',
      'This connection is not PgBouncer\'s admin console. Make a profile for the pooler\'s address with database "pgbouncer" and a user listed in its admin_users or stats_users.',
    );
  return pool;
}

/**
 * PAUSE, RESUME, RECONNECT take a database name as the admin console parses it, not an SQL
 * literal or bound parameter: only a name SHOW DATABASES lists, and only plain characters.
 */
async function checkedDatabase(pool: pg.Pool, database: string): Promise<string> {
  if (!/^[A-Za-z0-9_]+$/.test(database))
    throw new RpcError(
      'BAD_REQUEST',
      `The console sends PgBouncer commands only for database names of letters, digits and underscores; "${database}" is not one.`,
    );
  const { rows } = await show(pool, 'DATABASES');
  if (!rows.some((r) => r.name === database)) throw new RpcError('NOT_FOUND', `PgBouncer has no database "${database}" (SHOW DATABASES).`);
  return database;
}

export function poolerHandlers(deps: CoreDeps): HandlersFor<typeof poolerContract> {
  const command =
    (verb: 'PAUSE' | 'RESUME' | 'RECONNECT') =>
    async ({ connectionId, database }: { connectionId: string; database: string }) => {
      const pool = await adminPool(deps, connectionId);
      const name = await checkedDatabase(pool, database);
      return audited(
        deps.audit,
        connectionId,
        { action: `pooler.${verb.toLowerCase()}`, target: name, detail: `PgBouncer ${verb} ${name}` },
        async () => {
          const result = await pool.query(`${verb} ${name}`);
          return { database: name, command: verb, message: `${result.command ?? verb} ${name}: done` };
        },
      );
    };
  return {
    'pooler.overview': async ({ connectionId }) => {
      const pool = await adminPool(deps, connectionId);
      const [version, pools, stats, clients, servers, databases, config] = await Promise.all([
        show(pool, 'VERSION'),
        show(pool, 'POOLS'),
        show(pool, 'STATS'),
        show(pool, 'CLIENTS'),
        show(pool, 'SERVERS'),
        show(pool, 'DATABASES'),
        show(pool, 'CONFIG'),
      ]);
      return {
        version: cell(version.rows[0]?.version) ?? 'PgBouncer',
        pools: poolsOf(pools.rows, databases.rows),
        stats: asTable(stats),
        clients: asTable(clients),
        servers: asTable(servers),
        databases: asTable(databases),
        config: asTable(config),
        thresholds: { warning: UTILIZATION.warning, critical: UTILIZATION.critical ?? UTILIZATION.warning },
      };
    },
    'pooler.pause': command('PAUSE'),
    'pooler.resume': command('RESUME'),
    'pooler.reconnect': command('RECONNECT'),
  };
}
