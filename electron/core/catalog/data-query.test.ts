import { describe, expect, it } from 'vitest';
import { escapeLike, planPage, type DataSource } from './data-query';

const orders: DataSource = {
  schema: 'shop',
  name: 'orders',
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'note', type: 'text', notNull: false },
    { name: 'Total "x"', type: 'numeric(12,2)', notNull: true },
  ],
  primaryKey: ['id'],
  hasCtid: true,
};
const base = { connectionId: 'c', schema: 'shop', name: 'orders', filters: [], combine: 'and' as const };

describe('planPage', () => {
  it('pages by the primary key with a row comparison the index can serve', () => {
    const first = planPage(orders, base, undefined, 100);
    expect(first.text).toBe('SELECT "id", "note", "Total ""x""" FROM "shop"."orders" ORDER BY "id" ASC NULLS LAST LIMIT $1::int8');
    expect(first.values).toEqual([101]);
    const after = first.nextAfter(['100', null, '1.00']);
    const second = planPage(orders, base, after, 100);
    expect(second.text).toContain('WHERE "id" > $1::bigint ORDER BY');
    expect(second.values).toEqual(['100', 101]);
  });

  it('pages a nullable sort column with NULLs last and the key as tie-breaker', () => {
    const q = { ...base, sort: { column: 'note', direction: 'desc' as const } };
    const next = planPage(orders, q, undefined, 10).nextAfter(['7', 'b', '1']);
    const page = planPage(orders, q, next, 10);
    expect(page.text).toContain('WHERE ((("note" < $1::text OR "note" IS NULL)) OR ("note" = $3::text AND ("id" > $2::bigint)))');
    expect(page.values.slice(0, 3)).toEqual(['b', '7', 'b']);
    expect(page.text).toContain('ORDER BY "note" DESC NULLS LAST, "id" ASC NULLS LAST');
    // After a NULL only rows with NULL and a larger key can follow.
    const afterNull = planPage(orders, q, planPage(orders, q, undefined, 10).nextAfter(['9', null, '1']), 10);
    expect(afterNull.text).toContain('WHERE (("note" IS NULL AND ("id" > $1::bigint)))');
  });

  it('binds filter values and casts them to the column type; operators come from the allowlist', () => {
    const page = planPage(
      orders,
      {
        ...base,
        filters: [
          { column: 'Total "x"', op: '>=', value: '5' },
          { column: 'note', op: 'contains', value: '50%_off' },
        ],
        combine: 'or',
      },
      undefined,
      10,
    );
    expect(page.text).toContain('WHERE (("Total ""x""" >= $1::numeric(12,2)) OR ("note"::text ILIKE $2))');
    expect(page.values.slice(0, 2)).toEqual(['5', '%50\\%\\_off%']);
  });

  it('uses ctid without a key and OFFSET for a sort without a key, with a note', () => {
    const heap = { ...orders, primaryKey: [] };
    const ctid = planPage(heap, base, undefined, 5);
    expect(ctid.strategy).toBe('ctid');
    expect(ctid.text).toBe(
      'SELECT "id", "note", "Total ""x""", page_source.ctid::text FROM "shop"."orders" AS page_source ORDER BY page_source.ctid LIMIT $1::int8',
    );
    expect(planPage(heap, base, ctid.nextAfter(['1', null, '2', '(0,5)']), 5).text).toContain('WHERE page_source.ctid > $1::tid');
    const offset = planPage(heap, { ...base, sort: { column: 'id', direction: 'asc' } }, undefined, 5);
    expect(offset.strategy).toBe('offset');
    expect(offset.note).toMatch(/OFFSET/);
    const next = planPage(heap, { ...base, sort: { column: 'id', direction: 'asc' } }, offset.nextAfter([]), 5);
    expect(next.text).toMatch(/LIMIT \$2::int8 OFFSET \$1::int8$/);
    expect(next.values).toEqual([5, 6]);
  });

  it('refuses unknown columns and foreign cursors', () => {
    expect(() => planPage(orders, { ...base, sort: { column: 'x', direction: 'asc' } }, undefined, 5)).toThrow(/no column "x"/);
    expect(() => planPage(orders, base, 'not json', 5)).toThrow(/cursor/);
    expect(() => planPage(orders, base, JSON.stringify({ s: 'offset', o: 5 }), 5)).toThrow(/another sort/);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
  });
});
