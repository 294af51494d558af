import type pg from 'pg';
import seedSql from './demo-data/seed.sql?raw';
import workloadSql from './demo-data/workload.sql?raw';
import hasDemoDataSql from './sql/demo/has-demo-data.sql?raw';
import unpopulatedMatviewsSql from './sql/demo/unpopulated-matviews.sql?raw';

/** true: seeded; false: the schema is there and empty; null: the reference schema is not applied. */
export async function hasDemoData(client: pg.ClientBase): Promise<boolean | null> {
  const { rows } = await client.query<{ present: boolean | null }>(hasDemoDataSql);
  return rows[0]?.present ?? null;
}

/**
 * Fills an empty reference schema with the demo data at a scale (1 ≈ 50,000 tickets): seed.sql
 * as one multi-statement query (one implicit transaction, so a crash leaves it empty and the
 * next start seeds again), then any materialized view it left unpopulated, then — for the demo —
 * workload.sql, which leaves statistics and dead tuples for the Insights page.
 */
export async function seedDemoData(pool: pg.Pool, options: { scale: number; workload: boolean }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_catalog.set_config('ticketz.scale', $1, false)", [String(options.scale)]);
    await client.query(seedSql);
    const { rows } = await client.query<{ name: string }>(unpopulatedMatviewsSql);
    for (const { name } of rows) await client.query(`REFRESH MATERIALIZED VIEW ${name}`);
    if (options.workload) await client.query(workloadSql);
  } finally {
    client.release();
  }
}
