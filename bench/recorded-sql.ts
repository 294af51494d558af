import type pg from 'pg';
import type { CatalogQuery } from '../electron/core/db/catalog-read';
import { psqlStatement, type ConnectedPsql } from './connected-psql';

export interface RecordedStatement {
  text: string;
  values: unknown[];
}

/**
 * Runs product code against a real session while writing down every statement it sends, so a
 * reference can replay exactly the product's SQL with the same parameters (no hand-copied query
 * that drifts from the product's). Only the (text, values) and ({ text, values }) call forms are
 * used by the catalog readers.
 */
export async function recordStatements(pool: pg.Pool, work: (client: pg.ClientBase) => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const client = await pool.connect();
  try {
    const recorder = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
        return (config: string | { text: string; values?: unknown[] }, values?: unknown[]) => {
          const text = typeof config === 'string' ? config : config.text;
          recorded.push({ text, values: (typeof config === 'string' ? values : config.values) ?? values ?? [] });
          return target.query(config as string, values);
        };
      },
    });
    await client.query('BEGIN READ ONLY');
    await work(recorder);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
  return recorded;
}

/** A CatalogQuery (electron/core/db/catalog-read.ts) that answers from the pool and writes each question down. */
export function recordingCatalogQuery(pool: pg.Pool, recorded: RecordedStatement[]): CatalogQuery {
  return async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    recorded.push({ text, values: values ?? [] });
    return (await pool.query<R>(text, values)).rows;
  };
}

/**
 * The psql script of a product read: the statements in a READ ONLY transaction with the same
 * SET LOCAL timeouts the console's catalog reads use (electron/core/catalog/catalog-read.ts).
 */
export function catalogReadScript(statements: readonly RecordedStatement[], statementTimeoutMs = 5_000): string {
  return [
    // `\;` sends the three in one message, as the console does
    `BEGIN READ ONLY\\; SET LOCAL lock_timeout = 2000\\; SET LOCAL statement_timeout = ${statementTimeoutMs};`,
    ...statements.map((s) => psqlStatement(s.text, s.values)),
    'COMMIT;',
  ].join('\n');
}

/**
 * Reads the product runs side by side on several pooled sessions (bloat, the advisor), replayed
 * the same way: each statement in its own read transaction, as many at once as there are
 * connected psql sessions. Resolves with the wall-clock ms of the whole set.
 */
export async function timedSideBySide(psqls: readonly ConnectedPsql[], scripts: readonly string[]): Promise<number> {
  const queue = [...scripts];
  const started = performance.now();
  await Promise.all(
    psqls.map(async (psql) => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await psql.run(next);
    }),
  );
  return performance.now() - started;
}
