import type pg from 'pg';
import type { MigrationFormat } from '../../../shared/contract/migrations';
import dbmateSql from '../sql/migrations/runner-dbmate.sql?raw';
import dieselSql from '../sql/migrations/runner-diesel.sql?raw';
import flywaySql from '../sql/migrations/runner-flyway.sql?raw';
import golangMigrateSql from '../sql/migrations/runner-golang-migrate.sql?raw';
import sqlxSql from '../sql/migrations/runner-sqlx.sql?raw';

export interface RunnerTable {
  runner: string;
  table: string;
  sql: string;
}

const golangMigrate = { runner: 'golang-migrate', table: 'public.schema_migrations', sql: golangMigrateSql };
const sqlx = { runner: 'sqlx', table: 'public._sqlx_migrations', sql: sqlxSql };

/**
 * The history table each format's own runner creates before its first migration. Migrations of
 * real projects touch it (Harbor's 0030 adds a column to golang-migrate's schema_migrations), so
 * verify's scratch database has it too. The `.up.sql`/`.down.sql` names do not tell golang-migrate
 * from sqlx, so such a folder gets both tables.
 */
export const RUNNER_TABLES: Record<MigrationFormat, RunnerTable[]> = {
  'up-down': [golangMigrate, sqlx],
  dbmate: [{ runner: 'dbmate', table: 'public.schema_migrations', sql: dbmateSql }],
  diesel: [{ runner: 'diesel', table: 'public.__diesel_schema_migrations', sql: dieselSql }],
  flyway: [{ runner: 'Flyway', table: 'public.flyway_schema_history', sql: flywaySql }],
  plain: [],
};

/** Creates the runners' tables of the formats present (each once; the first runner of a table name wins). */
export async function createRunnerTables(pool: pg.Pool, formats: Iterable<MigrationFormat>): Promise<RunnerTable[]> {
  const created = new Map<string, RunnerTable>();
  for (const format of new Set(formats))
    for (const t of RUNNER_TABLES[format]) {
      if (created.has(t.table)) continue;
      await pool.query(t.sql);
      created.set(t.table, t);
    }
  return [...created.values()];
}
