import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';
import { SHOP_FIXTURE } from '../testing/shop-fixture';
import { createTestDatabase } from '../testing/test-database';

const env = useCoreFixture('pages');

beforeAll(async () => {
  await env.db.pool.query(SHOP_FIXTURE);
});

describe('object pages', () => {
  it('describes a table: columns with stats, constraints, indexes, keys both ways, triggers, policies, privileges, storage', async () => {
    const t = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'orders' });
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
    expect(t.privileges.some((p) => p.grantee === env.db.user && p.privilege === 'SELECT')).toBe(true);
    expect(Number(t.storage.heapBytes)).toBeGreaterThan(0);
    expect(t.storage.estimatedRows).toBe(237);
    expect(t.storage.lastAnalyze).not.toBeNull();
  });

  it('describes a partitioned table and a partition', async () => {
    const parent = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'events' });
    expect(parent.kind).toBe('partitioned table');
    expect(parent.partition).toMatchObject({ key: 'RANGE (at)', partitionCount: 3, parent: null });
    // it stores nothing itself: its storage is the sum over its leaf partitions
    await env.db.pool.query(
      `INSERT INTO shop.events SELECT 1000000 + g, date '2025-06-01' + (g % 400), to_jsonb(repeat('x', 50)) FROM generate_series(1, 2000) AS g`,
    );
    await env.db.pool.query('ANALYZE shop.events_2025, shop.events_2026, shop.events_default');
    const parts = await Promise.all(
      ['events_2025', 'events_2026', 'events_default'].map((name) =>
        env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name }),
      ),
    );
    const summed = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'events' });
    const sum = (pick: (s: (typeof parts)[number]['storage']) => string) =>
      parts.reduce((n, p) => n + BigInt(pick(p.storage)), 0n).toString();
    expect(Number(summed.storage.totalBytes)).toBeGreaterThan(0);
    expect(summed.storage.totalBytes).toBe(sum((s) => s.totalBytes));
    expect(summed.storage.heapBytes).toBe(sum((s) => s.heapBytes));
    expect(summed.storage.indexBytes).toBe(sum((s) => s.indexBytes));
    const { rows } = await env.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM shop.events');
    expect(summed.storage.estimatedRows).toBe(rows[0]!.n);
    const child = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'events_2026' });
    expect(child.partition).toMatchObject({
      parent: { schema: 'shop', name: 'events' },
      bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
    });
  });

  it('says when a table does not exist or is not a table', async () => {
    await expect(env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'paid_orders' })).rejects.toThrow(
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
        const { ddl } = await env.call('schema.tableDdl', { connectionId: env.id, schema: 'shop', name });
        await other.pool.query(ddl);
      }
      const vip = await env.call('schema.tableDdl', { connectionId: env.id, schema: 'shop', name: 'vip_customers' });
      expect(vip.ddl).toContain('CREATE TABLE shop.vip_customers (\n    level integer DEFAULT 1 NOT NULL,');
      expect(vip.ddl).toContain(') INHERITS (shop.customers);');
      const odd = await env.call('schema.tableDdl', { connectionId: env.id, schema: 'Odd Schema', name: 'Order' });
      expect(odd.ddl).toContain('CREATE TABLE "Odd Schema"."Order" (\n    "select" integer NOT NULL,\n    "a""b" text');
      await other.pool.query(odd.ddl);
      const otherId = await env.direct.addProfile(other, { name: 'ddl-target' });
      for (const name of tables) {
        const a = await env.call('schema.describeTable', { connectionId: env.id, schema: 'shop', name });
        const b = await env.call('schema.describeTable', { connectionId: otherId, schema: 'shop', name });
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
      await env.call('connections.disconnect', { id: otherId });
    } finally {
      await other.drop();
    }
  });

  it('describes views with dependencies both ways and the materialized view', async () => {
    const v = await env.call('schema.describeView', { connectionId: env.id, schema: 'shop', name: 'paid_orders' });
    expect(v.kind).toBe('view');
    expect(v.definition).toMatch(/FROM shop\.orders o/);
    expect(v.ddl).toMatch(/^CREATE VIEW shop\.paid_orders AS\n/);
    expect(v.uses.map((d) => d.name).sort()).toEqual(['customers', 'orders']);
    expect(v.usedBy).toEqual([{ schema: 'shop', name: 'big_paid', kind: 'view' }]);
    expect(v.columns.map((c) => c.name)).toEqual(['id', 'total', 'email']);
    const m = await env.call('schema.describeView', { connectionId: env.id, schema: 'shop', name: 'revenue' });
    expect(m).toMatchObject({ kind: 'matview', populated: true });
    expect(m.ddl).toMatch(/^CREATE MATERIALIZED VIEW shop\.revenue AS/);
  });

  it('describes a function overload and a procedure', async () => {
    const f = await env.call('schema.describeFunction', {
      connectionId: env.id,
      schema: 'shop',
      name: 'order_total',
      args: 'p_order bigint, p_tax numeric',
    });
    expect(f).toMatchObject({ kind: 'function', language: 'sql', volatility: 'stable', returns: 'numeric', securityDefiner: false });
    expect(f.source).toContain('(1 + p_tax)');
    expect(f.definition).toMatch(/CREATE OR REPLACE FUNCTION shop\.order_total\(p_order bigint, p_tax numeric\)/);
    const p = await env.direct
      .call('schema.describeFunction', { connectionId: env.id, schema: 'shop', name: 'archive', args: 'IN p_before date' })
      .catch(() => env.call('schema.describeFunction', { connectionId: env.id, schema: 'shop', name: 'archive', args: 'p_before date' }));
    expect(p).toMatchObject({ kind: 'procedure', language: 'plpgsql', returns: null });
    await expect(
      env.call('schema.describeFunction', { connectionId: env.id, schema: 'shop', name: 'order_total', args: 'text' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('catalog reads behind a lock', () => {
  it('gives up after the lock timeout and says the catalog is locked', async () => {
    const locker = new pg.Client({ connectionString: env.db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE shop.heap_log IN ACCESS EXCLUSIVE MODE');
      const error = await env.direct
        .call('schema.describeTable', { connectionId: env.id, schema: 'shop', name: 'heap_log' })
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
