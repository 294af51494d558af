import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { benchCore, type BenchCore } from './schema-support';

/**
 * The SQL editor's result streaming: 1,000,000 rows × 10 columns (×scale) through query.run and
 * query.fetchMore (pg-cursor on a held session), against psql \copy of the same query to
 * /dev/null in the same run. Also: how soon the first page arrives, and how much the process
 * grows while streaming (the goal is flat: only a batch or two is ever held).
 */
const ROWS = 1_000_000;
const FETCH = 5_000; // as the editor's "Fetch all" asks; bigger batches cost more GC
const QUERY = 'SELECT * FROM stream_source';
let db: BenchDatabase | undefined;
let core: BenchCore | undefined;
let runs = 0;

async function prepare(ctx: BenchContext) {
  if (db && core) return;
  db = await ctx.createDatabase('bench_stream');
  const rows = ROWS * ctx.scale;
  ctx.log(`  building ${rows.toLocaleString('en-US')} rows × 10 columns (once) …`);
  await db.pool.query(`CREATE TABLE stream_source AS
    SELECT g AS id, g * 2 AS a, md5(g::text) AS b, timestamptz '2026-01-01' + g * interval '1 second' AS c, g::numeric / 7 AS d,
           'row ' || g AS e, g % 100 AS f, g % 2 = 0 AS h, g * 1.5::float8 AS i, jsonb_build_object('n', g) AS j
    FROM generate_series(1, ${rows}) AS g`);
  await db.pool.query('VACUUM ANALYZE stream_source');
  core = await benchCore(ctx, db);
}

async function firstPage(): Promise<{ ms: number; resultSetId: string | null; rows: number }> {
  const started = performance.now();
  const run = await core!.call('query.run', {
    connectionId: core!.connectionId,
    runId: `bench-stream-${++runs}`,
    sql: QUERY,
    scope: 'all',
    pageSize: 500,
  });
  const result = run.statements[0]?.result;
  if (!result) throw new Error(`The streaming query returned no result: ${run.statements[0]?.error?.message ?? 'unknown'}`);
  return { ms: performance.now() - started, resultSetId: result.hasMore ? result.id : null, rows: result.rows.length };
}

registerScenario({
  name: 'query stream first rows',
  description: 'query.run of SELECT * over 1M rows: time until the first 500 rows are back; goal < 200 ms',
  iterations: () => 10,
  setup: prepare,
  async run() {
    const page = await firstPage();
    if (page.resultSetId) await core!.call('query.close', { connectionId: core!.connectionId, resultSetId: page.resultSetId });
    return page.ms;
  },
});

registerScenario({
  name: 'query stream 1M rows x 10 columns',
  description: 'query.run + query.fetchMore until the end; reference psql \\copy (…) to /dev/null; goal within 2x; memory growth logged',
  iterations: (scale) => (scale === 1 ? 3 : 1),
  setup: prepare,
  async run(ctx) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const ms = await timed(async () => {
      const page = await firstPage();
      let total = page.rows;
      let id = page.resultSetId;
      while (id) {
        const more = await core!.call('query.fetchMore', { connectionId: core!.connectionId, resultSetId: id, count: FETCH });
        total += more.rows.length;
        if (!more.hasMore) id = null;
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }
      if (total !== ROWS * ctx.scale) throw new Error(`Streamed ${total} rows, expected ${ROWS * ctx.scale}.`);
    });
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    ctx.log(
      `    memory while streaming: rss ${mb(before.rss)} → peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}), heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} (+${mb(peakHeap - before.heapUsed)})`,
    );
    return ms;
  },
  reference: {
    label: 'psql \\copy (…) to /dev/null',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', `\\copy (${QUERY}) to /dev/null`], db!.name)),
  },
  async teardown() {
    await core?.dispose();
    await db?.drop();
    core = undefined;
    db = undefined;
  },
});
