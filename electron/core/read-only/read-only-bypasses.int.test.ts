import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/rpc/envelope';
import { startHttpHost, type HttpHost } from '../http/server';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { REFUSED_ACTION } from './refusal-audit';

/**
 * Every way out of read-only we know of, thrown over HTTP at a read-only profile whose role is a
 * SUPERUSER (the worst case: the database itself would allow everything). The database must end
 * as it began, and every refusal must be in the audit log.
 */
let db: TestDatabase;
let direct: DirectCore;
let http: HttpHost;
let ro: string;
let bystander: pg.Client;
let bystanderPid: number;
const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'ticketz-ro-')), 'program-ran');

async function rpc(method: string, input: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`${http.origin}/rpc`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${http.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, input }),
  });
  return (await response.json()) as Envelope<unknown>;
}

interface RunValue {
  statements: { sql: string; error: { code: string; message: string; pg?: { sqlstate: string } } | null }[];
  session: { sessionId: string } | null;
}

let runs = 0;
async function run(sql: string, extra: Record<string, unknown> = {}): Promise<RunValue> {
  const envelope = await rpc('query.run', {
    connectionId: ro,
    runId: `ro-run-${++runs}-xxxxxxxx`,
    sql,
    scope: 'all',
    readOnly: false,
    ...extra,
  });
  if (!envelope.ok) throw new Error(`query.run failed: ${envelope.error.message}`);
  return envelope.value as RunValue;
}

/** What must not change: objects, rows, the table's file (VACUUM FULL rewrites it), sequence, settings. */
async function snapshot(): Promise<unknown> {
  const { rows } = await db.pool.query(`
    SELECT (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY 1)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')) AS objects,
           (SELECT array_agg(id || ':' || label ORDER BY id) FROM shop.items) AS item_rows,
           pg_relation_filenode('shop.items') AS items_file,
           pg_relation_filenode('shop.items_pkey') AS index_file,
           (SELECT last_value FROM shop.ticket_no) AS sequence_value,
           (SELECT count(*) FROM pg_largeobject_metadata) AS large_objects,
           (SELECT count(*) FROM pg_proc WHERE proname = 'planted') AS planted,
           (SELECT count(*) FROM pg_prepared_xacts) AS prepared_xacts,
           (SELECT ispopulated FROM pg_matviews WHERE matviewname = 'totals') AS matview_populated`);
  return rows[0];
}

let before: unknown;

beforeAll(async () => {
  db = await createTestDatabase('readonly');
  await db.pool.query(`
    CREATE SCHEMA shop;
    CREATE TABLE shop.items (id int PRIMARY KEY, label text NOT NULL);
    INSERT INTO shop.items SELECT g, 'item ' || g FROM generate_series(1, 50) g;
    CREATE SEQUENCE shop.ticket_no;
    SELECT nextval('shop.ticket_no');
    CREATE MATERIALIZED VIEW shop.totals AS SELECT count(*) AS n FROM shop.items WITH NO DATA;
    -- A function already in the database that tries to switch read-only off from inside a SELECT.
    CREATE FUNCTION shop.loosen() RETURNS text LANGUAGE sql AS $$ SELECT set_config('default_transaction_read_only', 'off', false) $$;
  `);
  const { rows } = await db.pool.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  expect(rows[0]?.superuser).toBe(true); // the worst case, on purpose
  direct = createDirectCore();
  http = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events });
  ro = await direct.addProfile(db, { name: 'support (read-only)', readOnly: true });
  bystander = new pg.Client({ connectionString: db.url });
  await bystander.connect();
  bystanderPid = (await bystander.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  before = await snapshot();
});

afterAll(async () => {
  await bystander?.end().catch(() => undefined);
  await http?.close();
  await direct?.dispose();
  await db?.drop();
  rmSync(path.dirname(marker), { recursive: true, force: true });
});

const editorBypasses: [title: string, sql: string][] = [
  ['SET default_transaction_read_only = off; CREATE TABLE …', 'SET default_transaction_read_only = off; CREATE TABLE shop.x1 (a int)'],
  ['BEGIN READ WRITE; …; COMMIT', 'BEGIN READ WRITE; CREATE TABLE shop.x2 (a int); COMMIT'],
  ['START TRANSACTION READ WRITE', "START TRANSACTION READ WRITE; INSERT INTO shop.items VALUES (999, 'x'); COMMIT"],
  ['SET SESSION CHARACTERISTICS', 'SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; CREATE TABLE shop.x3 (a int)'],
  ['set_config()', "SELECT set_config('default_transaction_read_only','off',false); CREATE TABLE shop.x4 (a int)"],
  ['set_config() in a CTE', "WITH s AS (SELECT set_config('transaction_read_only','off',true)) SELECT * FROM s"],
  ['set_config() with a computed name', "SELECT set_config(lower('DEFAULT_TRANSACTION_READ_ONLY'), 'off', false)"],
  ['SET LOCAL', 'SET LOCAL transaction_read_only = off; DELETE FROM shop.items'],
  ['RESET', 'RESET default_transaction_read_only; DELETE FROM shop.items'],
  ['SET TRANSACTION READ WRITE', 'SET TRANSACTION READ WRITE; DELETE FROM shop.items'],
  ['DO', 'DO $$ BEGIN COMMIT; SET default_transaction_read_only = off; CREATE TABLE shop.x5 (a int); END $$'],
  ['CALL', 'CALL shop.nothing()'],
  ['PREPARE / EXECUTE', 'PREPARE w AS DELETE FROM shop.items; EXECUTE w'],
  ['PREPARE TRANSACTION', "PREPARE TRANSACTION 'ro'"],
  ['SAVEPOINT', 'SAVEPOINT a; DELETE FROM shop.items'],
  ['COPY … TO PROGRAM', `COPY shop.items TO PROGRAM 'touch ${marker}'`],
  ['COPY … FROM PROGRAM', `COPY shop.items FROM PROGRAM 'touch ${marker}'`],
  ['COPY … TO a server file', `COPY shop.items TO '${marker}'`],
  ['lo_import', "SELECT lo_import('/etc/hostname')"],
  ['lo_from_bytea', "SELECT lo_from_bytea(0, 'x')"],
  ['lo_export', `SELECT lo_export(1, '${marker}')`],
  ['pg_read_file', "SELECT pg_read_file('postgresql.conf')"],
  ['dblink', "SELECT * FROM dblink('dbname=postgres', 'CREATE TABLE x6 ()') AS t(a text)"],
  ['query_to_xml running SQL text', "SELECT query_to_xml('SELECT pg_reload_conf()', true, true, '')"],
  ['nextval', "SELECT nextval('shop.ticket_no')"],
  ['pg_terminate_backend', `SELECT pg_terminate_backend(${0})`],
  ['pg_cancel_backend in a subquery', 'SELECT 1 WHERE EXISTS (SELECT pg_cancel_backend(pid) FROM pg_stat_activity)'],
  ['pg_stat_reset', 'SELECT pg_stat_reset()'],
  ['pg_reload_conf', 'SELECT pg_reload_conf()'],
  ['session advisory lock', 'SELECT pg_advisory_lock(42)'],
  ['VACUUM FULL', 'VACUUM FULL shop.items'],
  ['ANALYZE', 'ANALYZE shop.items'],
  ['REINDEX', 'REINDEX TABLE shop.items'],
  ['CLUSTER', 'CLUSTER shop.items USING items_pkey'],
  ['CHECKPOINT', 'CHECKPOINT'],
  ['ALTER SYSTEM', "ALTER SYSTEM SET work_mem = '64MB'"],
  ['REFRESH MATERIALIZED VIEW', 'REFRESH MATERIALIZED VIEW shop.totals'],
  ['EXPLAIN ANALYZE of a side effect', 'EXPLAIN ANALYZE SELECT pg_terminate_backend(1)'],
];

describe('a read-only superuser profile over HTTP', () => {
  it.each(editorBypasses)('the editor refuses %s before sending anything', async (_title, sql) => {
    const result = await run(sql);
    const failed = result.statements.find((s) => s.error);
    expect(failed?.error?.code).toBe('READ_ONLY');
    expect(failed?.error?.message).toMatch(/refused; nothing was run/);
  });

  it('lets PostgreSQL refuse plain writes inside the READ ONLY transaction (25006), audited too', async () => {
    for (const sql of [
      'CREATE TABLE shop.x7 (a int)',
      "INSERT INTO shop.items VALUES (1000, 'x')",
      'DELETE FROM shop.items',
      'DROP TABLE shop.items',
      'SELECT * FROM shop.items FOR UPDATE',
      "SELECT setval('shop.ticket_no', 1) FROM shop.nothing",
    ]) {
      const result = await run(sql);
      const error = result.statements.find((s) => s.error)?.error;
      expect(error, sql).toBeTruthy();
      if (error?.pg) expect(['25006', '42P01']).toContain(error.pg.sqlstate);
    }
  });

  it('ends each run with a rollback, so a function in the database cannot switch read-only off for the next run', async () => {
    const loosened = await run('SELECT shop.loosen()');
    expect(loosened.statements[0]?.error).toBeNull();
    const next = await run('CREATE TABLE shop.x8 (a int)');
    expect(next.statements[0]?.error?.pg?.sqlstate).toBe('25006');
    const shown = await run('SHOW default_transaction_read_only');
    expect(shown.statements[0]?.error).toBeNull();
  });

  it('runs read-only even when the request asks for read-write, and the SELECTs still work', async () => {
    const result = await run("SELECT count(*) FROM shop.items; SELECT current_setting('transaction_read_only') AS ro", { readOnly: false });
    expect(result.statements.map((s) => s.error)).toEqual([null, null]);
    const last = result.statements[1] as unknown as { result: { rows: string[][] } };
    expect(last.result.rows).toEqual([['on']]);
  });

  it('Manual mode opens only READ ONLY transactions and refuses to commit one that wrote, rolling it back', async () => {
    const opened = await rpc('query.openSession', { connectionId: ro });
    expect(opened.ok).toBe(true);
    const sessionId = (opened as { value: { sessionId: string } }).value.sessionId;
    const escape = await run('SET TRANSACTION READ WRITE; CREATE TABLE shop.x9 (a int)', { sessionId });
    expect(escape.statements[0]?.error?.code).toBe('READ_ONLY');
    // pg_current_xact_id() assigns a transaction id: the transaction now counts as having written.
    const wrote = await run("SELECT pg_current_xact_id(), current_setting('transaction_read_only')", { sessionId });
    expect(wrote.statements[0]?.error).toBeNull();
    const commit = await rpc('query.commit', { connectionId: ro, sessionId });
    expect(commit).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringContaining('rolled back') } });
    const state = await rpc('query.sessionState', { connectionId: ro, sessionId });
    expect(state).toMatchObject({ ok: true, value: { status: 'idle' } });
    await rpc('query.closeSession', { connectionId: ro, sessionId });
  });

  it.each<[string, Record<string, unknown>]>([
    ['maintenance.vacuum', { schema: 'shop', name: 'items', full: true }],
    ['maintenance.analyze', { schema: 'shop', name: 'items' }],
    ['maintenance.reindex', { schema: 'shop', name: 'items', target: 'table', concurrently: false }],
    ['matviews.refresh', { schema: 'shop', name: 'totals', mode: 'plain' }],
    ['matviews.refreshAll', {}],
    ['insights.signalSession', { pid: 1, action: 'terminate' }],
    ['insights.resetStatements', {}],
    ['insights.createExtension', { extension: 'pgstattuple' }],
    ['migrations.apply', { dir: '/nonexistent' }],
    ['migrations.rollback', { dir: '/nonexistent' }],
    ['migrations.dryRun', {}],
    ['migrations.verify', {}],
    ['tickets.validate', { eventId: '00000000-0000-4000-8000-000000000000', qrHash: 'x', gate: 'A', staff: 'me' }],
  ])('the dispatcher refuses %s with READ_ONLY', async (method, input) => {
    const envelope = await rpc(method, { connectionId: ro, ...input });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringContaining(method) } });
  });

  it('terminates nobody through the Activity page', async () => {
    const envelope = await rpc('insights.signalSession', { connectionId: ro, pid: bystanderPid, action: 'terminate' });
    expect(envelope.ok).toBe(false);
    expect((await bystander.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
  });

  it('checks EXPLAIN ANALYZE and exports like the editor', async () => {
    const explained = await rpc('insights.explain', {
      connectionId: ro,
      sql: `SELECT pg_terminate_backend(${bystanderPid})`,
      analyze: true,
    });
    expect(explained).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const exported = await rpc('query.export', {
      connectionId: ro,
      sql: "SELECT set_config('default_transaction_read_only','off',false)",
      format: 'csv',
    });
    expect(exported).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const plain = await rpc('insights.explain', { connectionId: ro, sql: 'DELETE FROM shop.items', analyze: true });
    expect(plain.ok).toBe(false); // the READ ONLY transaction refuses the DELETE
    expect((await bystander.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
  });

  it('left the database exactly as it was, ran no program, and audited every refusal', async () => {
    expect(await snapshot()).toEqual(before);
    expect(existsSync(marker)).toBe(false);
    expect((await bystander.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
    const listed = await rpc('audit.list', { connectionId: ro, action: REFUSED_ACTION, limit: 1000 });
    expect(listed.ok).toBe(true);
    const entries = (listed as { value: { entries: { target: string; outcome: string; storage: string }[] } }).value.entries;
    expect(entries.every((e) => e.outcome === 'failed' && e.storage === 'local')).toBe(true);
    const targets = new Set(entries.map((e) => e.target));
    for (const expected of [
      'SET default_transaction_read_only',
      'BEGIN',
      'START TRANSACTION',
      'SET SESSION CHARACTERISTICS',
      "set_config('default_transaction_read_only')",
      'DO',
      'CALL',
      'COPY … TO PROGRAM',
      'lo_import()',
      'dblink()',
      'VACUUM/ANALYZE',
      'REINDEX',
      'COMMIT',
      'maintenance.vacuum',
      'insights.signalSession',
      'migrations.apply',
      'tickets.validate',
      'pg_terminate_backend()',
    ])
      expect(targets, expected).toContain(expected);
    // one entry per refused editor run, per refused method, and the PostgreSQL refusals
    expect(entries.length).toBeGreaterThanOrEqual(editorBypasses.length + 13);
  });
});
