import type { ClientBase } from 'pg';
import type { PoolerInfo, ServerInfo } from '../../../shared/contract/connections';
import serverInfoSql from '../sql/connection/server-info.sql?raw';
import standbyStatusSql from '../sql/replication/standby-status.sql?raw';

interface ServerInfoRow {
  server_version: string;
  server_version_num: number;
  database: string;
  role: string;
  is_superuser: boolean;
  in_recovery: boolean;
  read_only: boolean;
}

/** Server facts plus the round-trip time of one trivial query on an open session. */
export async function readServerInfo(client: ClientBase, pooler?: PoolerInfo): Promise<ServerInfo> {
  if (pooler?.adminConsole) return readAdminConsoleInfo(client, pooler);
  const started = performance.now();
  await client.query('SELECT 1');
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  const { rows } = await client.query<ServerInfoRow>(serverInfoSql);
  const row = rows[0];
  if (!row) throw new Error('server-info query returned no row');
  const lag = row.in_recovery ? (await client.query<{ replay_lag_seconds: number | null }>(standbyStatusSql)).rows[0] : undefined;
  return {
    serverVersion: row.server_version,
    serverVersionNum: row.server_version_num,
    database: row.database,
    role: row.role,
    isSuperuser: row.is_superuser,
    inRecovery: row.in_recovery,
    readOnly: row.read_only,
    latencyMs,
    ...(lag ? { replicaLagSeconds: lag.replay_lag_seconds } : {}),
    ...(pooler ? { pooler } : {}),
  };
}

/** PgBouncer's admin console has no SQL: its version and user, from SHOW commands. */
async function readAdminConsoleInfo(client: ClientBase, pooler: PoolerInfo): Promise<ServerInfo> {
  const started = performance.now();
  const { rows } = await client.query<{ version: string }>('SHOW VERSION');
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  return {
    serverVersion: rows[0]?.version ?? 'PgBouncer',
    serverVersionNum: 0,
    database: 'pgbouncer',
    role: client instanceof Object && 'user' in client && typeof client.user === 'string' ? client.user : '',
    isSuperuser: false,
    inRecovery: false,
    readOnly: false,
    latencyMs,
    pooler,
  };
}
