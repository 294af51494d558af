import { addBenchTickets, resetBenchTickets, type GateBench } from '../ops/gate-tickets';
import { percentile, registerScenario, type BenchContext } from '../harness';
import { runPgbench } from '../ops/pgbench-gate';
import { runScanLoad } from '../ops/scan-load';
import { seededDatabase } from '../ops/seeded';
import { startRelayProcess, startServeProcess } from '../ops/serve-process';

/**
 * tickets.validate through the browser-mode HTTP API (`serve` in its own process, keep-alive
 * HTTP scanners here), window after window in the same run. Durability stays on: every scan is a
 * first scan of a VALID ticket, an acceptance that pays a commit's fsync.
 *   1 scanner:   sample = the p99 of one 5 s window; reference = the p99 of a window of the same
 *                scanner against bench/ops/relay-server.ts, the lightest HTTP server that can answer
 *                a scan (the floor of any HTTP hop on this machine). Goal: ratio ≤ 1.2.
 *   16 scanners: sample = ms per accepted scan (1 / throughput); reference = 1 / tps of pgbench
 *                running the SAME statement (validate.sql) with 16 clients. Goal: ratio ≤ 1.43
 *                (throughput ≥ 0.7× pgbench's).
 */
const WINDOW_S = 5;
const BENCH_TICKETS = 400_000;
const PGBENCH_STRIDE = 20_000;

let tickets: Promise<GateBench> | undefined;

/** The bench tickets, added once per run to the seeded database. */
function benchTickets(ctx: BenchContext): Promise<GateBench> {
  tickets ??= seededDatabase(ctx).then((db) => addBenchTickets(db.pool, BENCH_TICKETS));
  return tickets;
}

interface ScanTarget {
  origin: string;
  token: string;
  connectionId: string;
  stop(): Promise<void>;
}

/** One window of `scanners` against a server; resolves with its p99 (ms) and throughput (scans/s). */
async function scanWindow(ctx: BenchContext, server: ScanTarget, scanners: number, what: string) {
  const bench = await benchTickets(ctx);
  const db = await seededDatabase(ctx);
  await resetBenchTickets(db.pool, bench);
  const r = await runScanLoad({
    origin: server.origin,
    token: server.token,
    connectionId: server.connectionId,
    eventId: bench.eventId,
    scanners,
    durationMs: WINDOW_S * 1000,
    firstTicket: 1,
    lastTicket: bench.count,
  });
  if (r.accepted !== r.latencies.length) throw new Error(`${r.latencies.length - r.accepted} scans were not accepted`);
  const perSecond = (r.latencies.length / r.elapsedMs) * 1000;
  const p99 = percentile(r.latencies, 99);
  ctx.log(
    `    ${what}: ${r.latencies.length} scans, ${perSecond.toFixed(0)}/s, median ${percentile(r.latencies, 50).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`,
  );
  return { p99, perSecond };
}

function scanScenario(scanners: 1 | 16): void {
  let serve: ScanTarget | undefined;
  let relay: ScanTarget | undefined;
  registerScenario({
    name: `ops: tickets.validate over HTTP, ${scanners} scanner${scanners > 1 ? 's' : ''}`,
    description:
      scanners === 1
        ? 'p99 of one gate scanner per 5 s window (HTTP keep-alive, server in its own process) vs the same scanner against the minimal HTTP→pg relay'
        : `ms per accepted scan with ${scanners} concurrent scanners vs 1/tps of pgbench -c ${scanners} -j 2, same statement`,
    sample: scanners === 1 ? `p99 of a ${WINDOW_S} s window` : `ms per accepted scan, ${WINDOW_S} s window`,
    iterations: () => 3,
    async setup(ctx) {
      await benchTickets(ctx);
      const url = `${(await seededDatabase(ctx)).url}?sslmode=disable`;
      // pool of 20 sessions: one per scanner, as a gate with 16 scanners would configure it
      serve = await startServeProcess(url, 20);
      if (scanners === 1) relay = { ...(await startRelayProcess(url)), token: 'unused', connectionId: 'unused' };
    },
    async run(ctx) {
      if (!serve) throw new Error('the server did not start');
      const w = await scanWindow(ctx, serve, scanners, 'HTTP');
      return scanners === 1 ? w.p99 : 1000 / w.perSecond;
    },
    reference:
      scanners === 1
        ? {
            label: 'minimal Node HTTP→pg relay, 1 scanner (bench/ops/relay-server.ts)',
            sample: `p99 of a ${WINDOW_S} s window`,
            run: async (ctx) => (await scanWindow(ctx, relay!, 1, 'relay')).p99,
          }
        : {
            label: `pgbench -M prepared -c ${scanners} (validate.sql)`,
            sample: `1/tps, ${WINDOW_S} s window`,
            async run(ctx) {
              const bench = await benchTickets(ctx);
              const db = await seededDatabase(ctx);
              await resetBenchTickets(db.pool, bench);
              const p = await runPgbench((args) => ctx.server.tool('pgbench', args, db.name), {
                kind: 'same',
                clients: scanners,
                seconds: WINDOW_S,
                eventId: bench.eventId,
                first: 1,
                stride: PGBENCH_STRIDE,
              });
              ctx.log(`    pgbench: ${p.transactions} tx, ${p.tps.toFixed(0)} tps, p99 ${percentile(p.latencies, 99).toFixed(2)} ms`);
              return 1000 / p.tps;
            },
          },
    async teardown() {
      await serve?.stop();
      await relay?.stop();
      serve = undefined;
      relay = undefined;
    },
  });
}

scanScenario(1);
scanScenario(16);
