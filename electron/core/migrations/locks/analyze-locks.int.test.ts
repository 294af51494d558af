import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../../testing/core-fixture';

const env = useCoreFixture('locks');

beforeAll(async () => {
  await env.db.pool.query(`
    CREATE SCHEMA shop;
    CREATE TABLE shop.orders (id bigint PRIMARY KEY, reference text, payload text);
    INSERT INTO shop.orders SELECT g, 'ref-' || g, repeat('x', 200) FROM generate_series(1, 20000) AS g;
    CREATE INDEX orders_reference_idx ON shop.orders (reference);
    CREATE TABLE shop.events (id bigint, day date NOT NULL) PARTITION BY RANGE (day);
    CREATE TABLE shop.events_2025 PARTITION OF shop.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
    INSERT INTO shop.events SELECT g, date '2025-06-01' + (g % 400) FROM generate_series(1, 3000) AS g;
    ANALYZE shop.orders;
    ANALYZE shop.events;
  `);
});

describe('migrations.locks against a real database', () => {
  it('shows each statement’s lock with the table’s row estimate and total size', async () => {
    const { rows } = await env.db.pool.query<{ size: string; parts: string }>(
      "SELECT pg_total_relation_size('shop.orders')::text AS size, (pg_total_relation_size('shop.events_2025') + pg_total_relation_size('shop.events_2026'))::text AS parts",
    );
    const sql = [
      'SET lock_timeout = 5000;',
      'ALTER TABLE shop.orders ADD COLUMN note text NOT NULL DEFAULT \'\';',
      'CREATE INDEX CONCURRENTLY orders_payload_idx ON shop.orders (payload);',
      'DROP INDEX shop.orders_reference_idx;',
      'CREATE TABLE shop.refunds (id bigint PRIMARY KEY, order_id bigint REFERENCES shop.orders (id));',
      'CREATE INDEX refunds_order_idx ON shop.refunds (order_id);',
      'VACUUM FULL shop.events;',
      'ALTER TABLE missing_table ADD COLUMN a int;',
    ].join('\n');
    const { statements } = await env.call('migrations.locks', { connectionId: env.id, sql });
    expect(statements.map((s) => [s.line, s.kind, s.locks.length])).toEqual([
      [1, 'VariableSetStmt', 0],
      [2, 'AlterTableStmt', 1],
      [3, 'IndexStmt', 1],
      [4, 'DropStmt', 1],
      [5, 'CreateStmt', 1],
      [6, 'IndexStmt', 1],
      [7, 'VacuumStmt', 1],
      [8, 'AlterTableStmt', 1],
    ]);
    const [alter, concurrent, dropIndex, createTable, newIndex, vacuumFull, missing] = statements.slice(1).map((s) => s.locks[0]!);
    expect(alter).toMatchObject({
      schema: 'shop',
      name: 'orders',
      relationKind: 'table',
      lock: 'ACCESS EXCLUSIVE',
      blocksReads: true,
      blocksWrites: true,
      existsNow: true,
      rowEstimate: 20000,
      totalBytes: rows[0]!.size,
    });
    expect(concurrent).toMatchObject({ name: 'orders', lock: 'SHARE UPDATE EXCLUSIVE', blocksReads: false, blocksWrites: false });
    expect(statements[2]!.nonTransactional).toMatch(/CONCURRENTLY/);
    // DROP INDEX names the index; the lock falls on its table, found in the catalog.
    expect(dropIndex).toMatchObject({ schema: 'shop', name: 'orders', viaIndex: 'orders_reference_idx', relationKind: 'table', lock: 'ACCESS EXCLUSIVE', rowEstimate: 20000 });
    expect(createTable).toMatchObject({ name: 'orders', lock: 'SHARE ROW EXCLUSIVE', existsNow: true });
    expect(newIndex).toMatchObject({ schema: 'shop', name: 'refunds', lock: 'SHARE', existsNow: false, createdInScript: true, rowEstimate: null, totalBytes: null });
    expect(vacuumFull).toMatchObject({ name: 'events', relationKind: 'partitioned table', lock: 'ACCESS EXCLUSIVE', rowEstimate: 3000, totalBytes: rows[0]!.parts });
    expect(missing).toMatchObject({ schema: null, name: 'missing_table', existsNow: false, createdInScript: false, relationKind: null });
  });

  it('does not wait behind a migration holding ACCESS EXCLUSIVE: it gives up at its lock_timeout', async () => {
    const holder = new pg.Client({ connectionString: env.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE shop.orders IN ACCESS EXCLUSIVE MODE');
      const error = await env.call('migrations.locks', { connectionId: env.id, sql: 'ALTER TABLE shop.orders ADD COLUMN z int;' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).pg?.sqlstate).toBe('55P03');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // The pool's session is usable again afterwards.
    const { statements } = await env.call('migrations.locks', { connectionId: env.id, sql: 'ALTER TABLE shop.orders ADD COLUMN z int;' });
    expect(statements[0]!.locks[0]).toMatchObject({ existsNow: true, name: 'orders' });
  });

  it('answers a parse error with its position', async () => {
    const error = await env.call('migrations.locks', { connectionId: env.id, sql: 'SELECT 1;\nALTER TABEL t;' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', pg: { sqlstate: '42601', position: 17 } });
  });
});
