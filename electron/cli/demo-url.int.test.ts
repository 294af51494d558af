import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { EXIT } from './exit-codes';

/** `demo --url`: the bundled schema and the demo data on a database of one's own (PostgreSQL 13+). */
let db: TestDatabase;
beforeAll(async () => {
  await bundleCli();
  db = await createTestDatabase('cli_demo_url');
});
afterAll(async () => {
  await db?.drop();
});

describe('ticketz-console demo --url', () => {
  it('applies the reference schema, seeds the data once, and says so the second time', async () => {
    const first = await runCli(['demo', '--url', db.url, '--scale', '1', '--json'], { timeoutMs: 300_000 });
    expect(first.code).toBe(EXIT.ok);
    expect(JSON.parse(first.stdout)).toEqual({ migrationsApplied: 12, seeded: true, scale: 1 });
    const { rows } = await db.pool.query<{ events: number; tickets: number; users: number }>(
      'SELECT (SELECT count(*)::int FROM ticketing.events) AS events, (SELECT count(*)::int FROM ticketing.tickets) AS tickets, (SELECT count(*)::int FROM chain.users) AS users',
    );
    expect(rows[0]!.events).toBe(20);
    expect(rows[0]!.tickets).toBeGreaterThan(40_000);
    expect(rows[0]!.users).toBe(20_000);

    const again = await runCli(['demo', '--url', db.url, '--json']);
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.stdout)).toEqual({ migrationsApplied: 0, seeded: false, scale: 1 });
  }, 360_000);

  it('refuses a scale out of range', async () => {
    const run = await runCli(['demo', '--url', db.url, '--scale', '0']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('--scale must be a whole number from 1 to 100');
  });
});
