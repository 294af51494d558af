import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { takeCatalogSnapshot, type CatalogSnapshot } from '../catalog-snapshot';
import { MigrationEngine, type EngineEvent, type EngineOptions } from '../engine';

export const fixturesDir = path.join(import.meta.dirname, '..', 'fixtures');

/** A private copy of a fixture folder that a test may edit (drift) or add to. */
export function copyFixture(format: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mig-${format}-`));
  cpSync(path.join(fixturesDir, format), dir, { recursive: true });
  return dir;
}

export function emptyMigrationsDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mig-empty-'));
}

/** An engine over a test pool, recording its events. */
export function engineFor(pool: pg.Pool, dir: string, options: Partial<EngineOptions> = {}): { engine: MigrationEngine; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  const engine = new MigrationEngine({
    pool,
    dir,
    ...options,
    onEvent: (e) => {
      events.push(e);
      options.onEvent?.(e);
    },
  });
  return { engine, events };
}

export async function snapshotOf(pool: pg.Pool): Promise<CatalogSnapshot> {
  const client = await pool.connect();
  try {
    return await takeCatalogSnapshot(client);
  } finally {
    client.release();
  }
}
