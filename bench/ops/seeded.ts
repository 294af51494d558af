import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRootForTests } from '../../electron/core/testing/package-root';
import { applyTicketzSchema, seedTicketz } from '../../electron/core/testing/ticketz-schema';
import type { BenchContext, BenchDatabase } from '../harness';

const seeded = new Map<number, Promise<BenchDatabase>>();

/**
 * One Ticketz database per run and scale (reference schema through the migration engine, demo
 * seed at `ctx.scale`), shared by the ops scenarios: seeding scale 20 takes minutes. The bench
 * server is temporary, so it is never dropped.
 */
export function seededDatabase(ctx: BenchContext): Promise<BenchDatabase> {
  let db = seeded.get(ctx.scale);
  if (!db) {
    db = (async () => {
      const seedFile = path.join(packageRootForTests, 'electron', 'core', 'demo-data', 'seed.sql');
      if (!existsSync(seedFile)) throw new Error(`The ops benchmarks need the demo seed (${seedFile}).`);
      const created = await ctx.createDatabase('bench_ops');
      const started = performance.now();
      await applyTicketzSchema(created.pool);
      await seedTicketz(created.pool, ctx.scale);
      ctx.log(`  seeded a Ticketz database at scale ${ctx.scale} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return created;
    })();
    seeded.set(ctx.scale, db);
    db.catch(() => seeded.delete(ctx.scale));
  }
  return db;
}
