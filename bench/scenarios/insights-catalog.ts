import { catalogQuery, type CatalogQuery } from '../../electron/core/db/catalog-read';
import { adviseIndexes } from '../../electron/core/insights/advisor';
import { estimateBloat } from '../../electron/core/insights/bloat';
import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';

/**
 * A catalog of 10,000 tables (10 schemas × 1,000; primary keys, a third with a secondary index,
 * a fifth with a self-referencing foreign key, 20 rows each, analyzed), built once as a template.
 * The target: bloat overview and index advisor each under 1 s on it.
 */
const TABLES = 10_000;
const BATCH = 500; // tables per transaction (one transaction for all runs out of lock slots)
let template: BenchDatabase | undefined;

async function buildCatalog(ctx: BenchContext): Promise<void> {
  if (template) return;
  template = await ctx.createDatabase('bench_catalog');
  const started = performance.now();
  await template.pool.query(`DO $$ BEGIN FOR s IN 0..9 LOOP EXECUTE format('CREATE SCHEMA s%s', s); END LOOP; END $$`);
  for (let from = 1; from <= TABLES; from += BATCH) {
    await template.pool.query(`DO $$ BEGIN FOR i IN ${from}..${from + BATCH - 1} LOOP
      EXECUTE format('CREATE TABLE s%s.t%s (id int PRIMARY KEY, parent_id int, name text, created_at timestamptz DEFAULT now(), amount numeric)', i % 10, i);
      IF i % 3 = 0 THEN EXECUTE format('CREATE INDEX ON s%s.t%s (name)', i % 10, i); END IF;
      IF i % 5 = 0 THEN EXECUTE format('ALTER TABLE s%s.t%s ADD FOREIGN KEY (parent_id) REFERENCES s%s.t%s (id)', i % 10, i, i % 10, i); END IF;
      EXECUTE format('INSERT INTO s%s.t%s SELECT g, g, ''n'' || g, now(), g FROM generate_series(1, 20) AS g', i % 10, i);
    END LOOP; END $$`);
  }
  await template.pool.query('ANALYZE');
  ctx.log(`  built a ${TABLES}-table catalog in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** Times the work as the service runs it: its questions side by side on the pool's sessions. */
function onCatalog(work: (query: CatalogQuery) => Promise<unknown>) {
  return () => {
    if (!template) throw new Error('catalog not built');
    const query = catalogQuery(template.pool, { statementTimeoutMs: 60_000 });
    return timed(() => work(query));
  };
}

registerScenario({
  name: 'insights bloat overview (10,000 tables)',
  description: 'table + btree bloat estimates for every relation, as insights.bloat runs them (target < 1 s)',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  setup: buildCatalog,
  run: onCatalog((query) => estimateBloat(query, 0, 500)),
});

registerScenario({
  name: 'insights index advisor (10,000 tables)',
  description: 'unused / duplicate / invalid indexes, FKs without an index, seq-scan-heavy tables, UUIDs in text (target < 1 s)',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  setup: buildCatalog,
  run: onCatalog((query) => adviseIndexes(query)),
  teardown: async () => {
    await template?.drop();
    template = undefined;
  },
});
