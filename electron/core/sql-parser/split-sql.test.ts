import { describe, expect, it } from 'vitest';
import { splitSql, SqlParseError, statementAt } from './index';

describe('splitSql', () => {
  it('keeps semicolons inside strings, dollar quotes, DO blocks and function bodies', async () => {
    const sql = [
      "SELECT 'a;b' AS x;",
      "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$;",
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN PERFORM 1; RETURN 2; END $body$;',
      '/* block; comment */ SELECT 1 -- trailing; comment',
    ].join('\n');
    const statements = await splitSql(sql);
    expect(statements.map((s) => s.kind)).toEqual(['SelectStmt', 'DoStmt', 'CreateFunctionStmt', 'SelectStmt']);
    expect(statements[0]!.text).toBe("SELECT 'a;b' AS x");
    expect(statements[1]!.text).toBe("DO $$ BEGIN RAISE NOTICE 'x;y'; END $$");
    expect(statements[2]!.text).toContain('PERFORM 1; RETURN 2;');
    expect(statements[3]!.line).toBe(4);
  });

  it('reports offsets as string indexes even after multi-byte characters', async () => {
    const sql = "SELECT 'ünïcødé 🎟️';\nSELECT 2;";
    const [first, second] = await splitSql(sql);
    expect(sql.slice(first!.start, first!.end)).toBe("SELECT 'ünïcødé 🎟️'");
    expect(sql.slice(second!.start, second!.end)).toBe('SELECT 2');
    expect(second).toMatchObject({ line: 2, column: 1 });
  });

  it('marks statements that cannot run inside a transaction block', async () => {
    const statements = await splitSql(
      [
        'CREATE INDEX CONCURRENTLY i1 ON t (a);',
        'CREATE INDEX i2 ON t (a);',
        'DROP INDEX CONCURRENTLY i1;',
        'REINDEX INDEX CONCURRENTLY i2;',
        'VACUUM t;',
        'ANALYZE t;',
        "ALTER SYSTEM SET work_mem = '8MB';",
        'ALTER TABLE p DETACH PARTITION c CONCURRENTLY;',
        'BEGIN;',
      ].join('\n'),
    );
    expect(statements.map((s) => Boolean(s.nonTransactional))).toEqual([true, false, true, true, true, false, true, true, false]);
    expect(statements[8]!.transactionControl).toBe(true);
  });

  it('carries COPY … FROM stdin data blocks with their statement', async () => {
    const sql = 'CREATE TABLE t (a int, b text);\nCOPY t (a, b) FROM stdin;\n1\tx;y\n2\tz\n\\.\nSELECT count(*) FROM t;\n';
    const statements = await splitSql(sql);
    expect(statements.map((s) => s.kind)).toEqual(['CreateStmt', 'CopyStmt', 'SelectStmt']);
    expect(statements[1]!.copyData).toBe('1\tx;y\n2\tz\n');
    expect(statements[2]!.line).toBe(6);
  });

  it('is not fooled by "from stdin" in a comment or string before a real COPY block', async () => {
    const sql = [
      '-- loads rows with COPY … FROM stdin below;',
      "SELECT 'copy x from stdin;';",
      'CREATE TABLE t (a int);',
      'COPY t (a) FROM stdin;',
      '1',
      '\\.',
      'SELECT 2;',
    ].join('\n');
    const statements = await splitSql(sql);
    expect(statements.map((s) => s.kind)).toEqual(['SelectStmt', 'CreateStmt', 'CopyStmt', 'SelectStmt']);
    expect(statements[2]!.copyData).toBe('1\n');
    expect(statements[3]).toMatchObject({ text: 'SELECT 2', line: 7 });
  });

  it('throws the position of a syntax error', async () => {
    const error = await splitSql('SELECT 1;\nSELEC 2;').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlParseError);
    expect(error).toMatchObject({ line: 2, column: 1 });
  });

  it('finds the statement at a cursor', async () => {
    const sql = 'SELECT 1;\nSELECT 2;  \nSELECT 3;';
    const statements = await splitSql(sql);
    expect(statementAt(statements, sql.indexOf('2'))?.text).toBe('SELECT 2');
    expect(statementAt(statements, sql.indexOf('2;') + 3)?.text).toBe('SELECT 2');
  });
});
