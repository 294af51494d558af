import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../shared/contract';
import { useCoreFixture } from '../testing/core-fixture';
import { SHOP_FIXTURE } from '../testing/shop-fixture';

const env = useCoreFixture('query');
let runs = 0;

beforeAll(async () => {
  await env.db.pool.query(SHOP_FIXTURE);
});

type RunInput = Partial<Parameters<typeof env.call<'query.run'>>[1]>;
const run = (sql: string, extra: RunInput = {}): Promise<OutputOf<'query.run'>> =>
  env.call('query.run', { connectionId: env.id, runId: `run-${++runs}-${Date.now()}`, sql, scope: 'all', ...extra });

/** Backends of this database other than the one asking. */
async function backends(): Promise<number> {
  const { rows } = await env.db.pool.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ticketz-console'",
  );
  return rows[0].n;
}

describe('query.run', () => {
  it('streams a large result: first page now, the rest by fetchMore, then the session goes back', async () => {
    const result = await run("SELECT g AS n, repeat('x', 3) AS s FROM generate_series(1, 2500) AS g", { pageSize: 1000 });
    const [statement] = result.statements;
    expect(statement?.result?.columns).toEqual([
      { name: 'n', type: 'integer' },
      { name: 's', type: 'text' },
    ]);
    expect(statement?.result?.rows).toHaveLength(1000);
    expect(statement?.result?.rows[0]).toEqual(['1', 'xxx']);
    expect(statement?.result?.hasMore).toBe(true);
    const resultSetId = statement!.result!.id!;
    const second = await env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 1000 });
    expect(second).toMatchObject({ hasMore: true });
    expect(second.rows[0]).toEqual(['1001', 'xxx']);
    const third = await env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 1000 });
    expect(third.rows).toHaveLength(500);
    expect(third.hasMore).toBe(false);
    await expect(env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('serves concurrent fetches of one result set one after another, without losing or repeating rows', async () => {
    const result = await run('SELECT g FROM generate_series(1, 1000) g', { pageSize: 100 });
    const resultSetId = result.statements[0]!.result!.id!;
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => env.call('query.fetchMore', { connectionId: env.id, resultSetId, count: 100 })),
    );
    const values = pages.flatMap((p) => p.rows.map((r) => Number(r[0])));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 900 }, (_, i) => i + 101));
    // The cursor learns it is exhausted on the read after the 1,000th row.
    expect(pages.map((p) => p.hasMore)).toEqual([...Array(9).fill(true), false]);
  });

  it('runs several statements in order with one result set each; earlier ones keep their first page', async () => {
    const sql =
      'CREATE TEMP TABLE t AS SELECT g FROM generate_series(1, 30) g;\nSELECT count(*) FROM t;\nSELECT g FROM t ORDER BY g;\nUPDATE t SET g = g + 1 WHERE g < 5';
    const result = await run(sql, { pageSize: 10 });
    expect(result.statements.map((s) => [s.command, s.rowsAffected])).toEqual([
      ['SELECT', 30],
      ['SELECT', 1],
      ['SELECT', null],
      ['UPDATE', 4],
    ]);
    const [, count, many] = result.statements;
    expect(count?.result?.rows).toEqual([['30']]);
    expect(many?.result).toMatchObject({ hasMore: false, truncated: true, id: null });
    expect(many?.result?.rows).toHaveLength(10);
    expect(sql.slice(many!.start, many!.end)).toBe('SELECT g FROM t ORDER BY g');
  });

  it('runs only the statement at the cursor, or only the selection', async () => {
    const sql = 'SELECT 1 AS a;\nSELECT 2 AS b;\nSELECT 3 AS c;';
    const atCursor = await run(sql, { scope: 'cursor', cursor: sql.indexOf('2') });
    expect(atCursor.statements.map((s) => s.result?.columns[0]?.name)).toEqual(['b']);
    const selected = await run(sql, { scope: 'selection', selection: [sql.indexOf('SELECT 2'), sql.length] });
    expect(selected.statements.map((s) => s.result?.rows[0]?.[0])).toEqual(['2', '3']);
    expect(selected.statements[0]?.start).toBe(sql.indexOf('SELECT 2'));
  });

  it('reports an error with its position mapped into the editor text, and stops there', async () => {
    const sql = "SELECT 1;\n-- comment\nSELECT '🎟' AS ticket, nope FROM shop.orders;\nSELECT 3";
    const result = await run(sql);
    expect(result.statements).toHaveLength(2);
    expect(result.skipped).toBe(1);
    const failed = result.statements[1]!;
    expect(failed.error?.pg?.sqlstate).toBe('42703');
    expect(failed.error?.message).toMatch(/column .* does not exist/i);
    expect(sql.slice(failed.error!.textIndex!, failed.error!.textIndex! + 4)).toBe('nope');
  });

  it('reports a syntax error from the parser with its position, running nothing', async () => {
    const sql = 'SELECT 1;\nSELEC 2;';
    const result = await run(sql);
    expect(result.statements).toHaveLength(1);
    expect(result.statements[0]?.error?.message).toMatch(/could not be parsed/);
    expect(sql.slice(result.statements[0]!.error!.textIndex!)).toMatch(/^SELEC/);
  });

  it('read-only mode refuses changes and BEGIN/COMMIT in the script', async () => {
    const refused = await run("INSERT INTO shop.heap_log VALUES ('x', 1)", { readOnly: true });
    expect(refused.statements[0]?.error?.code).toBe('READ_ONLY');
    const tx = await run('BEGIN; SELECT 1; COMMIT', { readOnly: true });
    expect(tx.statements[0]?.error?.message).toMatch(/BEGIN refused; nothing was run/);
    const { rows } = await env.db.pool.query("SELECT count(*)::int AS n FROM shop.heap_log WHERE msg = 'x'");
    expect(rows[0].n).toBe(0);
  });

  it('applies the statement timeout', async () => {
    const result = await run('SELECT pg_sleep(2)', { statementTimeoutMs: 100 });
    expect(result.statements[0]?.error?.code).toBe('CANCELLED');
    expect(result.statements[0]?.error?.message).toMatch(/statement timeout/);
  });

  it('cancels a running statement from another session and records it in history', async () => {
    const runId = `cancel-${Date.now()}`;
    const running = env.call('query.run', { connectionId: env.id, runId, sql: 'SELECT pg_sleep(30); SELECT 2', scope: 'all' });
    // Wait until the statement is really running on the server, then cancel it.
    for (let i = 0; i < 100; i++) {
      const { rows } = await env.db.pool.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'",
      );
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await env.call('query.cancel', { connectionId: env.id, runId })).toEqual({ cancelled: true });
    const result = await running;
    expect(result.statements[0]?.error?.code).toBe('CANCELLED');
    expect(result.skipped).toBe(1);
    const { entries } = await env.call('query.history', { connectionId: env.id, search: 'pg_sleep(30)' });
    expect(entries[0]).toMatchObject({ outcome: 'cancelled' });
  });

  it('a cancel that arrives before its run starts still stops it', async () => {
    const runId = `early-${Date.now()}`;
    expect(await env.call('query.cancel', { connectionId: env.id, runId })).toEqual({ cancelled: false });
    const result = await env.call('query.run', { connectionId: env.id, runId, sql: 'SELECT 1', scope: 'all' });
    expect(result.statements).toEqual([]);
    expect(result.skipped).toBe(1);
  });

  it('gives sessions back reset: a transaction left open is rolled back and settings do not leak', async () => {
    const open = await run("BEGIN; INSERT INTO shop.heap_log VALUES ('left open', 1)");
    expect(open.warning).toMatch(/left a transaction open/);
    const { rows } = await env.db.pool.query("SELECT count(*)::int AS n FROM shop.heap_log WHERE msg = 'left open'");
    expect(rows[0].n).toBe(0);
    // Every pooled session must come back without the SET, whichever one the next run gets.
    await Promise.all(Array.from({ length: 5 }, () => run("SET search_path = nowhere; SET application_name = 'leaked'")));
    const checks = await Promise.all(Array.from({ length: 5 }, () => run('SHOW search_path')));
    expect(checks.map((c) => c.statements[0]?.result?.rows[0]?.[0])).toEqual(Array(5).fill('"$user", public'));
  });

  it('keeps at most two result sets open per connection, closing the oldest', async () => {
    const before = await backends();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await run('SELECT g FROM generate_series(1, 100) g', { pageSize: 10 });
      ids.push(r.statements[0]!.result!.id!);
    }
    await expect(env.call('query.fetchMore', { connectionId: env.id, resultSetId: ids[0]!, count: 5 })).rejects.toThrow(/closed/);
    expect((await env.call('query.fetchMore', { connectionId: env.id, resultSetId: ids[2]!, count: 5 })).rows[0]).toEqual(['11']);
    expect(await env.call('query.close', { connectionId: env.id, resultSetId: ids[1]! })).toEqual({ closed: true });
    expect(await env.call('query.close', { connectionId: env.id, resultSetId: ids[2]! })).toEqual({ closed: true });
    expect(await backends()).toBeLessThanOrEqual(Math.max(before, 5));
  });

  it('refuses COPY to the client with a way out', async () => {
    const result = await run('COPY shop.heap_log TO STDOUT');
    expect(result.statements[0]?.error?.message).toMatch(/COPY to or from the client/);
  });

  it('keeps searchable history per connection', async () => {
    await run('SELECT 42 AS the_answer');
    const { entries } = await env.call('query.history', { connectionId: env.id, search: 'the_answer' });
    expect(entries[0]).toMatchObject({ sql: 'SELECT 42 AS the_answer', outcome: 'succeeded', statements: 1, rows: 1 });
    const all = await env.call('query.history', { connectionId: env.id, limit: 3 });
    expect(all.entries).toHaveLength(3);
  });

  it('exports one statement to a file, in a read-only transaction', async () => {
    const csv = await env.call('query.export', {
      connectionId: env.id,
      sql: 'SELECT g, g * 2 AS g FROM generate_series(1, 3) g',
      format: 'json',
    });
    expect(JSON.parse(readFileSync(csv.path, 'utf8'))).toEqual([
      { g: '1', g_2: '2' },
      { g: '2', g_2: '4' },
      { g: '3', g_2: '6' },
    ]);
    await expect(
      env.call('query.export', { connectionId: env.id, sql: "INSERT INTO shop.heap_log VALUES ('e', 1) RETURNING *", format: 'csv' }),
    ).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    await expect(env.call('query.export', { connectionId: env.id, sql: 'SELECT 1; SELECT 2', format: 'csv' })).rejects.toThrow(
      /exactly one statement/,
    );
  });
});

describe('query.completions', () => {
  it('loads schemas, relations of a schema or the search_path, columns and functions', async () => {
    const call = (input: Omit<Parameters<typeof env.call<'query.completions'>>[1], 'connectionId'>) =>
      env.call('query.completions', { connectionId: env.id, ...input }).then((r) => r.items);
    expect((await call({ kind: 'schemas', prefix: 'sh' })).map((i) => i.name)).toEqual(['shop']);
    const relations = await call({ kind: 'relations', schema: 'shop', prefix: 'ord' });
    expect(relations.map((i) => [i.name, i.kind])).toEqual([
      ['order_lines', 'table'],
      ['orders', 'table'],
    ]);
    expect((await call({ kind: 'relations', schema: 'shop', prefix: 'events' })).map((i) => i.name)).toEqual(['events']);
    expect((await call({ kind: 'relations', prefix: 'pg_clas' })).map((i) => i.name)).toContain('pg_class');
    const columns = await call({ kind: 'columns', schema: 'shop', relation: 'orders', prefix: '' });
    expect(columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'state', 'total', 'note', 'total_cents']);
    expect(columns[2]).toEqual({ name: 'state', kind: 'column', detail: 'shop.order_state' });
    const fns = await call({ kind: 'functions', schema: 'shop', prefix: 'order' });
    expect(fns.map((f) => f.detail)).toEqual(['(p_order bigint) → numeric', '(p_order bigint, p_tax numeric) → numeric']);
  });
});
