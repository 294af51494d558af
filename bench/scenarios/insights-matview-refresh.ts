import { refreshStatement } from '../../electron/core/services/matviews';
import { ConnectedPsql } from '../connected-psql';
import { registerScenario, timed, type BenchContext } from '../harness';
import { HttpRpc } from '../http-rpc';
import { seededDatabase } from '../ops/seeded';
import { startServeProcess, type ServeProcess } from '../ops/serve-process';

/**
 * REFRESH MATERIALIZED VIEW CONCURRENTLY ticketing.event_stats on the demo data (scale 1 is about
 * 50,000 tickets) through the API the Materialized views page calls (matviews.refresh over HTTP to
 * `serve`: catalog look-up, the task, the audit entry, the statement). Reference: one connected
 * psql running the same statement. Targets: < 300 ms at scale 1, < 5 s at scale 20.
 */
const statement = refreshStatement({ schema: 'ticketing', name: 'event_stats' }, true);
let target: { serve: ServeProcess; rpc: HttpRpc; psql: ConnectedPsql } | undefined;

async function prepare(ctx: BenchContext) {
  const db = await seededDatabase(ctx);
  const serve = await startServeProcess(`${db.url}?sslmode=disable`, 5);
  const psql = new ConnectedPsql(ctx.server, db.name);
  await psql.run('SELECT 1;');
  target = { serve, rpc: new HttpRpc(serve.origin, serve.token), psql };
}

registerScenario({
  name: 'matviews.refresh concurrently ticketing.event_stats (HTTP)',
  description: 'matviews.refresh (mode concurrently) over HTTP on the demo data (target < 300 ms at scale 1, < 5 s at scale 20)',
  iterations: (scale) => (scale === 1 ? 9 : 3),
  runsAt: (scale) => scale === 1 || scale === 20,
  setup: prepare,
  run: async () => {
    const { rpc, serve } = target!;
    return timed(async () => {
      const done = await rpc.call('matviews.refresh', {
        connectionId: serve.connectionId,
        schema: 'ticketing',
        name: 'event_stats',
        mode: 'concurrently',
      });
      if (!done.concurrently) throw new Error('matviews.refresh did not refresh concurrently');
    });
  },
  reference: { label: 'connected psql, same statement', run: () => target!.psql.timed(`${statement};`) },
  async teardown() {
    target?.rpc.close();
    await target?.psql.close();
    await target?.serve.stop();
    target = undefined;
  },
});
