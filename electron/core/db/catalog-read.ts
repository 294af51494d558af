import type pg from 'pg';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { majorOf } from '../sql/pick-variant';
import { isPgDatabaseError } from './pg-errors';

export interface ReadOptions {
  /** Cap for every statement of the read (catalog reads should be quick). */
  statementTimeoutMs?: number;
  /** Never wait long behind a migration's lock. */
  lockTimeoutMs?: number;
  /** READ ONLY transaction (default); a write (CREATE EXTENSION, audit) passes false. */
  readOnly?: boolean;
}

/** Catalog reads: a short wait, so the tree never hangs behind a migration's lock. */
export const CATALOG_LIMITS = { lockTimeoutMs: 2_000, statementTimeoutMs: 5_000 } as const satisfies ReadOptions;
/** Reading a table's rows: the same lock wait, more time to scan. */
export const DATA_LIMITS = { lockTimeoutMs: 2_000, statementTimeoutMs: 30_000 } as const satisfies ReadOptions;

const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
const DEFAULT_LOCK_TIMEOUT_MS = 2_000;

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
 * The one way the console reads a catalog (or a user's rows): one pooled session, a READ ONLY
 * transaction with short SET LOCAL timeouts so a read never hangs behind a migration's ACCESS
 * EXCLUSIVE lock, the `ticketz-console` marker on every statement it adds, the two timeouts told
 * in words, and the server major handed over.
 */
export async function withCatalogRead<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, serverMajor: number) => Promise<T>,
  options: ReadOptions = {},
): Promise<T> {
  const limits = {
    statementTimeoutMs: Math.trunc(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS),
    lockTimeoutMs: Math.trunc(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS),
  };
  const client = await pool.connect();
  let broken = false;
  try {
    const major = await beginRead(client, { ...options, ...limits });
    const result = await work(client, major);
    await client.query('COMMIT /* ticketz-console */');
    return result;
  } catch (err) {
    await client.query('ROLLBACK /* ticketz-console */').catch(() => {
      // A session that cannot even roll back is not handed to the next read.
      broken = true;
    });
    throw explainTimeout(err, limits);
  } finally {
    client.release(broken);
  }
}

/** Maps lock_timeout (55P03) and statement_timeout (57014) to words; other errors pass through. */
export function explainTimeout(err: unknown, limits: { lockTimeoutMs: number; statementTimeoutMs: number }): unknown {
  if (!isPgDatabaseError(err)) return err;
  if (err.code === '55P03')
    return new RpcError(
      'TIMEOUT',
      `The catalog is locked by another session (for example a running migration), so this read gave up after ${limits.lockTimeoutMs / 1000} s. Try again when it finishes; Insights → Locks shows who holds the lock.`,
    );
  if (err.code === '57014' && /statement timeout/i.test(err.message))
    return new RpcError(
      'TIMEOUT',
      `The read took longer than ${limits.statementTimeoutMs / 1000} s and was stopped (statement_timeout), possibly waiting behind another session. Try again, or narrow the request.`,
    );
  return err;
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
