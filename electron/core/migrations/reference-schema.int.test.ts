import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { describeDifference, diffCatalogSnapshots } from './catalog-snapshot';
import { defaultMigrationsDir } from './default-dir';
import { discoverMigrations } from './discover';
import { engineFor, snapshotOf } from './testing/engine-fixtures';
import { formatVerifyReport, verifyReversibility } from './verify';

/** The Ticketz reference schema in migrations/: it must apply, roll back, and roll back cleanly one by one. */
const dir = defaultMigrationsDir();
const present = existsSync(dir) && discoverMigrations(dir).migrations.length > 0;

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});
async function freshDb(): Promise<TestDatabase> {
  const db = await createTestDatabase('reference');
  databases.push(db);
  return db;
}

describe.skipIf(!present)('the reference schema (migrations/)', () => {
  it('every migration applies on an empty database; up then down --to 0 leaves the catalog as it was', async () => {
    const db = await freshDb();
    const empty = await snapshotOf(db.pool);
    const { engine } = engineFor(db.pool, dir);
    const ran = await engine.up();
    const status = await engine.status();
    expect(ran.length).toBe(status.migrations.length);
    expect(status.migrations.every((m) => m.status === 'applied' && m.hasDown)).toBe(true);
    expect(status.invalidIndexes).toEqual([]);
    expect(status.warnings).toEqual([]);
    await engine.down({ to: '0' });
    expect(diffCatalogSnapshots(empty, await snapshotOf(db.pool)).map(describeDifference)).toEqual([]);
  }, 120_000);

  it('per migration, up → down restores the catalog and up again rebuilds it identically', async () => {
    const db = await freshDb();
    const report = await verifyReversibility(db.pool, { dir });
    expect(formatVerifyReport(report).filter((line) => /^(DIFFERS|FAILED|skipped| )/.test(line))).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ checked: report.migrations.length, skipped: 0, notReached: 0 });
    expect(report.migrations.length).toBe(discoverMigrations(dir).migrations.length);
  }, 240_000);
});
