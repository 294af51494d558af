import type pg from 'pg';
import type { HealthSnapshot } from '../../../shared/contract/insights';
import { pickVariant } from '../sql/pick-variant';
import connectionsSql from '../sql/health/connections.sql?raw';
import databaseSizesSql from '../sql/health/database-sizes.sql?raw';
import largestSql from '../sql/health/largest-relations.sql?raw';
import p99V13 from '../sql/health/query-p99.v13.sql?raw';
import p99 from '../sql/health/query-p99.sql?raw';
import ratiosSql from '../sql/health/ratios.sql?raw';
import replicationSql from '../sql/health/replication.sql?raw';
import slotsSql from '../sql/health/slots.sql?raw';
import standbySql from '../sql/health/standby.sql?raw';
import wraparoundSql from '../sql/health/wraparound.sql?raw';
import { readStatementsStatus, useExtensionSchema } from './statements';

/** Transaction IDs are compared modulo 2^32; a database must be frozen before 2^31 (~2.1 billion). */
const XID_LIMIT = 2 ** 31;

export const p99Sql = (extMajor: number) => pickVariant({ 0: p99, 13: p99V13 }, extMajor);

export async function readHealth(client: pg.ClientBase): Promise<HealthSnapshot> {
  const q = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql)).rows;
  const [ratios] = await q<{ cache_hit_ratio: number | null; index_hit_ratio: number | null; index_usage_ratio: number | null }>(ratiosSql);
  const [conn] = await q<{ total: number; active: number; idle_in_transaction: number; max: number; reserved: number }>(connectionsSql);
  const wrap = await q<{ database: string; xid_age: number; mxid_age: number; freeze_max_age: number }>(wraparoundSql);
  const databases = await q<{ name: string; bytes: string }>(databaseSizesSql);
  const largest = await q<{ schema: string; name: string; kind: string; bytes: string }>(largestSql);
  const replication = await q<{
    application: string;
    client: string | null;
    state: string;
    sync_state: string;
    replay_lag_seconds: number | null;
    lag_bytes: string | null;
  }>(replicationSql);
  const slots = await q<{ name: string; type: string; active: boolean; retained_bytes: string | null; wal_status: string | null }>(
    slotsSql,
  );
  const [standby] = await q<{ in_recovery: boolean; replay_delay_seconds: number | null }>(standbySql);

  let queryP99: HealthSnapshot['queryP99'] = null;
  const { source } = await readStatementsStatus(client);
  if (source) {
    await useExtensionSchema(client, source.schema);
    const [worst] = await q<{ queryid: string; query: string; p99_ms: number }>(p99Sql(source.extMajor));
    if (worst) queryP99 = { ms: worst.p99_ms, queryid: worst.queryid, query: worst.query };
  }

  return {
    at: new Date().toISOString(),
    cacheHitRatio: ratios?.cache_hit_ratio ?? null,
    indexHitRatio: ratios?.index_hit_ratio ?? null,
    indexUsageRatio: ratios?.index_usage_ratio ?? null,
    connections: {
      total: conn!.total,
      active: conn!.active,
      idleInTransaction: conn!.idle_in_transaction,
      max: conn!.max,
      reserved: conn!.reserved,
    },
    queryP99,
    wraparound: wrap.map((w) => ({ database: w.database, xidAge: w.xid_age, ratio: w.xid_age / XID_LIMIT, mxidAge: w.mxid_age })),
    autovacuumFreezeMaxAge: wrap[0]?.freeze_max_age ?? 200_000_000,
    databases,
    largestRelations: largest,
    replication: replication.map((r) => ({
      application: r.application,
      client: r.client,
      state: r.state,
      syncState: r.sync_state,
      replayLagSeconds: r.replay_lag_seconds,
      lagBytes: r.lag_bytes,
    })),
    slots: slots.map((s) => ({ name: s.name, type: s.type, active: s.active, retainedBytes: s.retained_bytes, walStatus: s.wal_status })),
    inRecovery: standby?.in_recovery ?? false,
    standbyReplayDelaySeconds: standby?.replay_delay_seconds ?? null,
  };
}
