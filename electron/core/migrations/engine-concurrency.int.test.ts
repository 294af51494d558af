import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import type { EngineEvent } from './engine';
import type { MigrationError } from './errors';
import { LOCK_KEYS } from './lock';
import { emptyMigrationsDir, engineFor } from './testing/engine-fixtures';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function freshDb(): Promise<TestDatabase> {
  const db = await createTestDatabase('mig_conc');
  cleanup.push(() => db.drop());
  return db;
}

/** A pool of its own, as a second process would have. */
function poolFor(db: TestDatabase): pg.Pool {
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  pool.on('error', () => undefined);
  cleanup.push(() => pool.end());
  return pool;
}

function nextEvent(events: EngineEvent[], match: (e: EngineEvent) => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (events.some(match)) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('event did not come'));
      else setTimeout(check, 10);
    };
    check();
  });
}

/** A populated table, then a migration that sleeps (in a transaction) and builds an index CONCURRENTLY. */
function concurrentIndexMigrations(): string {
  const dir = emptyMigrationsDir();
  writeFileSync(path.join(dir, '1_tickets.up.sql'), 'CREATE TABLE tickets (id int, code text);\nINSERT INTO tickets SELECT g, md5(g::text) FROM generate_series(1, 50000) AS g;\n');
  writeFileSync(path.join(dir, '2_index_tickets.up.sql'), 'SELECT pg_sleep(2);\nCREATE INDEX CONCURRENTLY tickets_code_idx ON tickets (code);\n');
  return dir;
}

describe('one applier at a time', () => {
  it('three concurrent appliers apply each migration exactly once', async () => {
    const db = await freshDb();
    const dir = emptyMigrationsDir();
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(dir, `${i}_step.up.sql`), `CREATE TABLE step_${i} (id int);\nSELECT pg_sleep(0.3);\n`);
    const appliers = [0, 1, 2].map(() => engineFor(poolFor(db), dir));
    const results = await Promise.all(appliers.map((a) => a.engine.up()));
    const ran = results.flat().map((r) => r.version);
    expect(ran.sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(appliers.filter((a) => a.events.some((e) => e.type === 'lock-wait')).length).toBeGreaterThanOrEqual(1);
    const { rows } = await db.pool.query('SELECT version, count(*)::int AS n FROM ticketz_console.schema_migrations GROUP BY version ORDER BY version');
    expect(rows).toEqual(['1', '2', '3', '4', '5'].map((version) => ({ version, n: 1 })));
  });

  it('a CREATE INDEX CONCURRENTLY migration completes while a second applier waits for the lock; no INVALID index', async () => {
    const db = await freshDb();
    const dir = concurrentIndexMigrations();
    type Stamped = EngineEvent & { at: number };
    const stamped = (events: Stamped[]) => (e: EngineEvent) => events.push({ ...e, at: Date.now() });
    const firstTimes: Stamped[] = [];
    const secondTimes: Stamped[] = [];
    const a = engineFor(poolFor(db), dir, { onEvent: stamped(firstTimes) });
    const running = a.engine.up();
    await nextEvent(a.events, (e) => e.type === 'step-start' && e.index === 1);
    const b = engineFor(poolFor(db), dir, { lockWaitMs: 60_000, onEvent: stamped(secondTimes) });
    const waiting = b.engine.up();
    const [ranA, ranB] = await Promise.all([running, waiting]);

    expect(ranA.map((r) => r.version)).toEqual(['1', '2']);
    expect(ranB).toEqual([]);
    const at = (events: Stamped[], match: (e: EngineEvent) => boolean) => events.find(match)!.at;
    const bWaitStarted = at(secondTimes, (e) => e.type === 'lock-wait');
    const cicStarted = at(firstTimes, (e) => e.type === 'statement' && e.outsideTransaction);
    const bGotLock = at(secondTimes, (e) => e.type === 'lock-acquired');
    expect(bWaitStarted).toBeLessThan(cicStarted);
    expect(bGotLock).toBeGreaterThan(at(firstTimes, (e) => e.type === 'step-done' && e.index === 1));
    const { rows } = await db.pool.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'tickets_code_idx'::regclass");
    expect(rows).toEqual([{ indisvalid: true }]);
    expect((await b.engine.status()).invalidIndexes).toEqual([]);
  });

  it('control: the same migration against a waiter blocked in pg_advisory_lock() (the Flyway/golang-migrate way) cannot finish', async () => {
    const db = await freshDb();
    const dir = concurrentIndexMigrations();
    const a = engineFor(poolFor(db), dir, { lockTimeoutMs: 1500 });
    const running = a.engine.up().catch((e: unknown) => e as MigrationError);
    await nextEvent(a.events, (e) => e.type === 'step-start' && e.index === 1);
    const blockingWaiter = new pg.Client({ connectionString: db.url });
    await blockingWaiter.connect();
    cleanup.push(() => blockingWaiter.end());
    const waiter = blockingWaiter.query('SELECT pg_advisory_lock($1, $2)', [...LOCK_KEYS]);
    const error = await running;
    await waiter;
    await blockingWaiter.query('SELECT pg_advisory_unlock($1, $2)', [...LOCK_KEYS]);
    // CREATE INDEX CONCURRENTLY waited on the blocked waiter's snapshot until lock_timeout gave up.
    expect(error).toMatchObject({ kind: 'lock_timeout' });
    expect((error as MigrationError).message).toContain('INVALID index public.tickets_code_idx');
  });
});
