import type pg from 'pg';

/**
 * A read-only profile behind a pooler cannot set default_transaction_read_only for its session
 * (there is no session of its own), so each pool.query runs in a READ ONLY transaction instead:
 * BEGIN READ ONLY, the statement, COMMIT on one checked-out client. Paths that check out a client
 * open READ ONLY transactions themselves (catalog reads, the SQL editor's read-only mode).
 */
export function readOnlyPerTransaction(pool: pg.Pool): void {
  const inReadOnlyTransaction = async (config: unknown, values?: unknown) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN /* ticketz-console */ READ ONLY');
      const result = await (client.query as (c: unknown, v?: unknown) => Promise<pg.QueryResult>)(config, values);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  pool.query = inReadOnlyTransaction as unknown as typeof pool.query;
}
