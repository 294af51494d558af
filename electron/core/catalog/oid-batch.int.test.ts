import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { queriesForOid } from './oid-batch';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('oid_batch');
  await db.pool.query('CREATE TABLE batched (id int PRIMARY KEY, note text)');
});
afterAll(() => db.drop());

describe('catalog questions about one relation in one round trip', () => {
  it('answers each statement in order, with a -- comment at the end of one not swallowing the next', async () => {
    const { rows } = await db.pool.query<{ oid: string }>("SELECT 'batched'::regclass::oid AS oid");
    const [names, columns] = await queriesForOid(db.pool, rows[0]!.oid, [
      'SELECT relname FROM pg_class WHERE oid = $1::oid -- the relation',
      'SELECT attname FROM pg_attribute WHERE attrelid = $1::oid AND attnum > 0 ORDER BY attnum;',
    ]);
    expect(names!.rows).toEqual([{ relname: 'batched' }]);
    expect(columns!.rows).toEqual([{ attname: 'id' }, { attname: 'note' }]);
  });

  it('refuses anything but an oid in the text', async () => {
    await expect(queriesForOid(db.pool, '1; DROP TABLE batched', ['SELECT $1::oid'])).rejects.toThrow(/Not an oid/);
    expect((await db.pool.query("SELECT to_regclass('batched') IS NOT NULL AS there")).rows[0]).toEqual({ there: true });
  });
});
