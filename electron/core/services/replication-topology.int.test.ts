import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { startTopology, waitForReplay, type Topology } from '../testing/debian-topology';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { applyTicketzSchema } from '../testing/ticketz-schema';

// A Debian PostgreSQL 15 primary and its streaming standby (pg_basebackup -R), as the console sees them.
let topology: Topology;
let core: DirectCore;
let primaryId: string;
let replicaId: string;
let primaryPool: pg.Pool;
let standbyPool: pg.Pool;
let fx: GateFixture;
const DB = 'shop';

beforeAll(async () => {
  topology = await startTopology({ prefix: 'ticketz-replica' });
  const admin = new pg.Client({ connectionString: topology.primary.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.query(`SELECT pg_create_physical_replication_slot('forgotten_slot')`);
  await admin.end();
  primaryPool = new pg.Pool({ connectionString: topology.primary.urlFor(DB), max: 3 });
  await applyTicketzSchema(primaryPool);
  fx = await insertGateFixture(primaryPool, 3);
  await waitForReplay(topology, DB);
  standbyPool = new pg.Pool({ connectionString: topology.standby.urlFor(DB), max: 2 });
  core = createDirectCore();
  const fields = { host: '127.0.0.1', database: DB, user: 'postgres', sslmode: 'disable' as const };
  primaryId = (
    await core.call('connections.save', {
      fields: { ...fields, name: 'Primary', port: topology.primary.port },
      password: topology.password,
    })
  ).id;
  replicaId = (
    await core.call('connections.save', {
      fields: { ...fields, name: 'Replica', port: topology.standby.port, primaryId },
      password: topology.password,
    })
  ).id;
});

afterAll(async () => {
  await core?.dispose();
  await standbyPool?.end();
  await primaryPool?.end();
  await topology?.stop();
});

const write = async (rows: number) => {
  await primaryPool.query('CREATE TABLE IF NOT EXISTS churn (x int)');
  await primaryPool.query('INSERT INTO churn SELECT generate_series(1, $1)', [rows]);
};

describe('replication.overview', () => {
  it('on the primary: the standby streaming, an inactive slot flagged, and the rate of WAL generation', async () => {
    const first = await core.call('replication.overview', { connectionId: primaryId });
    expect(first.role).toBe('primary');
    expect(first.thresholds).toEqual({ warningSeconds: 5, criticalSeconds: 30 });
    expect(first.standbys).toHaveLength(1);
    expect(first.standbys[0]).toMatchObject({ state: 'streaming', syncState: 'async', clientAddr: '127.0.0.1', level: 'ok' });
    expect(first.standby).toBeNull();
    const slot = first.slots.find((s) => s.name === 'forgotten_slot');
    expect(slot).toMatchObject({ active: false, type: 'physical' });
    expect(slot?.alert).toMatch(/Inactive/);
    expect(first.wal?.bytesPerSecond).toBeNull(); // one sample gives no rate

    await write(20_000);
    const second = await core.call('replication.overview', { connectionId: primaryId });
    expect(second.wal?.bytesPerSecond).toBeGreaterThan(0);
    expect(second.wal?.sampledOverSeconds).toBeGreaterThan(0);
  });

  it('on the standby: its upstream and replay lag, which appears when replay is paused', async () => {
    await waitForReplay(topology, DB);
    const caughtUp = await core.call('replication.overview', { connectionId: replicaId });
    expect(caughtUp.role).toBe('standby');
    expect(caughtUp.standby?.upstream).toMatchObject({ status: 'streaming', senderPort: topology.primary.port });
    expect(caughtUp.standby).toMatchObject({ replayLagBytes: '0', replayLagSeconds: 0, replayPaused: false, level: 'ok' });

    await standbyPool.query('SELECT pg_wal_replay_pause()');
    try {
      await write(5_000);
      // Wait until the standby has received WAL it does not replay.
      for (let i = 0; i < 100; i++) {
        const { rows } = await standbyPool.query<{ behind: boolean }>(
          'SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() AS behind',
        );
        if (rows[0]?.behind) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 1_100));
      const paused = await core.call('replication.overview', { connectionId: replicaId });
      expect(paused.standby?.replayPaused).toBe(true);
      expect(Number(paused.standby?.replayLagBytes)).toBeGreaterThan(0);
      expect(paused.standby?.replayLagSeconds).toBeGreaterThanOrEqual(1);
      const onPrimary = await core.call('replication.overview', { connectionId: primaryId });
      expect(Number(onPrimary.standbys[0]?.replayLagBytes)).toBeGreaterThan(0);
      const ping = await core.call('connections.ping', { id: replicaId });
      expect(ping.inRecovery).toBe(true);
      expect(ping.replicaLagSeconds).toBeGreaterThanOrEqual(1);
    } finally {
      await standbyPool.query('SELECT pg_wal_replay_resume()');
    }
    await waitForReplay(topology, DB);
    const resumed = await core.call('replication.overview', { connectionId: replicaId });
    expect(resumed.standby).toMatchObject({ replayLagBytes: '0', replayLagSeconds: 0, replayPaused: false });
  });
});

describe('a replica profile', () => {
  it('serves the read-only pages (orders lookup) from the standby', async () => {
    const found = await core.call('orders.search', { connectionId: replicaId, q: fx.customerEmail });
    expect(found.orders.map((o) => o.id)).toContain(fx.orderId);
  });

  it('refuses a write with an error that names the standby and its primary', async () => {
    const err = await core
      .call('tickets.validate', {
        connectionId: replicaId,
        eventId: fx.eventId,
        qrHash: fx.tickets['valid-1']!.payload,
        gate: 'G',
        staff: 's',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).code).toBe('READ_ONLY');
    expect((err as RpcError).message).toMatch(/standby .*cannot take writes.*"Primary"/);
    expect((err as RpcError).pg?.sqlstate).toBe('25006');
    // On the primary the same scan is accepted: the refusal came from the standby, not the ticket.
    const ok = await core.call('tickets.validate', {
      connectionId: primaryId,
      eventId: fx.eventId,
      qrHash: fx.tickets['valid-1']!.payload,
      gate: 'G',
      staff: 's',
    });
    expect(ok.outcome).toBe('ACCEPTED');
  });
});
