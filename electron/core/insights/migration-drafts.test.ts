import { describe, expect, it } from 'vitest';
import { concurrentIndexDef, draftAddFkIndex, draftDropIndex, indexNameFor, migrationName } from './migration-drafts';

describe('migration drafts', () => {
  it('names indexes like PostgreSQL and keeps them within 63 bytes', () => {
    expect(indexNameFor('orders', ['customer_id'])).toBe('orders_customer_id_idx');
    const long = indexNameFor('t'.repeat(50), ['c'.repeat(30)]);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(63);
    expect(long.endsWith('_idx')).toBe(true);
  });

  it('makes snake_case migration names', () => {
    expect(migrationName('add_index', 'Order Items', 'customerId')).toBe('add_index_order_items_customerid');
  });

  it('turns an index definition into its CONCURRENTLY form', () => {
    expect(concurrentIndexDef('CREATE UNIQUE INDEX a ON public.t USING btree (x)')).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS a ON public.t USING btree (x)',
    );
    expect(concurrentIndexDef('CREATE INDEX a ON public.t USING btree (x)')).toBe(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS a ON public.t USING btree (x)',
    );
  });

  it('pairs CREATE INDEX CONCURRENTLY with DROP INDEX CONCURRENTLY, quoted', () => {
    const d = draftAddFkIndex('fk-without-index:1', 'ticketing', 'Orders', ['event_id']);
    expect(d.upSql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS "Orders_event_id_idx"\n    ON "ticketing"."Orders" ("event_id");\n');
    expect(d.downSql).toBe('DROP INDEX CONCURRENTLY IF EXISTS "ticketing"."Orders_event_id_idx";\n');
    expect(d.nonTransactional).toBe(true);
    expect(d.suggestedName).toBe('add_index_orders_event_id');
  });

  it('drops an index with its definition as the way back', () => {
    const d = draftDropIndex('unused-index:5', 'public', 'i', 'CREATE INDEX i ON public.t USING btree (x)', 'never scanned');
    expect(d.upSql).toContain('DROP INDEX CONCURRENTLY IF EXISTS "public"."i";');
    expect(d.downSql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON public.t USING btree (x);\n');
  });
});
