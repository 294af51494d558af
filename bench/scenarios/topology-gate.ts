import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCore, type Core } from '../../electron/core/create-core';
import { startTopology, type Topology } from '../../electron/core/testing/debian-topology';
import { insertGateFixture } from '../../electron/core/testing/gate-fixture';
import { applyTicketzSchema } from '../../electron/core/testing/ticketz-schema';
import { percentile, registerScenario, type BenchContext } from '../harness';
import { addBenchTickets, benchPayload, resetBenchTickets, type GateBench } from '../ops/gate-tickets';

/**
 * The gate with 16 scanners through PgBouncer 1.18 in transaction mode, against the same console
 * straight to the same PostgreSQL 15 primary, window after window in one run (the topology of
 * electron/core/testing/debian-topology.ts). Scanners call the core in-process (no HTTP hop), so
 * the ratio is what the pooler costs: an extra hop per statement, and unnamed statements (parsed
 * per execution) where the direct pool keeps named ones. Measured: ms per accepted scan.
 */
const SCANNERS = 16;
const WINDOW_S = 5;
const TICKETS = 300_000;
const DB = 'gate_bench';

interface Setup {
  topology: Topology;
  core: Core;
  dataDir: string;
  pool: pg.Pool;
  bench: GateBench;
  pooledId: string;
  directId: string;
  nextTicket: number;
}
let state: Setup | undefined;

async function setUp(ctx: BenchContext): Promise<Setup> {
  const topology = await startTopology({ prefix: 'ticketz-bench-topology', poolSize: 20 });
  const admin = new pg.Client({ connectionString: topology.primary.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: topology.primary.urlFor(DB), max: 4 });
  await applyTicketzSchema(pool);
  await insertGateFixture(pool, 1); // an upcoming published event with a general tier
  const bench = await addBenchTickets(pool, TICKETS);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-bench-core-'));
  // 20 sessions, one per scanner, as the ops gate bench configures a 16-scanner gate
  const core = createCore({ dataDir, host: 'direct', poolSize: 20 });
  const save = async (name: string, port: number) => {
    const r = await core.dispatch(
      'connections.save',
      { fields: { name, host: '127.0.0.1', port, database: DB, user: 'postgres', sslmode: 'disable' }, password: topology.password },
      { host: 'direct' },
    );
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: string }).id;
  };
  ctx.log(`  topology up: PostgreSQL 15 on ${topology.primary.port}, PgBouncer on ${topology.bouncer.port}`);
  return {
    topology,
    core,
    dataDir,
    pool,
    bench,
    pooledId: await save('pgbouncer', topology.bouncer.port),
    directId: await save('direct', topology.primary.port),
    nextTicket: 1,
  };
}

/** 16 scanner loops for one window; every scan a first scan of a VALID ticket (an acceptance that commits). */
async function window(ctx: BenchContext, s: Setup, connectionId: string, label: string): Promise<number> {
  await resetBenchTickets(s.pool, s.bench);
  s.nextTicket = 1;
  const latencies: number[] = [];
  let refused = 0;
  const deadline = performance.now() + WINDOW_S * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SCANNERS }, async (_, i) => {
      while (performance.now() < deadline && s.nextTicket <= s.bench.count) {
        const n = s.nextTicket++;
        const t0 = performance.now();
        const r = await s.core.dispatch(
          'tickets.validate',
          { connectionId, eventId: s.bench.eventId, qrHash: benchPayload(n), gate: `Gate ${i}`, staff: `bench ${i}` },
          { host: 'direct' },
        );
        latencies.push(performance.now() - t0);
        if (!r.ok || (r.value as { outcome: string }).outcome !== 'ACCEPTED') refused++;
      }
    }),
  );
  if (refused > 0) throw new Error(`${label}: ${refused} scans were not accepted`);
  const perSecond = (latencies.length / (performance.now() - started)) * 1000;
  ctx.log(
    `    ${label}: ${latencies.length} scans, ${perSecond.toFixed(0)}/s, median ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
  );
  return 1000 / perSecond;
}

registerScenario({
  name: `topology: tickets.validate through PgBouncer (transaction mode), ${SCANNERS} scanners`,
  description: `ms per accepted scan, ${SCANNERS} in-process scanners through PgBouncer 1.18 vs the same console direct to the PostgreSQL 15 primary`,
  iterations: () => 3,
  async setup(ctx) {
    state = await setUp(ctx);
  },
  async run(ctx) {
    if (!state) throw new Error('the topology did not start');
    return window(ctx, state, state.pooledId, 'through PgBouncer');
  },
  reference: {
    label: `the console direct to PostgreSQL 15, ${SCANNERS} scanners`,
    async run(ctx) {
      if (!state) throw new Error('the topology did not start');
      return window(ctx, state, state.directId, 'direct');
    },
  },
  async teardown() {
    if (!state) return;
    const s = state;
    state = undefined;
    await s.core.dispose();
    await s.pool.end();
    await s.topology.stop();
    rmSync(s.dataDir, { recursive: true, force: true });
  },
});
