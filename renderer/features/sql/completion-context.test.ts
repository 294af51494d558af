import { describe, expect, it } from 'vitest';
import { completionContext, tableForQualifier, tablesIn } from './completion-context';

describe('completion context', () => {
  it('finds tables and aliases after FROM and JOIN', () => {
    expect(tablesIn('SELECT * FROM shop.orders o JOIN customers AS c ON c.id = o.customer_id WHERE true')).toEqual([
      { schema: 'shop', name: 'orders', alias: 'o' },
      { name: 'customers', alias: 'c' },
    ]);
    expect(tablesIn('select 1 from "Odd Schema"."Order" where x')).toEqual([{ schema: 'Odd Schema', name: 'Order', alias: undefined }]);
    expect(tablesIn('UPDATE Orders SET x = 1')).toEqual([{ name: 'orders', alias: undefined }]);
  });

  it('tells a qualified name from a plain word', () => {
    const stmt = 'SELECT o. FROM shop.orders o';
    const ctx = completionContext('SELECT o.', stmt);
    expect(ctx).toMatchObject({ qualifier: 'o', prefix: '' });
    expect(tableForQualifier(ctx)).toEqual({ schema: 'shop', name: 'orders', alias: 'o' });
    expect(completionContext('SELECT * FROM shop.ord', 'SELECT * FROM shop.ord')).toMatchObject({ qualifier: 'shop', prefix: 'ord' });
    expect(completionContext('SELECT cust', 'SELECT cust')).toEqual({ prefix: 'cust', tables: [] });
  });

  it('treats an unknown qualifier as a schema (no table matches)', () => {
    const ctx = completionContext('SELECT * FROM shop.', 'SELECT * FROM shop.');
    expect(tableForQualifier(ctx)).toBeUndefined();
    expect(ctx.tables).toEqual([]);
  });
});
