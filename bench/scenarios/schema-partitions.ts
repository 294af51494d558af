import { describeTable } from '../../electron/core/catalog/describe-table';
import { listObjects, listSchemas, searchObjects } from '../../electron/core/catalog/tree';
import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { benchServe, createPartitionedCatalog, referenceScript, type BenchServe } from './schema-support';

/**
 * The schema browser on one partitioned table with 2,000 partitions per scale unit (the issue's
 * 20,000 at --scale 10), over HTTP to `serve`: the schema level (partitions grouped under their
 * parent), the first page of partitions, a search that hits partitions, and the parent's table
 * page. Reference: one connected psql running the statements the product sends.
 */
const PER_SCALE = 2_000;
let db: BenchDatabase | undefined;
let serve: BenchServe | undefined;
const scripts: { tree?: string; search?: string; page?: string } = {};

async function prepare(ctx: BenchContext) {
  if (db && serve) return;
  const count = PER_SCALE * ctx.scale;
  ctx.log(`  building one table with ${count.toLocaleString('en-US')} partitions (once) …`);
  db = await ctx.createDatabase('bench_partitions');
  await createPartitionedCatalog(ctx, db, count);
  serve = await benchServe(ctx, db);
  scripts.tree = await referenceScript(db, [
    (c) => listSchemas(c, false),
    (c) => listObjects(c, { schema: 'parts', kind: 'table', limit: 500 }),
    (c) => listObjects(c, { schema: 'parts', kind: 'table', parent: 'events', limit: 500 }),
  ]);
  scripts.search = await referenceScript(db, [(c) => searchObjects(c, 'events_19', false, 200)]);
  scripts.page = await referenceScript(db, [(c) => describeTable(c, 'parts', 'events')]);
}

const connected = 'connected psql, same statements';

registerScenario({
  name: 'schema tree with partitions (HTTP)',
  description: 'schema.listSchemas + tables of the schema (partitions grouped: one row) + first page of partitions, over HTTP',
  iterations: () => 10,
  setup: prepare,
  run: () =>
    timed(async () => {
      const { rpc, connectionId } = serve!;
      await rpc.call('schema.listSchemas', { connectionId, includeSystem: false });
      await rpc.call('schema.listObjects', { connectionId, schema: 'parts', kind: 'table', limit: 500 });
      await rpc.call('schema.listObjects', { connectionId, schema: 'parts', kind: 'table', parent: 'events', limit: 500 });
    }),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.tree!) },
});

registerScenario({
  name: 'schema name search (partitions, HTTP)',
  description: 'schema.search hitting partitions, each with its parent, over HTTP',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => serve!.rpc.call('schema.search', { connectionId: serve!.connectionId, query: 'events_19', limit: 200 })),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.search!) },
});

registerScenario({
  name: 'schema partitioned table page (HTTP)',
  description: 'schema.describeTable of the partitioned parent over HTTP',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => serve!.rpc.call('schema.describeTable', { connectionId: serve!.connectionId, schema: 'parts', name: 'events' })),
  reference: { label: connected, run: () => serve!.psql.timed(scripts.page!) },
  async teardown() {
    await serve?.stop();
    await db?.drop();
    serve = undefined;
    db = undefined;
  },
});
