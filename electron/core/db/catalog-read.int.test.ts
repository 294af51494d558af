import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { beginRead, withCatalogRead } from './catalog-read';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('begin_read');
});
afterAll(() => db.drop());

const settings = `SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st,
                          current_setting('lock_timeout') AS lt`;

describe('beginRead: a read transaction with its limits in one message', () => {
  it('starts READ ONLY with the SET LOCAL timeouts and answers the server major', async () => {
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

  it('a write transaction when asked; a statement over the limit is stopped', async () => {
    await withCatalogRead(db.pool, async (c) => expect((await c.query(settings)).rows[0]).toMatchObject({ ro: 'off' }), {
      readOnly: false,
    });
    await expect(withCatalogRead(db.pool, (c) => c.query('SELECT pg_sleep(1)'), { statementTimeoutMs: 50 })).rejects.toMatchObject({
      code: '57014',
    });
  });
});
