import pg from 'pg';
import type { DemoEndpoint } from './db/embedded-demo';
import { hasDemoData, seedDemoData } from './demo-seed';
import { defaultMigrationsDir } from './migrations/default-dir';
import { MigrationEngine } from './migrations/engine';

/** The demo database's data scale: about 50,000 tickets and 20,000 chain users. */
export const DEMO_SCALE = 1;

/**
 * What the demo database does after each start: apply pending migrations of migrations/ through
 * the migration engine (so the demo shows real history rows), then, when ticketing.events is
 * empty, seed the demo data (seed.sql at scale 1, materialized views, workload.sql). Both steps
 * are idempotent. A failure is logged and the demo stays up, so the console can show what is wrong.
 */
export function demoBootstrap(
  log: (line: string) => void,
  options: { migrationsDir?: string } = {},
): (endpoint: DemoEndpoint, created: boolean) => Promise<void> {
  return async (endpoint, created) => {
    if (created) log(`Demo database created on port ${endpoint.port}.`);
    const pool = new pg.Pool({ ...endpoint, max: 3, application_name: 'ticketz-console demo' });
    pool.on('error', () => undefined);
    try {
      const engine = new MigrationEngine({
        pool,
        dir: options.migrationsDir ?? defaultMigrationsDir(),
        onEvent: (e) => {
          if (e.type === 'step-done') log(`Demo database: applied ${e.step.version} ${e.step.name}.`);
          if (e.type === 'lock-wait') log(`Demo database: ${e.message}`);
        },
      });
      await engine.up();
      const client = await pool.connect();
      const present = await hasDemoData(client).finally(() => client.release());
      if (present === false) {
        log(`Demo database: generating the demo data (scale ${DEMO_SCALE}); this takes a minute on first start …`);
        const started = performance.now();
        await seedDemoData(pool, { scale: DEMO_SCALE, workload: true });
        log(`Demo database: demo data ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      }
    } catch (err) {
      log(
        `Demo database: could not bring the reference schema and demo data up to date: ${err instanceof Error ? err.message : String(err)}\n` +
          'The demo database is running anyway; see Migrations in the console for the state of each migration.',
      );
    } finally {
      await pool.end();
    }
  };
}
