import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql } from '../sql-parser';
import { opensImplicitly, transactionRole } from './transaction-statements';

beforeAll(() => loadSqlParser());

const role = async (sql: string) => transactionRole((await splitSql(sql))[0]!);

describe('transactionRole', () => {
  it('knows typed transaction control', async () => {
    expect(await role('BEGIN')).toMatchObject({ begins: true, ends: false, readOnlyBegin: false, mayWrite: false });
    expect(await role('START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY')).toMatchObject({ begins: true, readOnlyBegin: true });
    for (const sql of ['COMMIT', 'END', 'ROLLBACK', 'ABORT', 'COMMIT AND CHAIN', "PREPARE TRANSACTION 'x'"])
      expect(await role(sql), sql).toMatchObject({ begins: false, ends: true });
    for (const sql of ['SAVEPOINT a', 'RELEASE a', 'ROLLBACK TO SAVEPOINT a'])
      expect(await role(sql), sql).toMatchObject({ begins: false, ends: false, outsideTransaction: undefined });
    expect((await role("COMMIT PREPARED 'x'")).outsideTransaction).toMatch(/COMMIT PREPARED cannot run inside a transaction block/);
  });

  it('opens a transaction implicitly before ordinary statements and savepoints only', async () => {
    expect(opensImplicitly(await role('SELECT 1'))).toBe(true);
    expect(opensImplicitly(await role('SAVEPOINT a'))).toBe(true);
    expect(opensImplicitly(await role('BEGIN'))).toBe(false);
    expect(opensImplicitly(await role('ROLLBACK'))).toBe(false);
    expect(opensImplicitly(await role('VACUUM scratch'))).toBe(false);
    expect(opensImplicitly(await role('CREATE INDEX CONCURRENTLY i ON t (a)'))).toBe(false);
    expect(opensImplicitly(await role('ANALYZE scratch'))).toBe(true);
  });

  it('tells statements that cannot write from those that might', async () => {
    for (const sql of [
      'SELECT 1',
      'VALUES (1)',
      'TABLE t',
      'SELECT 1 UNION SELECT 2',
      'EXPLAIN DELETE FROM t',
      'EXPLAIN (ANALYZE false) DELETE FROM t',
      'SHOW work_mem',
      'SET work_mem = 1',
    ])
      expect((await role(sql)).mayWrite, sql).toBe(false);
    for (const sql of [
      'INSERT INTO t VALUES (1)',
      'SELECT 1 INTO t2',
      'SELECT * FROM t FOR UPDATE',
      'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d',
      'EXPLAIN ANALYZE DELETE FROM t',
      'CREATE TABLE x (a int)',
      'CALL p()',
      'DO $$ BEGIN END $$',
    ])
      expect((await role(sql)).mayWrite, sql).toBe(true);
  });
});
