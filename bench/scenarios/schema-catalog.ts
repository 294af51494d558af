import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';
import { benchCore, createWideCatalog, type BenchCore } from './schema-support';

/**
 * The schema browser on a catalog of 10,000 tables × 20 columns (×scale): the tree's first level
 * (schemas with counts, then the first page of tables), a name search across all schemas, and
 * opening a table page. Goals: tree and search under 300 ms, table page under 200 ms.
 * References: psql's own catalog commands on the same database (\dt, \d+).
 */
const TABLES = 10_000;
let db: BenchDatabase | undefined;
let core: BenchCore | undefined;

async function prepare(ctx: BenchContext) {
  if (db && core) return;
  const count = TABLES * ctx.scale;
  ctx.log(`  building a catalog of ${count.toLocaleString('en-US')} tables × 20 columns (once) …`);
  db = await ctx.createDatabase('bench_catalog');
  await createWideCatalog(ctx, db, count);
  core = await benchCore(ctx, db);
}

async function cleanup() {
  await core?.dispose();
  await db?.drop();
  core = undefined;
  db = undefined;
}

registerScenario({
  name: 'schema tree first level (10k tables)',
  description: 'schema.listSchemas, then schema.listObjects for the first page of tables in the 10,000-table schema; goal < 300 ms',
  iterations: () => 10,
  setup: prepare,
  run: () =>
    timed(async () => {
      await core!.call('schema.listSchemas', { connectionId: core!.connectionId });
      await core!.call('schema.listObjects', { connectionId: core!.connectionId, schema: 'big', kind: 'table' });
    }),
  reference: { label: 'psql \\dt big.*', run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\dt big.*'], db!.name)) },
});

registerScenario({
  name: 'schema name search (10k tables)',
  description: 'schema.search for a name fragment across all schemas; goal < 300 ms',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => core!.call('schema.search', { connectionId: core!.connectionId, query: 't_512' })),
  reference: {
    label: 'psql \\dt *.*t_512*',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\dt *.*t_512*'], db!.name)),
  },
});

registerScenario({
  name: 'schema table page (10k tables)',
  description:
    'schema.describeTable: columns with stats, constraints, indexes, keys, triggers, policies, privileges, storage; goal < 200 ms',
  iterations: () => 10,
  setup: prepare,
  run: () => timed(() => core!.call('schema.describeTable', { connectionId: core!.connectionId, schema: 'big', name: 't_5000' })),
  reference: {
    label: 'psql \\d+ big.t_5000',
    run: (ctx) => timed(() => ctx.server.tool('psql', ['-X', '-q', '-c', '\\d+ big.t_5000'], db!.name)),
  },
  teardown: cleanup,
});
