import path from 'node:path';
import { defaultMigrationsDir } from '../../electron/core/migrations/default-dir';
import { MigrationEngine } from '../../electron/core/migrations/engine';
import { seedDemoData } from '../../electron/core/demo-seed';
import { registerScenario, timed, type BenchContext, type BenchDatabase } from '../harness';

/**
 * Demo data generation (seed.sql at the run's scale) into a freshly migrated database, as the
 * demo database does on first start, against psql running the same seed.sql in one transaction.
 * Every iteration starts from a copy of one migrated template database.
 */
const seedFile = path.join(path.dirname(defaultMigrationsDir()), 'electron', 'core', 'demo-data', 'seed.sql');
let template: BenchDatabase | undefined;

async function fromTemplate(ctx: BenchContext, work: (db: BenchDatabase) => Promise<number>): Promise<number> {
  const db = await ctx.createDatabase('bench_seed', template!.name);
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

registerScenario({
  name: 'demo data seed (in-process extra)',
  description: 'seedDemoData in this process (not through a host): seed.sql at the run scale into a migrated, empty database',
  iterations: (scale) => (scale === 1 ? 3 : 1),
  runsAt: (scale) => scale === 1 || scale === 20,
  async setup(ctx) {
    template = await ctx.createDatabase('bench_template');
    await new MigrationEngine({ pool: template.pool, dir: defaultMigrationsDir() }).up();
    await template.pool.end(); // a template database must have no sessions
  },
  run: (ctx) => fromTemplate(ctx, (db) => timed(() => seedDemoData(db.pool, { scale: ctx.scale, workload: false }))),
  reference: {
    label: 'psql -1 -f seed.sql',
    run: (ctx) =>
      fromTemplate(ctx, (db) =>
        timed(() =>
          ctx.server.tool(
            'psql',
            ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-c', `SET ticketz.scale = ${ctx.scale}`, '-f', seedFile],
            db.name,
          ),
        ),
      ),
  },
  async teardown() {
    await template?.drop().catch(() => undefined);
  },
});
