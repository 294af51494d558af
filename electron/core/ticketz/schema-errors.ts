import type pg from 'pg';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { isPgDatabaseError, pgFieldsOf } from '../db/pg-errors';
import schemaPresentSql from '../sql/ticketz/schema-present.sql?raw';

export type TicketzSchema = 'ticketing' | 'chain';

/** The message every Ticketz page shows on a database without the reference schema. */
export function noSchemaMessage(schema: TicketzSchema): string {
  return schema === 'ticketing'
    ? 'This database has no ticketing schema — these screens work on Ticketz databases. Connect to one (the Demo database has it), or apply the Ticketz migrations to this database.'
    : 'This database has no chain schema — the Chain screens work on Ticketz databases. Connect to one (the Demo database has it), or apply the Ticketz migrations to this database.';
}

// undefined_table, invalid_schema_name, undefined_function, undefined_column: what a query of a
// database without (or with an older) Ticketz schema fails with.
const MISSING_OBJECT = new Set(['42P01', '3F000', '42883', '42703']);

/**
 * Runs Ticketz reads/writes and turns "no such schema" into one clear NOT_FOUND. Nothing is checked
 * up front (the gate scan is a hot path): only a failure pays for the catalog look-up.
 */
export async function onTicketzSchema<T>(pool: pg.Pool, schema: TicketzSchema, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isPgDatabaseError(err)) throw err;
    // A built-in function this server lacks (an older PostgreSQL) is not schema drift: say which.
    if (err.code === '42883' && !new RegExp(`\\b(${schema}|ticketing|chain)\\.`).test(err.message))
      throw new RpcError(
        'PG_ERROR',
        `This PostgreSQL lacks a function this page uses (${err.message}). The console supports PostgreSQL 13 and later; please report this page as broken on your version.`,
        pgFieldsOf(err),
      );
    if (MISSING_OBJECT.has(err.code)) {
      const present = await schemaPresent(pool, schema).catch(() => true);
      if (!present) throw new RpcError('NOT_FOUND', noSchemaMessage(schema));
      throw new RpcError(
        'PG_ERROR',
        `The ${schema} schema of this database differs from the Ticketz reference schema (${err.message}). Apply the pending Ticketz migrations.`,
        pgFieldsOf(err),
      );
    }
    // 55000 object_not_in_prerequisite_state: "materialized view … has not been populated".
    if (err.code === '55000' && /materialized view/i.test(err.message))
      throw new RpcError(
        'PG_ERROR',
        `${err.message}. Refresh it once (Materialized views page, or REFRESH MATERIALIZED VIEW) and try again.`,
        pgFieldsOf(err),
      );
    throw err;
  }
}

async function schemaPresent(pool: pg.Pool, schema: TicketzSchema): Promise<boolean> {
  const { rows } = await pool.query<{ present: boolean }>(schemaPresentSql, [schema]);
  return rows[0]?.present === true;
}

/** `text` as a literal ILIKE pattern matching anywhere: %, _ and \ lose their meaning. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
