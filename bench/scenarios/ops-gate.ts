import { addBenchTickets, resetBenchTickets, type GateBench } from '../ops/gate-tickets';
import { percentile, registerScenario, type BenchContext } from '../harness';
import { runPgbench } from '../ops/pgbench-gate';
import { runScanLoad } from '../ops/scan-load';
import { seededDatabase } from '../ops/seeded';
import { startRelayProcess, startServeProcess } from '../ops/serve-process';

/**
 * tickets.validate through the browser-mode HTTP API (`serve` in its own process, keep-alive
 * HTTP scanners here), against pgbench running the SAME statement (validate.sql) with the same
 * number of clients, window after window in the same run. Durability stays on: every scan is a
 * first scan of a VALID ticket, an acceptance that pays a commit's fsync.
 *   1 scanner:   measured = p99 of a window; reference = pgbench's mean latency of a window.
 *                Goal: ratio <= 1.5.
 *   16 scanners: measured = ms per accepted scan (1 / throughput); reference = 1 / pgbench tps.
 *                Goal: ratio <= 1.43 (throughput >= 0.7x pgbench's).
 * The relay row runs the same load against bench/ops/relay-server.ts, the lightest HTTP server
 * that can answer a scan: the floor set by the extra process hop, apart from the console's code.
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

function scanScenario(scanners: number, target: 'serve' | 'relay' = 'serve'): void {
  let server: ScanTarget | undefined;
  const plural = `${scanners} scanner${scanners > 1 ? 's' : ''}`;
  registerScenario({
    name: target === 'serve' ? `ops: tickets.validate over HTTP, ${plural}` : `ops: floor, minimal Node HTTP→pg relay, ${plural}`,
    description:
      (scanners === 1
        ? 'p99 of one gate scanner (HTTP keep-alive, server in its own process) vs pgbench -c 1 mean latency, same statement'
        : `ms per accepted scan with ${scanners} concurrent scanners vs 1/tps of pgbench -c ${scanners} -j 2, same statement`) +
      (target === 'relay' ? '; the server is the bench relay, not the console' : ''),
    iterations: () => 3,
    async setup(ctx) {
      await benchTickets(ctx);
      const url = `${(await seededDatabase(ctx)).url}?sslmode=disable`;
      server =
        target === 'serve'
          ? // pool of 20 sessions: one per scanner, as a gate with 16 scanners would configure it
            await startServeProcess(url, 20)
          : { ...(await startRelayProcess(url)), token: 'unused', connectionId: 'unused' };
    },
    async run(ctx) {
      const bench = await benchTickets(ctx);
      const db = await seededDatabase(ctx);
      if (!server) throw new Error('the server did not start');
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
      ctx.log(
        `    ${target === 'serve' ? 'HTTP' : 'relay'}: ${r.latencies.length} scans, ${perSecond.toFixed(0)}/s, median ${percentile(r.latencies, 50).toFixed(2)} ms, p99 ${percentile(r.latencies, 99).toFixed(2)} ms`,
      );
      return scanners === 1 ? percentile(r.latencies, 99) : 1000 / perSecond;
    },
    reference: {
      label: `pgbench -M prepared -c ${scanners} (validate.sql)`,
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
        const mean = p.latencies.reduce((a, b) => a + b, 0) / Math.max(1, p.latencies.length);
        ctx.log(
          `    pgbench: ${p.transactions} tx, ${p.tps.toFixed(0)} tps, mean ${mean.toFixed(2)} ms, median ${percentile(p.latencies, 50).toFixed(2)} ms, p99 ${percentile(p.latencies, 99).toFixed(2)} ms`,
        );
        return scanners === 1 ? mean : 1000 / p.tps;
      },
    },
    async teardown() {
      await server?.stop();
      server = undefined;
    },
  });
}

scanScenario(1);
scanScenario(1, 'relay');
scanScenario(16);
