import { describe, expect, it } from 'vitest';
import { splitSql } from '../sql-parser';
import { guardScript, guardStatement, type GuardPolicy } from './statement-guard';

const readOnly: GuardPolicy = { readOnly: true, serverFiles: false };
const writable: GuardPolicy = { readOnly: false, serverFiles: false };

async function verdict(sql: string, policy: GuardPolicy) {
  const [statement] = await splitSql(sql);
  return guardStatement(statement!, policy);
}

describe('statement guard on a read-only run', () => {
  it.each([
    ['BEGIN READ WRITE', 'BEGIN'],
    ['START TRANSACTION READ WRITE', 'START TRANSACTION'],
    ['COMMIT', 'COMMIT'],
    ['ROLLBACK', 'ROLLBACK'],
    ['SAVEPOINT a', 'SAVEPOINT'],
    ["PREPARE TRANSACTION 'x'", 'PREPARE TRANSACTION'],
    ['SET default_transaction_read_only = off', 'SET default_transaction_read_only'],
    ['SET LOCAL transaction_read_only = off', 'SET LOCAL transaction_read_only'],
    ['SET "Default_Transaction_Read_Only" TO DEFAULT', 'SET default_transaction_read_only'],
    ['RESET transaction_read_only', 'RESET transaction_read_only'],
    ['RESET ALL', 'RESET ALL'],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', 'SET SESSION CHARACTERISTICS'],
    ['SET TRANSACTION READ WRITE', 'SET TRANSACTION READ WRITE'],
    ["SELECT set_config('default_transaction_read_only', 'off', false)", "set_config('default_transaction_read_only')"],
    [
      "WITH x AS (SELECT pg_catalog.set_config('TRANSACTION_READ_ONLY', 'off', true)) SELECT * FROM x",
      "set_config('transaction_read_only')",
    ],
    ["SELECT 1 WHERE EXISTS (SELECT set_config(lower('X'), 'off', false))", 'set_config(…)'],
    ["SELECT length(set_config('default_transaction_read_only', 'off', false))", "set_config('default_transaction_read_only')"],
    ['DO $$ BEGIN PERFORM 1; END $$', 'DO'],
    ['CALL p()', 'CALL'],
    ['PREPARE q AS SELECT 1', 'PREPARE'],
    ['EXECUTE q', 'EXECUTE'],
    ["COPY t TO PROGRAM 'id'", 'COPY … TO PROGRAM'],
    ["COPY t FROM PROGRAM 'id'", 'COPY … FROM PROGRAM'],
    ["COPY t TO '/tmp/out.csv'", "COPY … TO '/tmp/out.csv'"],
    ['COPY (SELECT pg_terminate_backend(1)) TO STDOUT', 'pg_terminate_backend()'],
    ["SELECT lo_export(1234, '/tmp/x')", 'lo_export()'],
    ["SELECT lo_import('/etc/passwd')", 'lo_import()'],
    ['SELECT lo_unlink(1234)', 'lo_unlink()'],
    ["SELECT lo_put(1234, 0, 'x')", 'lo_put()'],
    ["SELECT pg_file_write('x', 'y', false)", 'pg_file_write()'],
    ["SELECT * FROM dblink('dbname=x', 'CREATE TABLE t()') AS t(a text)", 'dblink()'],
    ["SELECT query_to_xml('SELECT pg_reload_conf()', true, true, '')", 'query_to_xml()'],
    ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', 'pg_terminate_backend()'],
    ['SELECT pg_cancel_backend(42)', 'pg_cancel_backend()'],
    ['SELECT pg_reload_conf()', 'pg_reload_conf()'],
    ['SELECT pg_stat_reset()', 'pg_stat_reset()'],
    ['SELECT pg_stat_statements_reset()', 'pg_stat_statements_reset()'],
    ['SELECT pg_advisory_lock(1)', 'pg_advisory_lock()'],
    ["SELECT nextval('s')", 'nextval()'],
    ["SELECT setval('s', 1)", 'setval()'],
    ['VACUUM FULL t', 'VACUUM/ANALYZE'],
    ['ANALYZE t', 'VACUUM/ANALYZE'],
    ['REINDEX TABLE t', 'REINDEX'],
    ['CLUSTER t USING i', 'CLUSTER'],
    ['CHECKPOINT', 'CHECKPOINT'],
    ["ALTER SYSTEM SET work_mem = '1MB'", 'ALTER SYSTEM'],
    ["LOAD 'auto_explain'", 'LOAD'],
    ['REFRESH MATERIALIZED VIEW m', 'REFRESH MATERIALIZED VIEW'],
    ['EXPLAIN ANALYZE SELECT pg_terminate_backend(1)', 'pg_terminate_backend()'],
  ])('refuses %s', async (sql, target) => {
    const refused = await verdict(sql, readOnly);
    expect(refused?.target).toBe(target);
    expect(refused?.reason.length).toBeGreaterThan(20);
  });

  it.each([
    'SELECT * FROM t',
    "SELECT set_config('search_path', 'public', false)",
    'SET search_path = public',
    'SET statement_timeout = 1000',
    'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE',
    'SET TRANSACTION READ ONLY',
    'SHOW transaction_read_only',
    'EXPLAIN SELECT 1',
    'LISTEN x',
    "NOTIFY x, 'y'",
    'SELECT pg_advisory_xact_lock(1)',
    "SELECT current_setting('default_transaction_read_only')",
    'UPDATE t SET a = 1',
  ])('lets %s through (the READ ONLY transaction or nothing at all stops it)', async (sql) => {
    expect(await verdict(sql, readOnly)).toBeUndefined();
  });
});

describe('statement guard on a writable run', () => {
  it.each([
    ["COPY t TO PROGRAM 'id'", 'COPY … TO PROGRAM'],
    ["COPY t FROM '/etc/passwd'", "COPY … FROM '/etc/passwd'"],
    ["SELECT pg_read_file('/etc/passwd')", 'pg_read_file()'],
    ["SELECT lo_import('/etc/passwd')", 'lo_import()'],
    ["SELECT * FROM pg_ls_dir('.')", 'pg_ls_dir()'],
  ])('refuses server-side programs and files unless the profile allows them: %s', async (sql, target) => {
    expect((await verdict(sql, writable))?.target).toBe(target);
    expect(await verdict(sql, { readOnly: false, serverFiles: true })).toBeUndefined();
  });

  it('still refuses programs and file writes on a read-only profile that allows server files', async () => {
    const policy = { readOnly: true, serverFiles: true };
    expect((await verdict("COPY t TO PROGRAM 'id'", policy))?.target).toBe('COPY … TO PROGRAM');
    expect((await verdict("COPY t TO '/tmp/x'", policy))?.target).toBe("COPY … TO '/tmp/x'");
    expect((await verdict("SELECT lo_export(1, '/tmp/x')", policy))?.target).toBe('lo_export()');
    expect(await verdict("SELECT pg_read_file('postgresql.conf')", policy)).toBeUndefined();
  });

  it.each(['BEGIN', 'SET default_transaction_read_only = off', 'DO $$ BEGIN END $$', 'SELECT pg_terminate_backend(1)', 'VACUUM t'])(
    'leaves %s to the user',
    async (sql) => {
      expect(await verdict(sql, writable)).toBeUndefined();
    },
  );
});

describe('guardScript', () => {
  it('names the first refused statement of a script, before any is sent', async () => {
    const statements = await splitSql('SELECT 1; SET default_transaction_read_only = off; CREATE TABLE x(); COMMIT');
    expect(guardScript(statements, readOnly)).toMatchObject({ index: 1, refusal: { target: 'SET default_transaction_read_only' } });
    expect(guardScript(statements.slice(0, 1), readOnly)).toBeUndefined();
  });
});
