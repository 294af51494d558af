import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';
import { type DirectCore } from '../testing/direct-core';
import { SHOP_FIXTURE } from '../testing/shop-fixture';

const env = useCoreFixture('tdata');

beforeAll(async () => {
  await env.db.pool.query(SHOP_FIXTURE);
});

describe('table data', () => {
  const page = (input: Partial<Parameters<DirectCore['call']>[1]> & Record<string, unknown>) =>
    env.call('schema.tableData', { connectionId: env.id, schema: 'shop', name: 'orders', ...input } as never) as Promise<{
      rows: (string | null)[][];
      next: string | null;
      strategy: string;
      strategyNote: string | null;
      columns: { name: string }[];
    }>;

  async function all(input: Record<string, unknown>, limit: number) {
    const rows: (string | null)[][] = [];
    let after: string | undefined;
    let strategy = '';
    for (let i = 0; i < 1000; i++) {
      const p = await page({ ...input, limit, ...(after ? { after } : {}) });
      strategy = p.strategy;
      rows.push(...p.rows);
      if (!p.next) break;
      after = p.next;
    }
    return { rows, strategy };
  }

  it('pages by keyset on the primary key and returns every row once, as text', async () => {
    const first = await page({ limit: 50 });
    expect(first.strategy).toBe('keyset');
    expect(first.strategyNote).toBeNull();
    expect(first.rows[0]?.slice(0, 4)).toEqual(['1', '2', 'paid', '1.50']);
    const { rows } = await all({}, 50);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 237 }, (_, i) => i + 1));
  });

  it('pages a sort on a nullable column with NULLs last and the key as tie-breaker', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const { rows, strategy } = await all({ sort: { column: 'note', direction } }, 17);
      expect(strategy).toBe('keyset');
      expect(rows).toHaveLength(237);
      expect(new Set(rows.map((r) => r[0])).size).toBe(237);
      const { rows: expected } = await env.db.pool.query({
        text: `SELECT id::text FROM shop.orders ORDER BY note ${direction} NULLS LAST, orders.id`,
        rowMode: 'array',
      });
      expect(rows.map((r) => r[0])).toEqual(expected.map((r: string[]) => r[0]));
    }
  });

  it('filters with bound values and allowlisted operators, combined with AND or OR', async () => {
    const paidBig = await all(
      {
        filters: [
          { column: 'state', op: '=', value: 'paid' },
          { column: 'total', op: '>', value: '300' },
        ],
      },
      100,
    );
    const { rows: expected } = await env.db.pool.query("SELECT count(*)::int AS n FROM shop.orders WHERE state = 'paid' AND total > 300");
    expect(paidBig.rows).toHaveLength(expected[0].n);
    const either = await all(
      {
        filters: [
          { column: 'id', op: '=', value: '1' },
          { column: 'id', op: 'in', value: '5, 7' },
        ],
        combine: 'or',
      },
      100,
    );
    expect(either.rows.map((r) => r[0])).toEqual(['1', '5', '7']);
    const noNote = await all({ filters: [{ column: 'note', op: 'is null' }] }, 100);
    expect(noNote.rows.every((r) => r[4] === null)).toBe(true);
    const contains = await all({ filters: [{ column: 'note', op: 'contains', value: 'te 3' }] }, 100);
    expect(contains.rows.length).toBeGreaterThan(0);
    expect(contains.rows.every((r) => r[4] === 'note 3')).toBe(true);
    const injected = await page({ filters: [{ column: 'note', op: '=', value: "x' OR '1'='1" }] });
    expect(injected.rows).toEqual([]);
  });

  it('refuses unknown columns', async () => {
    await expect(page({ filters: [{ column: 'id; DROP TABLE x', op: '=', value: '1' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(page({ sort: { column: 'nope', direction: 'asc' } })).rejects.toThrow(/has no column "nope"/);
  });

  it('falls back to ctid paging without a primary key, and to OFFSET when sorted, and says so', async () => {
    const ctid = await all({ name: 'heap_log' }, 40);
    expect(ctid.strategy).toBe('ctid');
    expect(ctid.rows).toHaveLength(123);
    expect(ctid.rows[0]).toEqual(['line 1', '1']);
    const sorted = await all({ name: 'heap_log', sort: { column: 'n', direction: 'desc' } }, 40);
    expect(sorted.strategy).toBe('offset');
    expect(sorted.rows.map((r) => r[1])).toEqual(Array.from({ length: 123 }, (_, i) => String(123 - i)));
    const note = await page({ name: 'heap_log', sort: { column: 'n', direction: 'desc' } });
    expect(note.strategyNote).toMatch(/OFFSET/);
  });

  it('pages a partitioned table by its key and a view by offset', async () => {
    const events = await all({ name: 'events' }, 150);
    expect(events.strategy).toBe('keyset');
    expect(events.rows).toHaveLength(400);
    const view = await all({ name: 'paid_orders' }, 30);
    expect(view.strategy).toBe('offset');
    expect(view.rows).toHaveLength(79);
  });

  it('renders types as Postgres prints them: bytea hex, json text, big numbers intact', async () => {
    await env.db.pool.query(
      "CREATE TABLE shop.kinds (id int PRIMARY KEY, b bytea, j jsonb, big numeric, t timestamptz); INSERT INTO shop.kinds VALUES (1, '\\xdeadbeef', '{\"a\": [1, 2]}', 12345678901234567890.123, '2026-01-02 03:04:05+00')",
    );
    const p = await page({ name: 'kinds' });
    expect(p.rows[0]?.slice(0, 4)).toEqual(['1', '\\xdeadbeef', '{"a": [1, 2]}', '12345678901234567890.123']);
  });

  it('says a never-analyzed table’s row count is unknown instead of the planner’s size-based guess', async () => {
    await env.db.pool.query(
      'CREATE TABLE shop.fresh (id int, note text); INSERT INTO shop.fresh VALUES (1, $$a$$), (2, $$b$$), (3, $$c$$)',
    );
    const before = await env.call('schema.countRows', { connectionId: env.id, schema: 'shop', name: 'fresh' });
    expect(before).toEqual({ count: null, exact: false });
    // the table page header reads the same statistic
    const page = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'fresh' });
    expect(page.storage.estimatedRows).toBeNull();
    await env.db.pool.query('ANALYZE shop.fresh');
    expect(await env.call('schema.countRows', { connectionId: env.id, schema: 'shop', name: 'fresh' })).toEqual({
      count: '3',
      exact: false,
    });
    expect((await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'fresh' })).storage.estimatedRows).toBe(3);
    expect(await env.call('schema.countRows', { connectionId: env.id, schema: 'shop', name: 'fresh', exact: true })).toEqual({
      count: '3',
      exact: true,
    });
  });

  it('counts by estimate or exactly under the filter', async () => {
    const estimate = await env.call('schema.countRows', { connectionId: env.id, schema: 'shop', name: 'orders' });
    expect(estimate).toEqual({ count: '237', exact: false });
    const exact = await env.call('schema.countRows', {
      connectionId: env.id,
      schema: 'shop',
      name: 'orders',
      exact: true,
      filters: [{ column: 'state', op: '=', value: 'new' }],
    });
    expect(exact).toEqual({ count: '79', exact: true });
    // The estimate under a filter is EXPLAIN's row count, with the filter's value bound.
    const filtered = await env.call('schema.countRows', {
      connectionId: env.id,
      schema: 'shop',
      name: 'orders',
      filters: [{ column: 'state', op: '=', value: 'new' }],
    });
    expect(filtered.exact).toBe(false);
    expect(Number(filtered.count)).toBeGreaterThan(40);
    expect(Number(filtered.count)).toBeLessThan(120);
  });

  it('exports the filtered rows to CSV and JSON in the data folder, with progress events', async () => {
    const events: { state: string; taskId: string }[] = [];
    const off = env.direct.core.events.subscribe(
      (name, payload) => name === 'task.progress' && events.push(payload as { state: string; taskId: string }),
    );
    const csv = await env.call('schema.exportData', {
      connectionId: env.id,
      schema: 'shop',
      name: 'orders',
      format: 'csv',
      taskId: 'exp-1',
      filters: [{ column: 'id', op: '<=', value: '4' }],
    });
    off();
    expect(csv.path.startsWith(`${env.direct.dataDir}/exports/`)).toBe(true);
    expect(csv.rows).toBe(4);
    expect(csv).toMatchObject({ exportId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), fileName: 'shop.orders.csv' });
    expect(await env.call('exports.deliver', { exportId: csv.exportId })).toEqual({ kind: 'file', path: csv.path });
    const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,customer_id,state,total,note,total_cents');
    expect(lines[4]).toBe('4,5,paid,6.00,,600');
    expect(events.at(-1)).toMatchObject({ taskId: 'exp-1', state: 'succeeded' });
    const json = await env.call('schema.exportData', {
      connectionId: env.id,
      schema: 'shop',
      name: 'orders',
      format: 'json',
      sort: { column: 'id', direction: 'desc' },
      filters: [{ column: 'id', op: '>', value: '235' }],
    });
    expect(JSON.parse(readFileSync(json.path, 'utf8'))).toEqual([
      { id: '237', customer_id: '38', state: 'new', total: '355.50', note: 'note 6', total_cents: '35550' },
      { id: '236', customer_id: '37', state: 'shipped', total: '354.00', note: null, total_cents: '35400' },
    ]);
  });
});
