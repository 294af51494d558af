import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { benchCore, createPartitionedCatalog, type BenchCore } from './schema-support';

/**
 * The schema browser on one partitioned table with 2,000 partitions per scale unit (the issue's
 * 20,000 at --scale 10): the schema level (partitions grouped under their parent), the first page
 * of partitions, a search that hits partitions, and the parent's table page.
 */
const PER_SCALE = 2_000;
let db: BenchDatabase | undefined;
let core: BenchCore | undefined;

async function prepare(ctx: BenchContext) {
  if (db && core) return;
  const count = PER_SCALE * ctx.scale;
  ctx.log(`  building one table with ${count.toLocaleString('en-US')} partitions (once) …`);
  db = await ctx.createDatabase('bench_partitions');
  await createPartitionedCatalog(ctx, db, count);
  core = await benchCore(ctx, db);
}

registerScenario({
  name: 'schema tree with partitions',
  description: 'schema.listSchemas + tables of the schema (partitions grouped: one row) + first page of partitions; goal < 300 ms',
  iterations: () => 10,
  setup: prepare,
  run: () =>
    timed(async () => {
      await core!.call('schema.listSchemas', { connectionId: core!.connectionId });
      await core!.call('schema.listObjects', { connectionId: core!.connectionId, schema: 'parts', kind: 'table' });
      await core!.call('schema.listObjects', { connectionId: core!.connectionId, schema: 'parts', kind: 'table', parent: 'events' });
    }),
  reference: {
    // psql's \dP+ sums every partition's size in one transaction and runs out of lock slots at 20,000
    // partitions ("out of shared memory"); \dt lists the same relations without sizes.
    label: 'psql \\dt parts.*',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\dt parts.*'], db!.name)),
  },
});

registerScenario({
  name: 'schema name search (partitions)',
  description: 'schema.search hitting partitions, each with its parent; goal < 300 ms',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => core!.call('schema.search', { connectionId: core!.connectionId, query: 'events_19' })),
  reference: {
    label: 'psql \\dt *.*events_19*',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\dt *.*events_19*'], db!.name)),
  },
});

registerScenario({
  name: 'schema partitioned table page',
  description: 'schema.describeTable of the partitioned parent; goal < 200 ms',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => core!.call('schema.describeTable', { connectionId: core!.connectionId, schema: 'parts', name: 'events' })),
  reference: {
    label: 'psql \\d parts.events',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\d parts.events'], db!.name)),
  },
  async teardown() {
    await core?.dispose();
    await db?.drop();
    core = undefined;
    db = undefined;
  },
});
