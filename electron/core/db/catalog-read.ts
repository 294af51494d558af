import type pg from 'pg';
import { majorOf } from '../sql/pick-variant';

export interface ReadOptions {
  /** Cap for every statement of the read (catalog reads should be quick). */
  statementTimeoutMs?: number;
  /** Never wait long behind a migration's lock. */
  lockTimeoutMs?: number;
  /** READ ONLY transaction (default); a write (CREATE EXTENSION, audit) passes false. */
  readOnly?: boolean;
}

/**
 * THE one place a console read transaction starts: BEGIN (READ ONLY unless asked), SET LOCAL
 * statement_timeout and lock_timeout, and the server's version, in ONE round trip (one
 * simple-protocol message; the two values are integers this code makes, never input). Resolves
 * with the server major. Both catalog-read helpers (withCatalogRead here, readOnlyRead in
 * catalog/catalog-read.ts) begin through it, so how a read bounds itself is changed here only.
 */
export async function beginRead(client: pg.ClientBase, options: ReadOptions = {}): Promise<number> {
  const ms = (value: number | undefined, fallback: number) => `${Math.max(0, Math.trunc(value ?? fallback))}ms`;
  // The marker keeps even these out of Slow queries (pg_stat_statements tracks utility statements).
  const results = (await client.query(
    `BEGIN /* ticketz-console */${options.readOnly === false ? '' : ' READ ONLY'};
     SELECT /* ticketz-console */ pg_catalog.set_config('statement_timeout', '${ms(options.statementTimeoutMs, 15_000)}', true),
            pg_catalog.set_config('lock_timeout', '${ms(options.lockTimeoutMs, 2_000)}', true),
            pg_catalog.current_setting('server_version_num') AS num`,
  )) as unknown as pg.QueryResult<{ num: string }>[];
  return majorOf(Number(results[1]!.rows[0]!.num));
}

/**
 * Runs catalog reads on one pooled session inside a transaction with short SET LOCAL timeouts,
 * so a read never hangs behind a migration's ACCESS EXCLUSIVE lock; hands over the server major.
 */
export async function withCatalogRead<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, serverMajor: number) => Promise<T>,
  options: ReadOptions = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    const major = await beginRead(client, options);
    const result = await work(client, major);
    await client.query('COMMIT /* ticketz-console */');
    return result;
  } catch (err) {
    await client.query('ROLLBACK /* ticketz-console */').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** int8/numeric arrive as strings (or null); times as Date. Small converters for row mapping. */
export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export const num = (value: number | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

/** One catalog question; each call runs in its own short read transaction on any pooled session. */
export type CatalogQuery = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * Independent catalog reads that may run side by side on separate pooled sessions (the pool holds
 * five): used where one page asks several large questions at once, e.g. bloat and the index advisor
 * on catalogs with thousands of tables.
 */
export function catalogQuery(pool: pg.Pool, options: ReadOptions = {}): CatalogQuery {
  return async (sql, params) => withCatalogRead(pool, async (c) => (await c.query(sql, params)).rows, options);
}
