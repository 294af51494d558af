import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { beginRead, CATALOG_LIMITS, withCatalogRead } from './catalog-read';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('catread');
  await db.pool.query('CREATE TABLE locked_t (id int)');
});
afterAll(async () => db?.drop());

describe('withCatalogRead, the one catalog reader', () => {
  it('reads in a READ ONLY transaction with the limits set locally, and hands over the major', async () => {
    const seen = await withCatalogRead(
      db.pool,
      async (c, major) => {
        const { rows } = await c.query<{ ro: string; st: string; lt: string }>(
          `SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt`,
        );
        return { ...rows[0]!, major };
      },
      CATALOG_LIMITS,
    );
    expect(seen).toMatchObject({ ro: 'on', st: '5s', lt: '2s' });
    expect(seen.major).toBeGreaterThanOrEqual(13);
    // SET LOCAL: the pooled session goes back with the server defaults
    const { rows } = await db.pool.query<{ st: string }>(`SELECT current_setting('statement_timeout') AS st`);
    expect(rows[0]!.st).toBe('0');
  });

  it('refuses writes', async () => {
    const err = await withCatalogRead(db.pool, (c) => c.query('INSERT INTO locked_t VALUES (1)')).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('25006');
  });

  it('says in words that it gave up behind a lock, and leaves the pool usable', async () => {
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE locked_t IN ACCESS EXCLUSIVE MODE');
      const err = await withCatalogRead(db.pool, (c) => c.query('SELECT count(*) FROM locked_t'), { lockTimeoutMs: 200 }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RpcError);
      expect((err as RpcError).code).toBe('TIMEOUT');
      expect((err as RpcError).message).toMatch(/locked by another session.*0\.2 s/);
    } finally {
      await locker.end();
    }
    const after = await withCatalogRead(
      db.pool,
      async (c) => (await c.query<{ n: string }>('SELECT count(*) AS n FROM locked_t')).rows[0]!.n,
    );
    expect(after).toBe('0');
  });
});

describe('beginRead: a read transaction with its limits in one message', () => {
  it('starts READ ONLY with the SET LOCAL timeouts and answers the server major', async () => {
    const settings = `SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st,
                             current_setting('lock_timeout') AS lt`;
    const client = await db.pool.connect();
    try {
      const major = await beginRead(client, { statementTimeoutMs: 1234, lockTimeoutMs: 567 });
      expect(major).toBeGreaterThanOrEqual(13);
      expect((await client.query(settings)).rows[0]).toEqual({ ro: 'on', st: '1234ms', lt: '567ms' });
      await client.query('ROLLBACK');
      // LOCAL: the pooled session keeps its own settings afterwards
      expect((await client.query(settings)).rows[0]).toMatchObject({ ro: 'off', st: '0' });
    } finally {
      client.release();
    }
  });
});
