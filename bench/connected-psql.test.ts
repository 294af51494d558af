import { describe, expect, it } from 'vitest';
import { inlineParams, psqlStatement, sqlLiteral } from './connected-psql';

describe('the product SQL written out for psql', () => {
  it('literals for the parameter types the catalog readers bind', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral(500)).toBe('500');
    expect(sqlLiteral(false)).toBe('false');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(['r', 'p'])).toBe(`'{"r","p"}'`);
    expect(sqlLiteral(['a"b', 'c\\d'])).toBe(`'{"a\\"b","c\\\\d"}'`);
  });

  it('replaces $n (not $1 inside $10) and drops whole-line comments that mention parameters', () => {
    const sql = '-- keyset after $3\nSELECT $1::text, $10::int, $2::bool';
    const params = ['x', true, null, 4, 5, 6, 7, 8, 9, 10];
    expect(inlineParams(sql, params)).toBe("SELECT 'x'::text, 10::int, true::bool");
  });

  it('refuses a parameter that has no value, and ends a statement with one semicolon', () => {
    expect(() => inlineParams('SELECT $2', ['a'])).toThrow(/\$2 has no value/);
    expect(psqlStatement('SELECT $1::int;\n', [1])).toBe('SELECT 1::int;');
  });
});
