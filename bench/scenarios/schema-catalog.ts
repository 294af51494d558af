import { describeTable } from '../../electron/core/catalog/describe-table';
import { listObjects, listSchemas, searchObjects } from '../../electron/core/catalog/tree';
import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { benchServe, createWideCatalog, referenceScript, type BenchServe } from './schema-support';

/**
 * The schema browser on a catalog of 10,000 tables × 20 columns (×scale), over HTTP to `serve` as
 * the renderer asks: the tree's first level (schema.listSchemas, then schema.listObjects for the
 * first page of 500 tables), a name search (limit 200) and a table page (schema.describeTable).
 * Reference: one already connected psql running the very statements the product sends (recorded
 * from the product's catalog readers, parameters written in), in the same read transactions.
 * Goals: tree ≤ 1.2× the reference, table page ≤ 1.5×.
 */
const TABLES = 10_000;
let db: BenchDatabase | undefined;
let serve: BenchServe | undefined;
const scripts: { tree?: string; search?: string; page?: string } = {};

async function prepare(ctx: BenchContext) {
  if (db && serve) return;
  const count = TABLES * ctx.scale;
  ctx.log(`  building a catalog of ${count.toLocaleString('en-US')} tables × 20 columns (once) …`);
  db = await ctx.createDatabase('bench_catalog');
  await createWideCatalog(ctx, db, count);
  serve = await benchServe(ctx, db);
  scripts.tree = await referenceScript(db, [
    (c) => listSchemas(c, false),
    (c) => listObjects(c, { schema: 'big', kind: 'table', limit: 500 }),
  ]);
  scripts.search = await referenceScript(db, [(c) => searchObjects(c, 't_512', false, 200)]);
  scripts.page = await referenceScript(db, [(c) => describeTable(c, 'big', 't_5000')]);
}

const connected = 'connected psql, same statements';

registerScenario({
  name: 'schema tree first level (10k tables, HTTP)',
  description: 'schema.listSchemas, then schema.listObjects (first 500 tables of the 10,000-table schema) over HTTP; goal ≤ 1.2× reference',
  iterations: () => 15,
  setup: prepare,
  run: () =>
    timed(async () => {
      const { rpc, connectionId } = serve!;
      await rpc.call('schema.listSchemas', { connectionId, includeSystem: false });
      await rpc.call('schema.listObjects', { connectionId, schema: 'big', kind: 'table', limit: 500 });
    }),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.tree!) },
});

registerScenario({
  name: 'schema name search (10k tables, HTTP)',
  description: 'schema.search for a name fragment across all schemas (limit 200) over HTTP',
  iterations: () => 15,
  setup: prepare,
  run: () => timed(() => serve!.rpc.call('schema.search', { connectionId: serve!.connectionId, query: 't_512', limit: 200 })),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.search!) },
});

registerScenario({
  name: 'schema table page (10k tables, HTTP)',
  description:
    'schema.describeTable over HTTP: columns with stats, constraints, indexes, keys, triggers, policies, privileges, storage; goal ≤ 1.5× reference',
  iterations: () => 15,
  setup: prepare,
  run: () => timed(() => serve!.rpc.call('schema.describeTable', { connectionId: serve!.connectionId, schema: 'big', name: 't_5000' })),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.page!) },
  async teardown() {
    await serve?.stop();
    await db?.drop();
    serve = undefined;
    db = undefined;
  },
});
