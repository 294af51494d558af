import { describe, expect, it } from 'vitest';
import { splitSql } from '../../sql-parser';
import { blocksReads, blocksWrites, lockConflicts, lockModes, strongest } from './lock-modes';
import { statementLocks } from './statement-locks';

/** `table → lock` for each lock of a one-statement script, `~` marking a lock resolved through an index. */
async function locks(sql: string): Promise<Record<string, string>> {
  const [statement] = await splitSql(sql);
  const result: Record<string, string> = {};
  for (const l of statementLocks(statement!).locks) result[`${l.via === 'index' ? '~' : ''}${l.relation.schema ? `${l.relation.schema}.` : ''}${l.relation.name}`] = l.lock;
  return result;
}

async function notes(sql: string): Promise<string[]> {
  const [statement] = await splitSql(sql);
  return statementLocks(statement!).notes;
}

describe('lock modes (Table 13.2)', () => {
  it('is symmetric and orders modes as the server does', () => {
    for (const a of lockModes) for (const b of lockModes) expect(lockConflicts(a, b)).toBe(lockConflicts(b, a));
    expect(strongest(['SHARE', 'ACCESS SHARE', 'SHARE UPDATE EXCLUSIVE'])).toBe('SHARE');
  });

  it('says which modes stop reads and which stop writes', () => {
    expect(lockModes.filter(blocksReads)).toEqual(['ACCESS EXCLUSIVE']);
    expect(lockModes.filter(blocksWrites)).toEqual(['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']);
    expect(lockConflicts('SHARE UPDATE EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE')).toBe(true);
    expect(lockConflicts('ROW EXCLUSIVE', 'ROW EXCLUSIVE')).toBe(false);
  });
});

describe('ALTER TABLE', () => {
  it('takes ACCESS EXCLUSIVE unless the reference page notes otherwise', async () => {
    expect(await locks('ALTER TABLE t ADD COLUMN a int')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE s.t ALTER COLUMN a TYPE bigint')).toEqual({ 's.t': 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t ALTER COLUMN a SET NOT NULL')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t DROP COLUMN a')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i')).toEqual({ t: 'ACCESS EXCLUSIVE' });
  });

  it('ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables', async () => {
    expect(await locks('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID')).toEqual({
      orders: 'SHARE ROW EXCLUSIVE',
      'app.users': 'SHARE ROW EXCLUSIVE',
    });
    expect(await locks('ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users')).toEqual({ orders: 'ACCESS EXCLUSIVE', users: 'SHARE ROW EXCLUSIVE' });
  });

  it('the lighter subcommands, and the strictest of several', async () => {
    expect(await locks('ALTER TABLE t VALIDATE CONSTRAINT c')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t ALTER COLUMN a SET STATISTICS 500')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t ALTER COLUMN a SET (n_distinct = 100)')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01)')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t SET (user_catalog_table = true)')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t CLUSTER ON i')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t DISABLE TRIGGER ALL')).toEqual({ t: 'SHARE ROW EXCLUSIVE' });
    expect(await locks('ALTER TABLE t VALIDATE CONSTRAINT c, ALTER COLUMN a SET DEFAULT 0')).toEqual({ t: 'ACCESS EXCLUSIVE' });
  });

  it('partitions: ATTACH and DETACH [CONCURRENTLY]', async () => {
    expect(await locks('ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)')).toEqual({ p: 'SHARE UPDATE EXCLUSIVE', p1: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE p DETACH PARTITION p1')).toEqual({ p: 'ACCESS EXCLUSIVE', p1: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY')).toEqual({ p: 'SHARE UPDATE EXCLUSIVE', p1: 'SHARE UPDATE EXCLUSIVE' });
  });

  it('renames: tables and columns ACCESS EXCLUSIVE, indexes SHARE UPDATE EXCLUSIVE', async () => {
    expect(await locks('ALTER TABLE t RENAME COLUMN a TO b')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER TABLE t RENAME TO u')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await locks('ALTER INDEX i RENAME TO j')).toEqual({ i: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('ALTER TABLE t SET SCHEMA archive')).toEqual({ t: 'ACCESS EXCLUSIVE' });
  });
});

describe('indexes', () => {
  it('CREATE INDEX takes SHARE; CONCURRENTLY takes SHARE UPDATE EXCLUSIVE', async () => {
    expect(await locks('CREATE INDEX i ON t (a)')).toEqual({ t: 'SHARE' });
    expect(await locks('CREATE UNIQUE INDEX CONCURRENTLY i ON s.t (a)')).toEqual({ 's.t': 'SHARE UPDATE EXCLUSIVE' });
  });

  it("DROP INDEX locks the index's table, found through the catalog", async () => {
    expect(await locks('DROP INDEX s.i, j')).toEqual({ '~s.i': 'ACCESS EXCLUSIVE', '~j': 'ACCESS EXCLUSIVE' });
    expect(await locks('DROP INDEX CONCURRENTLY i')).toEqual({ '~i': 'SHARE UPDATE EXCLUSIVE' });
  });

  it('REINDEX: SHARE on the table; CONCURRENTLY SHARE UPDATE EXCLUSIVE', async () => {
    expect(await locks('REINDEX TABLE t')).toEqual({ t: 'SHARE' });
    expect(await locks('REINDEX INDEX i')).toEqual({ '~i': 'SHARE' });
    expect(await locks('REINDEX INDEX CONCURRENTLY i')).toEqual({ '~i': 'SHARE UPDATE EXCLUSIVE' });
    expect(await notes('REINDEX DATABASE d')).toHaveLength(1);
  });
});

describe('maintenance', () => {
  it('VACUUM, VACUUM FULL, ANALYZE, CLUSTER', async () => {
    expect(await locks('VACUUM t')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('VACUUM (FULL, ANALYZE) a, b (c)')).toEqual({ a: 'ACCESS EXCLUSIVE', b: 'ACCESS EXCLUSIVE' });
    expect(await locks('ANALYZE t')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks('CLUSTER t USING i')).toEqual({ t: 'ACCESS EXCLUSIVE' });
    expect(await notes('VACUUM')).toEqual([expect.stringContaining('every table')]);
  });

  it('REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE; CONCURRENTLY EXCLUSIVE', async () => {
    expect(await locks('REFRESH MATERIALIZED VIEW m')).toEqual({ m: 'ACCESS EXCLUSIVE' });
    expect(await locks('REFRESH MATERIALIZED VIEW CONCURRENTLY m')).toEqual({ m: 'EXCLUSIVE' });
  });

  it('COMMENT ON and CREATE STATISTICS take SHARE UPDATE EXCLUSIVE', async () => {
    expect(await locks("COMMENT ON COLUMN s.t.c IS 'x'")).toEqual({ 's.t': 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks("COMMENT ON TABLE t IS 'x'")).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
    expect(await locks("COMMENT ON FUNCTION f() IS 'x'")).toEqual({});
    expect(await locks('CREATE STATISTICS st ON a, b FROM t')).toEqual({ t: 'SHARE UPDATE EXCLUSIVE' });
  });
});

describe('drops, truncation and explicit locks', () => {
  it('DROP TABLE/VIEW/SEQUENCE and TRUNCATE take ACCESS EXCLUSIVE', async () => {
    expect(await locks('DROP TABLE IF EXISTS a, b.c')).toEqual({ a: 'ACCESS EXCLUSIVE', 'b.c': 'ACCESS EXCLUSIVE' });
    expect(await locks('DROP MATERIALIZED VIEW m')).toEqual({ m: 'ACCESS EXCLUSIVE' });
    expect(await locks('TRUNCATE a, b')).toEqual({ a: 'ACCESS EXCLUSIVE', b: 'ACCESS EXCLUSIVE' });
    expect(await notes('TRUNCATE a CASCADE')).toEqual([expect.stringContaining('foreign key')]);
  });

  it('DROP TRIGGER/POLICY lock their table', async () => {
    expect(await locks('DROP TRIGGER tr ON s.t')).toEqual({ 's.t': 'ACCESS EXCLUSIVE' });
    expect(await locks('DROP POLICY p ON t')).toEqual({ t: 'ACCESS EXCLUSIVE' });
  });

  it('LOCK TABLE takes the mode named, ACCESS EXCLUSIVE by default', async () => {
    expect(await locks('LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE')).toEqual({ a: 'SHARE ROW EXCLUSIVE', b: 'SHARE ROW EXCLUSIVE' });
    expect(await locks('LOCK a')).toEqual({ a: 'ACCESS EXCLUSIVE' });
    expect(await locks('LOCK a IN ACCESS SHARE MODE')).toEqual({ a: 'ACCESS SHARE' });
  });
});

describe('creating objects', () => {
  it('CREATE TRIGGER takes SHARE ROW EXCLUSIVE', async () => {
    expect(await locks('CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()')).toEqual({ t: 'SHARE ROW EXCLUSIVE' });
  });

  it('CREATE TABLE locks referenced tables and parents, not itself', async () => {
    expect(await locks('CREATE TABLE t (id bigint PRIMARY KEY, user_id bigint REFERENCES users, parent bigint REFERENCES t)')).toEqual({ users: 'SHARE ROW EXCLUSIVE' });
    expect(await locks('CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)')).toEqual({ p: 'ACCESS EXCLUSIVE' });
    expect(await locks('CREATE TABLE c () INHERITS (p)')).toEqual({ p: 'SHARE UPDATE EXCLUSIVE' });
  });

  it('CREATE VIEW / CREATE TABLE AS read their sources', async () => {
    expect(await locks('CREATE VIEW v AS SELECT * FROM t JOIN u USING (id)')).toEqual({ t: 'ACCESS SHARE', u: 'ACCESS SHARE' });
    expect(await locks('CREATE OR REPLACE VIEW v AS SELECT * FROM t')).toEqual({ v: 'ACCESS EXCLUSIVE', t: 'ACCESS SHARE' });
    expect(await locks('CREATE MATERIALIZED VIEW m AS SELECT * FROM t WITH NO DATA')).toEqual({ t: 'ACCESS SHARE' });
  });

  it('takes no table lock for types, functions, schemas', async () => {
    expect(await locks("CREATE TYPE e AS ENUM ('a')")).toEqual({});
    expect(await locks("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'")).toEqual({});
    expect(await notes('DO $$ BEGIN PERFORM 1; END $$')).toEqual([expect.stringContaining('DO block')]);
  });
});

describe('queries and data changes', () => {
  it('INSERT/UPDATE/DELETE take ROW EXCLUSIVE on the target and ACCESS SHARE on what they read', async () => {
    expect(await locks('INSERT INTO t (a) SELECT a FROM u')).toEqual({ t: 'ROW EXCLUSIVE', u: 'ACCESS SHARE' });
    expect(await locks('WITH x AS (SELECT 1) UPDATE t SET a = 1 FROM u JOIN x ON true WHERE t.id IN (SELECT id FROM v)')).toEqual({
      t: 'ROW EXCLUSIVE',
      u: 'ACCESS SHARE',
      v: 'ACCESS SHARE',
    });
    expect(await locks('DELETE FROM t USING u WHERE t.id = u.id')).toEqual({ t: 'ROW EXCLUSIVE', u: 'ACCESS SHARE' });
  });

  it('a data-changing WITH query writes its own target', async () => {
    expect(await locks('WITH moved AS (DELETE FROM queue WHERE done RETURNING *) INSERT INTO archive SELECT * FROM moved')).toEqual({
      archive: 'ROW EXCLUSIVE',
      queue: 'ROW EXCLUSIVE',
    });
  });

  it('SELECT takes ACCESS SHARE; FOR UPDATE ROW SHARE', async () => {
    expect(await locks('SELECT * FROM a, b.c')).toEqual({ a: 'ACCESS SHARE', 'b.c': 'ACCESS SHARE' });
    expect(await locks('SELECT * FROM t FOR UPDATE')).toEqual({ t: 'ROW SHARE' });
  });

  it('COPY FROM writes, COPY TO reads', async () => {
    expect(await locks('COPY t FROM STDIN')).toEqual({ t: 'ROW EXCLUSIVE' });
    expect(await locks('COPY t TO STDOUT')).toEqual({ t: 'ACCESS SHARE' });
  });
});
