import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { packageRootForTests } from './package-root';

/**
 * The Ticketz reference schema and demo data for integration tests. Until the migration engine
 * applies them, each `migrations/*.up.sql` runs in order as one multi-statement query (one implicit
 * transaction each); switch this one helper to the engine when it lands.
 */
export async function applyTicketzSchema(pool: pg.Pool): Promise<void> {
  const dir = path.join(packageRootForTests, 'migrations');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.up.sql'))
    .sort();
  for (const file of files) await pool.query(readFileSync(path.join(dir, file), 'utf8'));
}

/** Runs the demo seed (electron/core/demo-data/seed.sql) at `scale` on an empty Ticketz database. */
export async function seedTicketz(pool: pg.Pool, scale: number): Promise<void> {
  const seed = readFileSync(path.join(packageRootForTests, 'electron', 'core', 'demo-data', 'seed.sql'), 'utf8');
  const client = await pool.connect();
  try {
    await client.query(`SET ticketz.scale = '${Math.trunc(scale)}'`);
    await client.query(seed);
    await client.query('RESET ticketz.scale');
  } finally {
    client.release();
  }
}
