import type pg from 'pg';
import seedSql from './demo-data/seed.sql?raw';
import workloadSql from './demo-data/workload.sql?raw';
import { quoteIdent } from '../../shared/domain/quote-ident';
import hasDemoDataSql from './sql/demo/has-demo-data.sql?raw';
import statementsSchemaSql from './sql/demo/statements-schema.sql?raw';
import unpopulatedMatviewsSql from './sql/demo/unpopulated-matviews.sql?raw';
import { splitSql } from './sql-parser';

/** true: seeded; false: the schema is there and empty; null: the reference schema is not applied. */
export async function hasDemoData(client: pg.ClientBase): Promise<boolean | null> {
  const { rows } = await client.query<{ present: boolean | null }>(hasDemoDataSql);
  return rows[0]?.present ?? null;
}

/** A stretch of seed.sql that ends by filling one table (or, last, refreshes views and statistics). */
export interface SeedStep {
  label: string;
  statements: string[];
}

/**
 * seed.sql cut where it fills a table: each step is the statements up to and including its
 * INSERTs into one schema-qualified (real, not temporary) table, named after that table; what
 * follows the last one (ANALYZE, REFRESH MATERIALIZED VIEW) is the final step. Cut with the
 * PostgreSQL parser, so DO blocks and function bodies stay whole.
 */
export async function seedSteps(sql: string = seedSql): Promise<SeedStep[]> {
  const steps: SeedStep[] = [];
  let pending: string[] = [];
  for (const s of await splitSql(sql)) {
    pending.push(s.text);
    const relation = s.kind === 'InsertStmt' ? (s.node.relation as { schemaname?: string; relname?: string } | undefined) : undefined;
    if (!relation?.schemaname || !relation.relname) continue;
    const label = `${relation.schemaname}.${relation.relname}`;
    const previous = steps.at(-1);
    // Two INSERTs into the same table in a row are one step.
    if (previous?.label === label && pending.length === 1) previous.statements.push(...pending);
    else steps.push({ label, statements: pending });
    pending = [];
  }
  if (pending.length) steps.push({ label: 'materialized views and statistics', statements: pending });
  return steps;
}

export interface SeedProgress {
  /** 1-based. */
  step: number;
  steps: number;
  label: string;
}

/**
 * Fills an empty reference schema with the demo data at a scale (1 ≈ 50,000 tickets): seed.sql
 * statement by statement inside ONE transaction (a crash leaves the database empty and the next
 * start seeds again), reporting each table as it begins; then any materialized view it left
 * unpopulated; then — for the demo — workload.sql, which leaves statistics and dead tuples for the
 * Insights page.
 */
export async function seedDemoData(
  pool: pg.Pool,
  options: { scale: number; workload: boolean; onStep?: (progress: SeedProgress) => void },
): Promise<void> {
  const steps = await seedSteps();
  const total = steps.length + (options.workload ? 1 : 0);
  const report = (step: number, label: string) => options.onStep?.({ step, steps: total, label });
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("SELECT pg_catalog.set_config('ticketz.scale', $1, false)", [String(options.scale)]);
    await client.query('BEGIN');
    try {
      for (const [index, step] of steps.entries()) {
        report(index + 1, step.label);
        for (const statement of step.statements) await client.query(statement);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    }
    const { rows } = await client.query<{ name: string }>(unpopulatedMatviewsSql);
    for (const { name } of rows) await client.query(`REFRESH MATERIALIZED VIEW ${name}`);
    if (options.workload) {
      report(total, 'a sample workload (statistics for Insights)');
      await resetStatementStats(client);
      await client.query(workloadSql);
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Clears pg_stat_statements (when installed) so Slow queries start from the demo workload rather
 * than the seed's one-off INSERTs. Returns whether it did.
 */
export async function resetStatementStats(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ schema: string }>(statementsSchemaSql);
  if (!rows[0]) return false;
  await client.query(`SELECT /* ticketz-console */ ${quoteIdent(rows[0].schema)}.pg_stat_statements_reset()`);
  return true;
}
