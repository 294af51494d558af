import pg from 'pg';
import type { DemoEndpoint, DemoReporter } from './db/embedded-demo';
import { hasDemoData, seedDemoData } from './demo-seed';
import { defaultMigrationsDir } from './migrations/default-dir';
import { MigrationEngine } from './migrations/engine';

/** The demo database's data scale: about 50,000 tickets and 20,000 chain users. */
export const DEMO_SCALE = 1;

/**
 * What the demo database does after each start: apply pending migrations of migrations/ through
 * the migration engine (so the demo shows real history rows), then, when ticketing.events is
 * empty, seed the demo data (seed.sql at scale 1, materialized views, workload.sql). Both steps
 * are idempotent and report their progress (migration N of M, table N of M). A failure is logged
 * and returned as a warning, and the demo stays up, so the console can show what is wrong.
 */
export function demoBootstrap(
  log: (line: string) => void,
  options: { migrationsDir?: string } = {},
): (endpoint: DemoEndpoint, created: boolean, report?: DemoReporter) => Promise<{ warning?: string }> {
  return async (endpoint, created, report = () => undefined) => {
    if (created) log(`Demo database created on port ${endpoint.port}.`);
    const pool = new pg.Pool({ ...endpoint, max: 3, application_name: 'ticketz-console demo' });
    pool.on('error', () => undefined);
    try {
      report({ phase: 'migrating', label: 'Checking the reference schema for pending migrations' });
      const engine = new MigrationEngine({
        pool,
        dir: options.migrationsDir ?? defaultMigrationsDir(),
        onEvent: (e) => {
          if (e.type === 'step-start')
            report({
              phase: 'migrating',
              label: `Applying migration ${e.index + 1} of ${e.total}: ${e.step.version} ${e.step.name}`,
              step: e.index + 1,
              steps: e.total,
            });
          if (e.type === 'step-done') log(`Demo database: applied ${e.step.version} ${e.step.name}.`);
          if (e.type === 'lock-wait') {
            log(`Demo database: ${e.message}`);
            report({ phase: 'migrating', label: e.message });
          }
        },
      });
      await engine.up();
      const client = await pool.connect();
      const present = await hasDemoData(client).finally(() => client.release());
      if (present === false) {
        log(`Demo database: generating the demo data (scale ${DEMO_SCALE}); this takes a minute on first start …`);
        const started = performance.now();
        await seedDemoData(pool, {
          scale: DEMO_SCALE,
          workload: true,
          onStep: (s) =>
            report({ phase: 'seeding', label: `Generating demo data ${s.step} of ${s.steps}: ${s.label}`, step: s.step, steps: s.steps }),
        });
        log(`Demo database: demo data ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      }
      return {};
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log(
        `Demo database: could not bring the reference schema and demo data up to date: ${reason}\n` +
          'The demo database is running anyway; see Migrations in the console for the state of each migration.',
      );
      return {
        warning: `The demo database runs, but its reference schema or demo data could not be brought up to date: ${reason} — Migrations shows the state of each migration.`,
      };
    } finally {
      await pool.end();
    }
  };
}
