import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { startTopology, type Topology } from '../testing/debian-topology';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { packageRootForTests } from '../testing/package-root';

// The console in front of PgBouncer 1.18 in transaction mode (electron/core/testing/debian-topology.ts).
let topology: Topology;
let direct: DirectCore;
/** A second console (another gate laptop) through the same PgBouncer. */
let second: DirectCore;
let secondPooledId: string;
let pooledId: string;
let pooledWithDirectId: string;
let directId: string;
let primaryPool: pg.Pool;
let fx: GateFixture;
const DB = 'gate';
const migrationsDir = path.join(packageRootForTests, 'migrations');

beforeAll(async () => {
  topology = await startTopology({ prefix: 'ticketz-pooler', poolSize: 6 });
  const admin = new pg.Client({ connectionString: topology.primary.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  primaryPool = new pg.Pool({ connectionString: topology.primary.urlFor(DB), max: 4 });
  direct = createDirectCore({ poolSize: 16 });
  const fields = { name: 'x', host: '127.0.0.1', database: DB, user: 'postgres', sslmode: 'disable' as const };
  const save = async (name: string, extra: Record<string, unknown>) =>
    (
      await direct.call('connections.save', {
        fields: { ...fields, name, port: topology.bouncer.port, ...extra },
        password: topology.password,
      })
    ).id;
  pooledId = await save('through PgBouncer', {});
  pooledWithDirectId = await save('PgBouncer, with a direct address', { directHost: '127.0.0.1', directPort: topology.primary.port });
  directId = await save('the primary itself', { port: topology.primary.port });
  second = createDirectCore({ poolSize: 16 });
  secondPooledId = (
    await second.call('connections.save', {
      fields: { ...fields, name: 'gate 2', port: topology.bouncer.port },
      password: topology.password,
    })
  ).id;
});

afterAll(async () => {
  await direct?.dispose();
  await second?.dispose();
  await primaryPool?.end();
  await topology?.stop();
});

const rpcError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => {
      if (!(err instanceof RpcError)) throw err;
      return err;
    },
  );

describe('through PgBouncer in transaction mode', () => {
  it('connects (no startup parameters) and names the pooler; a direct profile sees none', async () => {
    const info = await direct.call('connections.connect', { id: pooledId });
    expect(info.serverVersionNum).toBeGreaterThanOrEqual(150000);
    expect(info.pooler?.kind).toBe('pgbouncer');
    expect(info.pooler?.evidence).toContain('statement_timeout');
    expect((await direct.call('connections.connect', { id: directId })).pooler).toBeUndefined();
    expect(
      (await direct.call('connections.test', { fields: { ...(await profileFields(pooledId)) }, password: topology.password })).pooler?.kind,
    ).toBe('pgbouncer');
  });

  it('refuses migrate up through the pooler, naming it; the same profile migrates over its direct address', async () => {
    const refused = await rpcError(direct.call('migrations.apply', { connectionId: pooledId, dir: migrationsDir }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/PgBouncer/);
    expect(refused.message).toMatch(/direct/);
    const { rows } = await primaryPool.query("SELECT to_regclass('ticketing.tickets') IS NULL AS absent");
    expect(rows[0].absent).toBe(true);

    const { ran } = await direct.call('migrations.apply', { connectionId: pooledWithDirectId, dir: migrationsDir });
    expect(ran.length).toBeGreaterThan(0);
    const status = await direct.call('migrations.status', { connectionId: pooledWithDirectId, dir: migrationsDir });
    expect(status.migrations.every((m) => m.status === 'applied')).toBe(true);
    fx = await insertGateFixture(primaryPool, 40);
  });

  it('accepts each ticket exactly once with 160 concurrent scans from 16 gates on two consoles', async () => {
    // Two consoles share PgBouncer's server sessions: a named statement one of them prepared is
    // "already exists" (42P05) for the other, or missing (26000) on the session it gets next.
    const tickets = Array.from({ length: 40 }, (_, i) => fx.tickets[`valid-${i + 1}`]!);
    const scans = tickets.flatMap((t, ti) => [0, 1, 2, 3].map((k) => ({ t, gate: `Gate ${(ti * 4 + k) % 16}`, console: k % 2 })));
    const results = await Promise.all(
      scans.map(({ t, gate, console }) =>
        (console === 0 ? direct : second).call('tickets.validate', {
          connectionId: console === 0 ? pooledId : secondPooledId,
          eventId: fx.eventId,
          qrHash: t.payload,
          gate,
          staff: 'pooler-test',
        }),
      ),
    );
    for (const t of tickets) {
      const mine = results.filter((_, i) => scans[i]!.t === t).map((r) => r.outcome);
      expect(mine.filter((o) => o === 'ACCEPTED')).toHaveLength(1);
      expect(mine.filter((o) => o === 'ALREADY_USED')).toHaveLength(3);
    }
    const { rows } = await primaryPool.query<{ accepted: string; used: string }>(
      `SELECT count(*) FILTER (WHERE v.outcome = 'ACCEPTED') AS accepted,
              (SELECT count(*) FROM ticketing.tickets WHERE id = ANY($1::uuid[]) AND status = 'USED') AS used
       FROM ticketing.ticket_validations v WHERE v.ticket_id = ANY($1::uuid[])`,
      [tickets.map((t) => t.id)],
    );
    expect(rows[0]).toEqual({ accepted: '40', used: '40' });
    // The scans really went through PgBouncer's transaction pool, not around it.
    const admin = new pg.Client({ connectionString: topology.bouncer.urlFor('pgbouncer') });
    await admin.connect();
    const stats = await admin.query<{ database: string; total_xact_count: string }>('SHOW STATS');
    await admin.end();
    expect(Number(stats.rows.find((r) => r.database === DB)?.total_xact_count)).toBeGreaterThan(0);
  });

  it('Manual transaction mode says it needs a direct connection; with a direct address it opens', async () => {
    const refused = await rpcError(direct.call('query.openSession', { connectionId: pooledId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Manual transaction mode .*needs a direct connection.*PgBouncer/s);
    const opened = await direct.call('query.openSession', { connectionId: pooledWithDirectId });
    expect(opened.sessionId).toBeTruthy();
    await direct.call('query.closeSession', { connectionId: pooledWithDirectId, sessionId: opened.sessionId });
  });

  it('a read-only profile through the pooler refuses writes (each statement in a READ ONLY transaction)', async () => {
    const readOnlyId = (
      await direct.call('connections.save', {
        fields: { ...(await profileFields(pooledId)), name: 'read-only pooled', readOnly: true },
        password: topology.password,
      })
    ).id;
    const pool = await direct.core.deps.pools.get(readOnlyId);
    await expect(pool.query('CREATE TABLE must_not_exist (id int)')).rejects.toMatchObject({ code: '25006' });
    const { rows } = await pool.query<{ n: number }>('SELECT 1 AS n');
    expect(rows[0]?.n).toBe(1);
  });
});

async function profileFields(id: string) {
  const { profiles } = await direct.call('connections.list', {});
  const { id: _id, kind: _kind, hasPassword: _has, ...fields } = profiles.find((p) => p.id === id)!;
  return fields;
}

describe("PgBouncer's admin console", () => {
  let adminId: string;
  beforeAll(async () => {
    adminId = (
      await direct.call('connections.save', {
        fields: {
          name: 'PgBouncer admin',
          host: '127.0.0.1',
          port: topology.bouncer.port,
          database: 'pgbouncer',
          user: 'postgres',
          sslmode: 'disable',
        },
        password: topology.password,
      })
    ).id;
  });

  it('connects as the admin console and refuses the overview on a database profile', async () => {
    const info = await direct.call('connections.connect', { id: adminId });
    expect(info.serverVersion).toMatch(/^PgBouncer 1\.18/);
    expect(info.pooler?.adminConsole).toBe(true);
    expect((await rpcError(direct.call('pooler.overview', { connectionId: pooledId }))).code).toBe('BAD_REQUEST');
  });

  it('shows a full pool as critical with its waiting clients, then PAUSE / RESUME / RECONNECT, audited', async () => {
    // Hold every server connection of the pool (6) in a transaction and queue one more client.
    const holders = Array.from(
      { length: topology.bouncer.poolSize + 1 },
      () => new pg.Client({ connectionString: topology.bouncer.urlFor(DB) }),
    );
    await Promise.all(holders.map((c) => c.connect()));
    const sleeps = holders.map((c) => c.query('SELECT pg_sleep(1.5)'));
    try {
      let pool;
      for (let i = 0; i < 50; i++) {
        const overview = await direct.call('pooler.overview', { connectionId: adminId });
        pool = overview.pools.find((p) => p.database === DB && p.user === 'postgres');
        if (pool && pool.svActive === topology.bouncer.poolSize && pool.clWaiting > 0) break;
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(pool).toMatchObject({
        poolSize: topology.bouncer.poolSize,
        svActive: topology.bouncer.poolSize,
        utilization: 1,
        level: 'critical',
        waiting: true,
      });
      expect(pool?.clWaiting).toBeGreaterThanOrEqual(1);
      const overview = await direct.call('pooler.overview', { connectionId: adminId });
      expect(overview.config.rows.find((r) => r[0] === 'pool_mode')?.[1]).toBe('transaction');
      expect(overview.clients.columns).toContain('state');
      expect(overview.servers.rows.length).toBeGreaterThan(0);
      expect(overview.stats.columns).toContain('total_xact_count');
    } finally {
      await Promise.all(sleeps);
      await Promise.all(holders.map((c) => c.end()));
    }
    const idle = (await direct.call('pooler.overview', { connectionId: adminId })).pools.find(
      (p) => p.database === DB && p.user === 'postgres',
    );
    expect(idle).toMatchObject({ svActive: 0, utilization: 0, level: 'ok', waiting: false });

    const paused = async () => {
      const { databases } = await direct.call('pooler.overview', { connectionId: adminId });
      const row = databases.rows.find((r) => r[0] === DB);
      return row?.[databases.columns.indexOf('paused')];
    };
    expect((await direct.call('pooler.pause', { connectionId: adminId, database: DB })).command).toBe('PAUSE');
    expect(await paused()).toBe('1');
    await direct.call('pooler.resume', { connectionId: adminId, database: DB });
    expect(await paused()).toBe('0');
    await direct.call('pooler.reconnect', { connectionId: adminId, database: DB });
    expect((await rpcError(direct.call('pooler.pause', { connectionId: adminId, database: 'gate; SHUTDOWN' }))).code).toBe('BAD_REQUEST');
    expect((await rpcError(direct.call('pooler.pause', { connectionId: adminId, database: 'nowhere' }))).code).toBe('NOT_FOUND');
    const { entries } = await direct.call('audit.list', { connectionId: adminId });
    expect(entries.map((e) => `${e.action} ${e.target} ${e.outcome}`)).toEqual(
      expect.arrayContaining([`pooler.pause ${DB} succeeded`, `pooler.resume ${DB} succeeded`, `pooler.reconnect ${DB} succeeded`]),
    );
  });
});
