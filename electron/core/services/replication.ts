import type pg from 'pg';
import type { replicationContract, ReplicationOverview, StandbyStatus } from '../../../shared/contract/replication';
import { defaultHealthThresholds, levelOf } from '../../../shared/domain/health-thresholds';
import { withCatalogRead } from '../db/catalog-read';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import slotsSql from '../sql/replication/slots.sql?raw';
import standbyStatusSql from '../sql/replication/standby-status.sql?raw';
import standbysSql from '../sql/replication/standbys.sql?raw';
import walPositionSql from '../sql/replication/wal-position.sql?raw';
import walReceiverSql from '../sql/replication/wal-receiver.sql?raw';

const LAG = defaultHealthThresholds.replicationLagSeconds;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The previous WAL position per pool, for the rate between two overviews (a new pool starts over). */
const walSamples = new WeakMap<pg.Pool, { bytes: number; at: number }>();

interface StandbyRow {
  pid: number;
  application_name: string;
  client_addr: string | null;
  client_hostname: string | null;
  state: string;
  sync_state: string;
  write_lag_bytes: string | null;
  flush_lag_bytes: string | null;
  replay_lag_bytes: string | null;
  write_lag_seconds: number | null;
  flush_lag_seconds: number | null;
  replay_lag_seconds: number | null;
  reply_time: Date | null;
}

interface SlotRow {
  slot_name: string;
  slot_type: string;
  database: string | null;
  active: boolean;
  active_pid: number | null;
  wal_status: string | null;
  retained_bytes: string | null;
}

/**
 * The standby's time lag as the primary sees it: replay_lag, which is NULL once the standby caught
 * up on an idle primary — then 0 if it replayed every byte, unknown if bytes remain.
 */
const standbyLagSeconds = (r: StandbyRow) => r.replay_lag_seconds ?? (r.replay_lag_bytes === '0' ? 0 : null);

async function primaryOverview(client: pg.PoolClient, pool: pg.Pool): Promise<Omit<ReplicationOverview, 'role' | 'thresholds'>> {
  const standbys = (await client.query<StandbyRow>(standbysSql)).rows;
  const slots = (await client.query<SlotRow>(slotsSql)).rows;
  const [wal] = (await client.query<{ lsn: string; position_bytes: string; at_epoch: number }>(walPositionSql)).rows;
  let rate: { bytesPerSecond: number | null; sampledOverSeconds: number | null } = { bytesPerSecond: null, sampledOverSeconds: null };
  if (wal) {
    const now = { bytes: Number(wal.position_bytes), at: wal.at_epoch };
    const previous = walSamples.get(pool);
    if (previous && now.at > previous.at) {
      const seconds = now.at - previous.at;
      rate = { bytesPerSecond: Math.max(0, (now.bytes - previous.bytes) / seconds), sampledOverSeconds: seconds };
    }
    walSamples.set(pool, now);
  }
  return {
    standbys: standbys.map((r) => ({
      pid: r.pid,
      applicationName: r.application_name,
      clientAddr: r.client_addr,
      clientHostname: r.client_hostname,
      state: r.state,
      syncState: r.sync_state,
      writeLagBytes: r.write_lag_bytes,
      flushLagBytes: r.flush_lag_bytes,
      replayLagBytes: r.replay_lag_bytes,
      writeLagSeconds: r.write_lag_seconds,
      flushLagSeconds: r.flush_lag_seconds,
      replayLagSeconds: r.replay_lag_seconds,
      replyTime: iso(r.reply_time),
      level: levelOf(standbyLagSeconds(r), LAG),
    })),
    slots: slots.map((s) => ({
      name: s.slot_name,
      type: s.slot_type,
      database: s.database,
      active: s.active,
      activePid: s.active_pid,
      walStatus: s.wal_status,
      retainedBytes: s.retained_bytes,
      alert: s.active ? null : 'Inactive: this slot keeps WAL on the primary until a consumer uses it again or it is dropped.',
    })),
    wal: wal ? { lsn: wal.lsn, ...rate } : null,
    standby: null,
  };
}

/** Replay status of a standby; also what replica pages show beside their data. */
export async function readStandbyStatus(client: pg.ClientBase): Promise<StandbyStatus> {
  const [s] = (
    await client.query<{
      receive_lsn: string | null;
      replay_lsn: string | null;
      replay_lag_bytes: string | null;
      last_replayed_at: Date | null;
      replay_paused: boolean;
      replay_lag_seconds: number | null;
    }>(standbyStatusSql)
  ).rows;
  const [w] = (
    await client.query<{
      status: string;
      sender_host: string | null;
      sender_port: number | null;
      slot_name: string | null;
      last_msg_receipt_time: Date | null;
    }>(walReceiverSql)
  ).rows;
  return {
    upstream: w
      ? {
          status: w.status,
          senderHost: w.sender_host,
          senderPort: w.sender_port,
          slotName: w.slot_name,
          lastMessageAt: iso(w.last_msg_receipt_time),
        }
      : null,
    receiveLsn: s?.receive_lsn ?? null,
    replayLsn: s?.replay_lsn ?? null,
    replayLagBytes: s?.replay_lag_bytes ?? null,
    replayLagSeconds: s?.replay_lag_seconds ?? null,
    lastReplayedAt: iso(s?.last_replayed_at ?? null),
    replayPaused: s?.replay_paused ?? false,
    level: levelOf(s?.replay_lag_seconds, LAG),
  };
}

export function replicationHandlers(deps: CoreDeps): HandlersFor<typeof replicationContract> {
  return {
    'replication.overview': async ({ connectionId }) => {
      const pool = await deps.pools.get(connectionId);
      return withCatalogRead(pool, async (client) => {
        const { rows } = await client.query<{ standby: boolean }>('SELECT /* ticketz-console */ pg_catalog.pg_is_in_recovery() AS standby');
        const thresholds = { warningSeconds: LAG.warning, criticalSeconds: LAG.critical ?? LAG.warning };
        if (rows[0]?.standby)
          return { role: 'standby' as const, thresholds, standbys: [], slots: [], wal: null, standby: await readStandbyStatus(client) };
        return { role: 'primary' as const, thresholds, ...(await primaryOverview(client, pool)) };
      });
    },
  };
}
