import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { MigrationEngine } from '../migrations/engine';
import { packageRootForTests } from './package-root';

/**
 * The Ticketz reference schema and demo data for tests, fixtures and benchmarks: the migration
 * engine applies `migrations/` (as the product does), so these tests also run on what it builds.
 */
export async function applyTicketzSchema(pool: pg.Pool): Promise<void> {
  await new MigrationEngine({ pool, dir: path.join(packageRootForTests, 'migrations') }).up();
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
