import type pg from 'pg';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { beginRead } from '../db/catalog-read';
import { isPgDatabaseError } from '../db/pg-errors';

export interface ReadLimits {
  /** How long to wait for a lock (e.g. behind a migration's ACCESS EXCLUSIVE). */
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

/** Catalog reads: a short wait, so the tree never hangs behind a migration's lock. */
export const CATALOG_LIMITS: ReadLimits = { lockTimeoutMs: 2_000, statementTimeoutMs: 5_000 };
/** Reading a table's rows: the same lock wait, more time to scan. */
export const DATA_LIMITS: ReadLimits = { lockTimeoutMs: 2_000, statementTimeoutMs: 30_000 };

/**
 * Runs `work` in a READ ONLY transaction with SET LOCAL lock_timeout and statement_timeout, and
 * turns the two timeouts into a message that says what happened and what to do.
 */
export async function readOnlyRead<T>(pool: pg.Pool, limits: ReadLimits, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await beginRead(client, limits);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw explainTimeout(err, limits);
  } finally {
    client.release(broken);
  }
}

/** Maps lock_timeout (55P03) and statement_timeout (57014) to words; other errors pass through. */
export function explainTimeout(err: unknown, limits: ReadLimits): unknown {
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
