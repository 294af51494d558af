import { adviseIndexes } from '../../electron/core/insights/advisor';
import { estimateBloat } from '../../electron/core/insights/bloat';
import { ConnectedPsql } from '../connected-psql';
import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { HttpRpc } from '../http-rpc';
import { startServeProcess, type ServeProcess } from '../ops/serve-process';
import { catalogReadScript, recordingCatalogQuery, timedSideBySide, type RecordedStatement } from '../recorded-sql';

/**
 * A catalog of 10,000 tables of 20 columns (10 schemas × 1,000; primary keys, a third with a
 * secondary index, a fifth with a self-referencing foreign key, 20 rows each, analyzed), built once.
 * insights.bloat and insights.advisor over HTTP to `serve`, as the Insights pages ask; reference:
 * the statements the service sends (recorded from it), each in its own read transaction, on as
 * many connected psql sessions side by side as the service's pool has (5).
 * The target: bloat overview and index advisor each under 1 s.
 */
const TABLES = 10_000;
const BATCH = 500; // tables per transaction (one transaction for all runs out of lock slots)
const SESSIONS = 5; // serve's default pool size
const EXTRA_COLUMNS = Array.from({ length: 15 }, (_, i) => `c${i} text`).join(', ');
const EXTRA_VALUES = Array.from({ length: 15 }, (_, i) => `'v${i}-' || g`).join(', ');

interface CatalogState {
  db: BenchDatabase;
  serve: ServeProcess;
  rpc: HttpRpc;
  psqls: ConnectedPsql[];
  bloat: string[];
  advisor: string[];
}
let state: Promise<CatalogState> | undefined;

async function buildCatalog(ctx: BenchContext): Promise<CatalogState> {
  const db = await ctx.createDatabase('bench_insights');
  const started = performance.now();
  await db.pool.query(`DO $$ BEGIN FOR s IN 0..9 LOOP EXECUTE format('CREATE SCHEMA s%s', s); END LOOP; END $$`);
  for (let from = 1; from <= TABLES; from += BATCH) {
    await db.pool.query(`DO $$ BEGIN FOR i IN ${from}..${from + BATCH - 1} LOOP
      EXECUTE format('CREATE TABLE s%s.t%s (id int PRIMARY KEY, parent_id int, name text, created_at timestamptz DEFAULT now(), amount numeric, ${EXTRA_COLUMNS})', i % 10, i);
      IF i % 3 = 0 THEN EXECUTE format('CREATE INDEX ON s%s.t%s (name)', i % 10, i); END IF;
      IF i % 5 = 0 THEN EXECUTE format('ALTER TABLE s%s.t%s ADD FOREIGN KEY (parent_id) REFERENCES s%s.t%s (id)', i % 10, i, i % 10, i); END IF;
      EXECUTE format('INSERT INTO s%s.t%s SELECT g, g, ''n'' || g, now(), g, ${EXTRA_VALUES.replaceAll("'", "''")} FROM generate_series(1, 20) AS g', i % 10, i);
    END LOOP; END $$`);
  }
  await db.pool.query('ANALYZE');
  ctx.log(`  built a ${TABLES}-table × 20-column catalog in ${Math.round((performance.now() - started) / 1000)} s`);
  const script = (recorded: RecordedStatement[]) => recorded.map((s) => catalogReadScript([s], 60_000));
  const bloat: RecordedStatement[] = [];
  await estimateBloat(recordingCatalogQuery(db.pool, bloat), 0, 500);
  const advisor: RecordedStatement[] = [];
  await adviseIndexes(recordingCatalogQuery(db.pool, advisor));
  const serve = await startServeProcess(`${db.url}?sslmode=disable`, SESSIONS);
  const psqls = Array.from({ length: SESSIONS }, () => new ConnectedPsql(ctx.server, db.name));
  await Promise.all(psqls.map((p) => p.run('SELECT 1;')));
  return { db, serve, rpc: new HttpRpc(serve.origin, serve.token), psqls, bloat: script(bloat), advisor: script(advisor) };
}

const catalog = (ctx: BenchContext) => (state ??= buildCatalog(ctx));
const reference = (pick: (s: CatalogState) => string[]) => ({
  label: `${SESSIONS} connected psql side by side, same statements`,
  run: async (ctx: BenchContext) => {
    const s = await catalog(ctx);
    return timedSideBySide(s.psqls, pick(s));
  },
});

registerScenario({
  name: 'insights bloat overview (10,000 tables × 20 columns, HTTP)',
  description: 'insights.bloat (table + btree estimates for every relation) over HTTP (target < 1 s)',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  setup: async (ctx) => void (await catalog(ctx)),
  run: async (ctx) => {
    const s = await catalog(ctx);
    return timed(() => s.rpc.call('insights.bloat', { connectionId: s.serve.connectionId, minWastedBytes: 0, limit: 500 }));
  },
  reference: reference((s) => s.bloat),
});

registerScenario({
  name: 'insights index advisor (10,000 tables × 20 columns, HTTP)',
  description:
    'insights.advisor (unused / duplicate / invalid indexes, FKs without an index, seq-scan-heavy tables, UUIDs in text) over HTTP (target < 1 s)',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  setup: async (ctx) => void (await catalog(ctx)),
  run: async (ctx) => {
    const s = await catalog(ctx);
    return timed(() => s.rpc.call('insights.advisor', { connectionId: s.serve.connectionId }));
  },
  reference: reference((s) => s.advisor),
  teardown: async () => {
    const s = await state;
    state = undefined;
    if (!s) return;
    s.rpc.close();
    await Promise.all(s.psqls.map((p) => p.close()));
    await s.serve.stop();
    await s.db.drop();
  },
});
