import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoEndpoint, DemoStep } from './db/embedded-demo';
import { demoBootstrap } from './demo-bootstrap';
import { discoverMigrations } from './migrations/discover';
import { defaultMigrationsDir } from './migrations/default-dir';
import { emptyMigrationsDir } from './migrations/testing/engine-fixtures';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

let db: TestDatabase;
let endpoint: DemoEndpoint;
beforeAll(async () => {
  db = await createTestDatabase('demo_boot');
  endpoint = { host: '127.0.0.1', port: db.port, user: db.user, password: db.password, database: db.name };
});
afterAll(async () => {
  await db.drop();
});

describe('demo bootstrap', () => {
  it('applies migrations/ through the engine and seeds scale 1 once, reporting each phase in order; the next start changes nothing', async () => {
    const lines: string[] = [];
    const reports: DemoStep[] = [];
    expect(await demoBootstrap((line) => lines.push(line))(endpoint, true, (r) => reports.push(r))).toEqual({});
    const migrations = discoverMigrations(defaultMigrationsDir()).migrations.length;

    // Phases in order: checking, each migration 1..M, then each seed step 1..N, nothing after.
    const phases = reports.map((r) => r.phase);
    expect(phases.indexOf('seeding')).toBeGreaterThan(phases.lastIndexOf('migrating'));
    expect(new Set(phases)).toEqual(new Set(['migrating', 'seeding']));
    const applied = reports.filter((r) => r.phase === 'migrating' && r.step !== undefined);
    expect(applied.map((r) => r.step)).toEqual(Array.from({ length: migrations }, (_, i) => i + 1));
    expect(applied.every((r) => r.steps === migrations)).toBe(true);
    expect(applied[0]!.label).toMatch(new RegExp(`^Applying migration 1 of ${migrations}: 0001 create_ticketing_core$`));
    const seeded = reports.filter((r) => r.phase === 'seeding');
    expect(seeded.map((r) => r.step)).toEqual(Array.from({ length: seeded.length }, (_, i) => i + 1));
    expect(seeded.every((r) => r.steps === seeded.length)).toBe(true);
    expect(seeded[0]!.label).toBe(`Generating demo data 1 of ${seeded.length}: ticketing.organizations`);
    expect(seeded.map((r) => r.label)).toContain(
      `Generating demo data ${seeded.findIndex((r) => r.label.endsWith('ticketing.tickets')) + 1} of ${seeded.length}: ticketing.tickets`,
    );
    expect(seeded.at(-1)!.label).toMatch(/sample workload/);

    const { rows: history } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ticketz_console.schema_migrations');
    expect(history[0]!.n).toBe(migrations);
    const counts = async () =>
      (
        await db.pool.query<{ events: number; tickets: number; unpopulated: number }>(
          `SELECT (SELECT count(*)::int FROM ticketing.events) AS events,
                (SELECT count(*)::int FROM ticketing.tickets) AS tickets,
                (SELECT count(*)::int FROM pg_matviews WHERE NOT ispopulated) AS unpopulated`,
        )
      ).rows[0]!;
    const first = await counts();
    expect(first.events).toBeGreaterThan(0);
    expect(first.tickets).toBeGreaterThan(1000);
    expect(first.unpopulated).toBe(0);
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('demo data ready')]));

    const again: string[] = [];
    const againReports: DemoStep[] = [];
    await demoBootstrap((line) => again.push(line))(endpoint, false, (r) => againReports.push(r));
    expect(await counts()).toEqual(first);
    expect(again).toEqual([]);
    expect(againReports.map((r) => r.label)).toEqual(['Checking the reference schema for pending migrations']);
  }, 240_000);

  it('logs a failure instead of failing the start, saying what went wrong', async () => {
    const other = await createTestDatabase('demo_boot_fail');
    try {
      const dir = emptyMigrationsDir();
      writeFileSync(path.join(dir, '1_broken.up.sql'), 'CREATE TABLE x (id nosuchtype);\n');
      const lines: string[] = [];
      const outcome = await demoBootstrap((line) => lines.push(line), { migrationsDir: dir })(
        { host: '127.0.0.1', port: other.port, user: other.user, password: other.password, database: other.name },
        true,
      );
      expect(outcome.warning).toMatch(/^The demo database runs, but .*Migration 1 \(broken\) failed/);
      expect(lines.join('\n')).toContain(
        'could not bring the reference schema and demo data up to date: Migration 1 (broken) failed at 1_broken.up.sql:1:',
      );
    } finally {
      await other.drop();
    }
  });
});
