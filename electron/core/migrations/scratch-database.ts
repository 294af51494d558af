import { quoteIdent } from '../../../shared/domain/quote-ident';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway database on the same server, for the reversibility check: created from template0
 * (an empty catalog, whatever template1 holds), dropped afterwards even when the work fails.
 * Needs the CREATEDB privilege.
 */
export async function withScratchDatabase<T>(config: pg.ClientConfig, work: (pool: pg.Pool, name: string) => Promise<T>): Promise<T> {
  const name = `ticketz_verify_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client(config);
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`Could not create a scratch database for the check (${message}). The role needs the CREATEDB privilege.`);
    });
    const pool = new pg.Pool({ ...config, database: name, max: 3 });
    pool.on('error', () => undefined);
    try {
      return await work(pool, name);
    } finally {
      await pool.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
