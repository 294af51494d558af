import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { mb, watchRss } from '../process-memory';
import { benchServe, type BenchServe } from './schema-support';

/**
 * The SQL editor's result streaming over HTTP to `serve`, as the renderer asks: 1,000,000 rows ×
 * 10 columns (×scale) through query.run (first page of 500) and "Fetch all" (query.fetchMore of
 * 5,000 rows until the end), and the same query exported to CSV (query.export, exports.deliver,
 * then the one-time download read to the end). Reference: one connected psql running
 * `\copy (…) to '/dev/null'` of the same query, in the same run. The serve process's RSS is sampled
 * while it streams (goal: it grows by at most 64 MB).
 */
const ROWS = 1_000_000;
const FETCH_ALL = 5_000; // what the editor's "Fetch all" asks per request (renderer/features/sql/components/ResultGrid.tsx)
const QUERY = 'SELECT * FROM stream_source';
let db: BenchDatabase | undefined;
let serve: BenchServe | undefined;
let runs = 0;

async function prepare(ctx: BenchContext) {
  if (db && serve) return;
  db = await ctx.createDatabase('bench_stream');
  const rows = ROWS * ctx.scale;
  ctx.log(`  building ${rows.toLocaleString('en-US')} rows × 10 columns (once) …`);
  await db.pool.query(`CREATE TABLE stream_source AS
    SELECT g AS id, g * 2 AS a, md5(g::text) AS b, timestamptz '2026-01-01' + g * interval '1 second' AS c, g::numeric / 7 AS d,
           'row ' || g AS e, g % 100 AS f, g % 2 = 0 AS h, g * 1.5::float8 AS i, jsonb_build_object('n', g) AS j
    FROM generate_series(1, ${rows}) AS g`);
  await db.pool.query('VACUUM ANALYZE stream_source');
  serve = await benchServe(ctx, db);
}

async function firstPage(): Promise<{ ms: number; resultSetId: string | null; rows: number }> {
  const { rpc, connectionId } = serve!;
  const started = performance.now();
  const run = await rpc.call('query.run', { connectionId, runId: `bench-stream-${++runs}`, sql: QUERY, scope: 'all', pageSize: 500 });
  const result = run.statements[0]?.result;
  if (!result) throw new Error(`The streaming query returned no result: ${run.statements[0]?.error?.message ?? 'unknown'}`);
  return { ms: performance.now() - started, resultSetId: result.hasMore ? result.id : null, rows: result.rows.length };
}

const logMemory = (ctx: BenchContext, what: string, m: { before: number; peak: number }) =>
  ctx.log(`    serve RSS while ${what}: ${mb(m.before)} → peak ${mb(m.peak)} (+${mb(m.peak - m.before)})`);

registerScenario({
  name: 'query stream first rows (HTTP)',
  description: 'query.run of SELECT * over 1M rows over HTTP: time until the first 500 rows are back',
  iterations: () => 10,
  setup: prepare,
  async run() {
    const page = await firstPage();
    if (page.resultSetId) await serve!.rpc.call('query.close', { connectionId: serve!.connectionId, resultSetId: page.resultSetId });
    return page.ms;
  },
});

registerScenario({
  name: 'query "Fetch all" 1M rows x 10 columns (HTTP)',
  description: `query.run + query.fetchMore(${FETCH_ALL}) until the end, over HTTP; goal ≤ 1.5× reference; serve RSS logged`,
  iterations: (scale) => (scale === 1 ? 3 : 1),
  setup: prepare,
  async run(ctx) {
    const { rpc, connectionId, pid } = serve!;
    let ms = 0;
    const memory = await watchRss(pid, async () => {
      ms = await timed(async () => {
        const page = await firstPage();
        let total = page.rows;
        let id = page.resultSetId;
        while (id) {
          const more = await rpc.call('query.fetchMore', { connectionId, resultSetId: id, count: FETCH_ALL });
          total += more.rows.length;
          if (!more.hasMore) id = null;
        }
        if (total !== ROWS * ctx.scale) throw new Error(`Streamed ${total} rows, expected ${ROWS * ctx.scale}.`);
      });
    });
    logMemory(ctx, 'fetching all', memory);
    return ms;
  },
  reference: {
    label: "connected psql \\copy (…) to '/dev/null'",
    run: () => serve!.psql.timed(`\\copy (${QUERY}) to '/dev/null'`),
  },
});

registerScenario({
  name: 'query export 1M rows x 10 columns to CSV (HTTP)',
  description: 'query.export (CSV) + exports.deliver + the download read to the end, over HTTP; goal ≤ 1.5× reference; serve RSS logged',
  iterations: (scale) => (scale === 1 ? 3 : 1),
  setup: prepare,
  async run(ctx) {
    const { rpc, connectionId, pid } = serve!;
    let ms = 0;
    const memory = await watchRss(pid, async () => {
      ms = await timed(async () => {
        const file = await rpc.call('query.export', { connectionId, sql: QUERY, format: 'csv' });
        const delivery = await rpc.call('exports.deliver', { exportId: file.exportId });
        if (delivery.kind !== 'download') throw new Error(`exports.deliver answered ${delivery.kind}, not a download`);
        const bytes = await rpc.download(delivery.url);
        if (bytes !== file.bytes || file.rows !== ROWS * ctx.scale)
          throw new Error(`Downloaded ${bytes} of ${file.bytes} bytes, ${file.rows} rows.`);
      });
    });
    logMemory(ctx, 'exporting', memory);
    return ms;
  },
  reference: {
    label: "connected psql \\copy (…) to '/dev/null' csv header",
    run: () => serve!.psql.timed(`\\copy (${QUERY}) to '/dev/null' with (format csv, header)`),
  },
  async teardown() {
    await serve?.stop();
    await db?.drop();
    serve = undefined;
    db = undefined;
  },
});
