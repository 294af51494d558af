import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { SHOP_FIXTURE } from '../testing/shop-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let db: TestDatabase;
let direct: DirectCore;
let id: string;

beforeAll(async () => {
  db = await createTestDatabase('schema');
  await db.pool.query(SHOP_FIXTURE);
  direct = createDirectCore();
  id = await direct.addProfile(db);
});
afterAll(async () => {
  await direct.dispose();
  await db.drop();
});

describe('schema tree', () => {
  it('lists schemas with counts per kind, partitions not counted as tables', async () => {
    const { schemas } = await direct.call('schema.listSchemas', { connectionId: id });
    const shop = schemas.find((s) => s.name === 'shop');
    expect(shop).toMatchObject({ comment: 'The demo shop', system: false });
    expect(shop?.counts).toMatchObject({ table: 6, view: 2, matview: 1, function: 3, procedure: 1, sequence: 2, type: 3 });
    expect(schemas.map((s) => s.name)).not.toContain('pg_catalog');
    const withSystem = await direct.call('schema.listSchemas', { connectionId: id, includeSystem: true });
    expect(withSystem.schemas.at(-1)?.system).toBe(true);
  });

  it('pages tables by name with partitioned tables and their partition count', async () => {
    const first = await direct.call('schema.listObjects', { connectionId: id, schema: 'shop', kind: 'table', limit: 2 });
    expect(first.total).toBe(6);
    expect(first.objects.map((o) => o.name)).toEqual(['customers', 'events']);
    expect(first.objects[1]).toMatchObject({ partitioning: 'partitioned', partitionCount: 3 });
    const rest = await direct.call('schema.listObjects', {
      connectionId: id,
      schema: 'shop',
      kind: 'table',
      limit: 10,
      after: first.next!,
    });
    expect(rest.objects.map((o) => o.name)).toEqual(['heap_log', 'order_lines', 'orders', 'vip_customers']);
    expect(rest.next).toBeNull();
  });

  it('lists the partitions of a table with their bounds', async () => {
    const { objects, total } = await direct.call('schema.listObjects', {
      connectionId: id,
      schema: 'shop',
      kind: 'table',
      parent: 'events',
    });
    expect(total).toBe(3);
    expect(objects.map((o) => [o.name, o.partitioning])).toEqual([
      ['events_2025', 'partition'],
      ['events_2026', 'partition'],
      ['events_default', 'partition'],
    ]);
    expect(objects[2]?.detail).toBe('DEFAULT');
  });

  it('lists views, materialized views, functions with overloads, procedures, sequences, types', async () => {
    const list = (kind: 'view' | 'matview' | 'function' | 'procedure' | 'sequence' | 'type' | 'extension') =>
      direct.call('schema.listObjects', { connectionId: id, schema: 'shop', kind }).then((r) => r.objects);
    expect((await list('view')).map((o) => o.name)).toEqual(['big_paid', 'paid_orders']);
    expect((await list('matview')).map((o) => o.name)).toEqual(['revenue']);
    expect((await list('function')).map((o) => `${o.name}(${o.args})`)).toEqual([
      'order_total(p_order bigint)',
      'order_total(p_order bigint, p_tax numeric)',
      'touch()',
    ]);
    expect((await list('procedure')).map((o) => o.name)).toEqual(['archive']);
    // The identity column's sequence is listed too, as pgAdmin and psql's \ds do.
    expect((await list('sequence')).map((o) => o.name)).toEqual(['customers_id_seq', 'invoice_no']);
    const types = await list('type');
    expect(types.map((t) => [t.name, t.detail])).toEqual([
      ['email', 'domain over text'],
      ['money_pair', 'composite'],
      ['order_state', "enum ('new', 'paid', 'shipped')"],
    ]);
    expect(await list('extension')).toEqual([]);
  });

  it('pages functions by (name, oid) so overloads are not lost between pages', async () => {
    const first = await direct.call('schema.listObjects', { connectionId: id, schema: 'shop', kind: 'function', limit: 1 });
    const second = await direct.call('schema.listObjects', {
      connectionId: id,
      schema: 'shop',
      kind: 'function',
      limit: 1,
      after: first.next!,
    });
    expect([first.objects[0]?.args, second.objects[0]?.args]).toEqual(['p_order bigint', 'p_order bigint, p_tax numeric']);
  });

  it('searches across schemas: exact match first, then prefix, partitions with their parent', async () => {
    const { hits } = await direct.call('schema.search', { connectionId: id, query: 'order' });
    expect(hits[0]).toMatchObject({ schema: 'Odd Schema', name: 'Order', kind: 'table' });
    const names = hits.map((h) => h.name);
    expect(names.indexOf('orders')).toBeLessThan(names.indexOf('paid_orders'));
    expect(names).toContain('order_total');
    expect(names).toContain('order_state');
    const partitions = await direct.call('schema.search', { connectionId: id, query: 'events_20' });
    expect(partitions.hits[0]).toMatchObject({ name: 'events_2025', partitioning: 'partition', parent: 'events' });
  });

  it('takes LIKE wildcards in the search text literally', async () => {
    const { hits } = await direct.call('schema.search', { connectionId: id, query: 'paid_' });
    expect(hits.map((h) => h.name)).toEqual(['paid_orders']);
    const none = await direct.call('schema.search', { connectionId: id, query: '%' });
    expect(none.hits).toEqual([]);
  });
});

describe('object pages', () => {
  it('describes a table: columns with stats, constraints, indexes, keys both ways, triggers, policies, privileges, storage', async () => {
    const t = await direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'orders' });
    expect(t.kind).toBe('table');
    expect(t.rowSecurity).toBe(true);
    const state = t.columns.find((c) => c.name === 'state');
    expect(state).toMatchObject({ type: 'shop.order_state', notNull: true, default: "'new'::shop.order_state", inPrimaryKey: false });
    expect(state?.distinctEstimate).toBeGreaterThan(0);
    expect(t.columns.find((c) => c.name === 'note')?.nullFraction).toBeGreaterThan(0.1);
    expect(t.columns.find((c) => c.name === 'total_cents')?.generated).toMatch(/\(total \* /);
    expect(t.columns.find((c) => c.name === 'id')?.inPrimaryKey).toBe(true);
    expect(t.constraints.map((c) => c.type)).toEqual(expect.arrayContaining(['primary key', 'foreign key', 'check']));
    const partial = t.indexes.find((i) => i.name === 'orders_unpaid_idx');
    expect(partial).toMatchObject({ partial: true, unique: false, valid: true, method: 'btree', constraint: null });
    expect(Number(partial?.sizeBytes)).toBeGreaterThan(0);
    expect(t.indexes.find((i) => i.primary)?.constraint).toBe('orders_pkey');
    expect(t.foreignKeys.outgoing).toEqual([
      expect.objectContaining({ toTable: 'customers', fromColumns: ['customer_id'], toColumns: ['id'], onDelete: 'CASCADE' }),
    ]);
    expect(t.foreignKeys.incoming).toEqual([expect.objectContaining({ fromTable: 'order_lines', fromColumns: ['order_id'] })]);
    expect(t.triggers).toEqual([expect.objectContaining({ name: 'orders_touch', enabled: 'origin' })]);
    expect(t.policies).toEqual([
      { name: 'orders_own', permissive: true, command: 'SELECT', roles: ['public'], using: '(customer_id > 0)', withCheck: null },
    ]);
    expect(t.privileges.some((p) => p.grantee === db.user && p.privilege === 'SELECT')).toBe(true);
    expect(Number(t.storage.heapBytes)).toBeGreaterThan(0);
    expect(t.storage.estimatedRows).toBe(237);
    expect(t.storage.lastAnalyze).not.toBeNull();
  });

  it('describes a partitioned table and a partition', async () => {
    const parent = await direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'events' });
    expect(parent.kind).toBe('partitioned table');
    expect(parent.partition).toMatchObject({ key: 'RANGE (at)', partitionCount: 3, parent: null });
    const child = await direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'events_2026' });
    expect(child.partition).toMatchObject({
      parent: { schema: 'shop', name: 'events' },
      bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
    });
  });

  it('says when a table does not exist or is not a table', async () => {
    await expect(direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'paid_orders' })).rejects.toThrow(
      /is a view, not a table/,
    );
  });

  it('rebuilds DDL that recreates the same tables in another database', async () => {
    const other = await createTestDatabase('ddl');
    try {
      await other.pool
        .query(`CREATE SCHEMA shop; CREATE TYPE shop.order_state AS ENUM ('new', 'paid', 'shipped'); CREATE DOMAIN shop.email AS text CHECK (VALUE ~ '@');
        CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$; CREATE SCHEMA "Odd Schema";`);
      const tables = ['customers', 'orders', 'order_lines', 'events', 'events_2025', 'heap_log', 'vip_customers'];
      for (const name of tables) {
        const { ddl } = await direct.call('schema.tableDdl', { connectionId: id, schema: 'shop', name });
        await other.pool.query(ddl);
      }
      const vip = await direct.call('schema.tableDdl', { connectionId: id, schema: 'shop', name: 'vip_customers' });
      expect(vip.ddl).toContain('CREATE TABLE shop.vip_customers (\n    level integer DEFAULT 1 NOT NULL,');
      expect(vip.ddl).toContain(') INHERITS (shop.customers);');
      const odd = await direct.call('schema.tableDdl', { connectionId: id, schema: 'Odd Schema', name: 'Order' });
      expect(odd.ddl).toContain('CREATE TABLE "Odd Schema"."Order" (\n    "select" integer NOT NULL,\n    "a""b" text');
      await other.pool.query(odd.ddl);
      const otherId = await direct.addProfile(other, { name: 'ddl-target' });
      for (const name of tables) {
        const a = await direct.call('schema.describeTable', { connectionId: id, schema: 'shop', name });
        const b = await direct.call('schema.describeTable', { connectionId: otherId, schema: 'shop', name });
        const shape = (t: typeof a) => ({
          columns: t.columns.map(({ name: n, type, notNull, default: d, identity, generated, collation, comment }) => ({
            n,
            type,
            notNull,
            d,
            identity,
            generated,
            collation,
            comment,
          })),
          constraints: t.constraints.map(({ name: n, type, definition }) => ({ n, type, definition })),
          indexes: t.indexes.map((i) => i.definition),
          triggers: t.triggers.map((x) => x.definition),
          policies: t.policies,
          comment: t.comment,
          rls: t.rowSecurity,
          partition: t.partition && { key: t.partition.key, bound: t.partition.bound },
        });
        expect(shape(b), name).toEqual(shape(a));
      }
      await direct.call('connections.disconnect', { id: otherId });
    } finally {
      await other.drop();
    }
  });

  it('describes views with dependencies both ways and the materialized view', async () => {
    const v = await direct.call('schema.describeView', { connectionId: id, schema: 'shop', name: 'paid_orders' });
    expect(v.kind).toBe('view');
    expect(v.definition).toMatch(/FROM shop\.orders o/);
    expect(v.ddl).toMatch(/^CREATE VIEW shop\.paid_orders AS\n/);
    expect(v.uses.map((d) => d.name).sort()).toEqual(['customers', 'orders']);
    expect(v.usedBy).toEqual([{ schema: 'shop', name: 'big_paid', kind: 'view' }]);
    expect(v.columns.map((c) => c.name)).toEqual(['id', 'total', 'email']);
    const m = await direct.call('schema.describeView', { connectionId: id, schema: 'shop', name: 'revenue' });
    expect(m).toMatchObject({ kind: 'matview', populated: true });
    expect(m.ddl).toMatch(/^CREATE MATERIALIZED VIEW shop\.revenue AS/);
  });

  it('describes a function overload and a procedure', async () => {
    const f = await direct.call('schema.describeFunction', {
      connectionId: id,
      schema: 'shop',
      name: 'order_total',
      args: 'p_order bigint, p_tax numeric',
    });
    expect(f).toMatchObject({ kind: 'function', language: 'sql', volatility: 'stable', returns: 'numeric', securityDefiner: false });
    expect(f.source).toContain('(1 + p_tax)');
    expect(f.definition).toMatch(/CREATE OR REPLACE FUNCTION shop\.order_total\(p_order bigint, p_tax numeric\)/);
    const p = await direct
      .call('schema.describeFunction', { connectionId: id, schema: 'shop', name: 'archive', args: 'IN p_before date' })
      .catch(() => direct.call('schema.describeFunction', { connectionId: id, schema: 'shop', name: 'archive', args: 'p_before date' }));
    expect(p).toMatchObject({ kind: 'procedure', language: 'plpgsql', returns: null });
    await expect(
      direct.call('schema.describeFunction', { connectionId: id, schema: 'shop', name: 'order_total', args: 'text' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('catalog reads behind a lock', () => {
  it('gives up after the lock timeout and says the catalog is locked', async () => {
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE shop.heap_log IN ACCESS EXCLUSIVE MODE');
      const error = await direct
        .call('schema.describeTable', { connectionId: id, schema: 'shop', name: 'heap_log' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).code).toBe('TIMEOUT');
      expect((error as RpcError).message).toMatch(/locked by another session/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });
});

describe('table data', () => {
  const page = (input: Partial<Parameters<DirectCore['call']>[1]> & Record<string, unknown>) =>
    direct.call('schema.tableData', { connectionId: id, schema: 'shop', name: 'orders', ...input } as never) as Promise<{
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
      const { rows: expected } = await db.pool.query({
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
    const { rows: expected } = await db.pool.query("SELECT count(*)::int AS n FROM shop.orders WHERE state = 'paid' AND total > 300");
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
    await db.pool.query(
      "CREATE TABLE shop.kinds (id int PRIMARY KEY, b bytea, j jsonb, big numeric, t timestamptz); INSERT INTO shop.kinds VALUES (1, '\\xdeadbeef', '{\"a\": [1, 2]}', 12345678901234567890.123, '2026-01-02 03:04:05+00')",
    );
    const p = await page({ name: 'kinds' });
    expect(p.rows[0]?.slice(0, 4)).toEqual(['1', '\\xdeadbeef', '{"a": [1, 2]}', '12345678901234567890.123']);
  });

  it('counts by estimate or exactly under the filter', async () => {
    const estimate = await direct.call('schema.countRows', { connectionId: id, schema: 'shop', name: 'orders' });
    expect(estimate).toEqual({ count: '237', exact: false });
    const exact = await direct.call('schema.countRows', {
      connectionId: id,
      schema: 'shop',
      name: 'orders',
      exact: true,
      filters: [{ column: 'state', op: '=', value: 'new' }],
    });
    expect(exact).toEqual({ count: '79', exact: true });
    // The estimate under a filter is EXPLAIN's row count, with the filter's value bound.
    const filtered = await direct.call('schema.countRows', {
      connectionId: id,
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
    const off = direct.core.events.subscribe(
      (name, payload) => name === 'task.progress' && events.push(payload as { state: string; taskId: string }),
    );
    const csv = await direct.call('schema.exportData', {
      connectionId: id,
      schema: 'shop',
      name: 'orders',
      format: 'csv',
      taskId: 'exp-1',
      filters: [{ column: 'id', op: '<=', value: '4' }],
    });
    off();
    expect(csv.path.startsWith(`${direct.dataDir}/exports/`)).toBe(true);
    expect(csv.rows).toBe(4);
    const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,customer_id,state,total,note,total_cents');
    expect(lines[4]).toBe('4,5,paid,6.00,,600');
    expect(events.at(-1)).toMatchObject({ taskId: 'exp-1', state: 'succeeded' });
    const json = await direct.call('schema.exportData', {
      connectionId: id,
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
