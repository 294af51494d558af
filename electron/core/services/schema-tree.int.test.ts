import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';
import { SHOP_FIXTURE } from '../testing/shop-fixture';

const env = useCoreFixture('tree');

beforeAll(async () => {
  await env.db.pool.query(SHOP_FIXTURE);
});

describe('schema tree', () => {
  it('lists schemas with counts per kind, partitions not counted as tables', async () => {
    const { schemas } = await env.call('schema.listSchemas', { connectionId: env.id });
    const shop = schemas.find((s) => s.name === 'shop');
    expect(shop).toMatchObject({ comment: 'The demo shop', system: false });
    expect(shop?.counts).toMatchObject({ table: 6, view: 2, matview: 1, function: 3, procedure: 1, sequence: 2, type: 3 });
    expect(schemas.map((s) => s.name)).not.toContain('pg_catalog');
    const withSystem = await env.call('schema.listSchemas', { connectionId: env.id, includeSystem: true });
    expect(withSystem.schemas.at(-1)?.system).toBe(true);
  });

  it('pages tables by name with partitioned tables and their partition count', async () => {
    const first = await env.call('schema.listObjects', { connectionId: env.id, schema: 'shop', kind: 'table', limit: 2 });
    expect(first.total).toBe(6);
    expect(first.objects.map((o) => o.name)).toEqual(['customers', 'events']);
    expect(first.objects[1]).toMatchObject({ partitioning: 'partitioned', partitionCount: 3 });
    const rest = await env.call('schema.listObjects', {
      connectionId: env.id,
      schema: 'shop',
      kind: 'table',
      limit: 10,
      after: first.next!,
    });
    expect(rest.objects.map((o) => o.name)).toEqual(['heap_log', 'order_lines', 'orders', 'vip_customers']);
    expect(rest.next).toBeNull();
  });

  it('lists the partitions of a table with their bounds', async () => {
    const { objects, total } = await env.call('schema.listObjects', {
      connectionId: env.id,
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
      env.call('schema.listObjects', { connectionId: env.id, schema: 'shop', kind }).then((r) => r.objects);
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
    const first = await env.call('schema.listObjects', { connectionId: env.id, schema: 'shop', kind: 'function', limit: 1 });
    const second = await env.call('schema.listObjects', {
      connectionId: env.id,
      schema: 'shop',
      kind: 'function',
      limit: 1,
      after: first.next!,
    });
    expect([first.objects[0]?.args, second.objects[0]?.args]).toEqual(['p_order bigint', 'p_order bigint, p_tax numeric']);
  });

  it('searches across schemas: exact match first, then prefix, partitions with their parent', async () => {
    const { hits } = await env.call('schema.search', { connectionId: env.id, query: 'order' });
    expect(hits[0]).toMatchObject({ schema: 'Odd Schema', name: 'Order', kind: 'table' });
    const names = hits.map((h) => h.name);
    expect(names.indexOf('orders')).toBeLessThan(names.indexOf('paid_orders'));
    expect(names).toContain('order_total');
    expect(names).toContain('order_state');
    const partitions = await env.call('schema.search', { connectionId: env.id, query: 'events_20' });
    expect(partitions.hits[0]).toMatchObject({ name: 'events_2025', partitioning: 'partition', parent: 'events' });
  });

  it('takes LIKE wildcards in the search text literally', async () => {
    const { hits } = await env.call('schema.search', { connectionId: env.id, query: 'paid_' });
    expect(hits.map((h) => h.name)).toEqual(['paid_orders']);
    const none = await env.call('schema.search', { connectionId: env.id, query: '%' });
    expect(none.hits).toEqual([]);
  });
});
