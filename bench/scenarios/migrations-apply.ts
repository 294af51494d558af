import { defaultMigrationsDir } from '../../electron/core/migrations/default-dir';
import { discoverMigrations } from '../../electron/core/migrations/discover';
import { MigrationEngine } from '../../electron/core/migrations/engine';
import { registerScenario, timed, type BenchContext } from '../harness';

/**
 * The reference schema applied to an empty database by the engine (parse, lock, history, one
 * transaction per migration), against psql applying the same files in one transaction.
 */
const dir = defaultMigrationsDir();

async function withFreshDatabase(
  ctx: BenchContext,
  work: (db: Awaited<ReturnType<BenchContext['createDatabase']>>) => Promise<number>,
): Promise<number> {
  const db = await ctx.createDatabase('bench_migrate');
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

registerScenario({
  name: 'migrate up (migrations/, empty database)',
  description: 'the engine applies every migration of migrations/ to an empty database',
  iterations: () => 7,
  runsAt: (scale) => scale === 1,
  run: (ctx) => withFreshDatabase(ctx, (db) => timed(() => new MigrationEngine({ pool: db.pool, dir }).up())),
  reference: {
    label: 'psql -1 -f (same files)',
    run: (ctx) =>
      withFreshDatabase(ctx, (db) => {
        const files = discoverMigrations(dir).migrations.flatMap((m) => ['-f', m.up.path]);
        return timed(() => ctx.server.tool('psql', ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', ...files], db.name));
      }),
  },
});
