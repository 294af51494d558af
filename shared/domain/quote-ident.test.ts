import { describe, expect, it } from 'vitest';
import { IdentifierError, quoteIdent, quoteIdentIfNeeded, quoteLiteral, quoteQualified, quoteQualifiedIfNeeded } from './quote-ident';

describe('quoteIdent', () => {
  it('always quotes and doubles embedded double quotes', () => {
    expect(quoteIdent('users')).toBe('"users"');
    expect(quoteIdent('Mixed Case')).toBe('"Mixed Case"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('"; DROP TABLE x; --')).toBe('"""; DROP TABLE x; --"');
  });

  it('refuses names that cannot be identifiers', () => {
    expect(() => quoteIdent('')).toThrow(IdentifierError);
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
    expect(() => quoteIdent('x'.repeat(64))).toThrow(/63 bytes/);
    // 32 two-byte characters are 64 bytes: too long although only 32 characters.
    expect(() => quoteIdent('é'.repeat(32))).toThrow(/63 bytes/);
    expect(quoteIdent('x'.repeat(63))).toHaveLength(65);
  });

  it('qualifies schema and name', () => {
    expect(quoteQualified('public', 'Order')).toBe('"public"."Order"');
  });
});

describe('quoteIdentIfNeeded', () => {
  it('leaves plain lower-case names bare and quotes the rest', () => {
    expect(quoteIdentIfNeeded('ticket_scans')).toBe('ticket_scans');
    expect(quoteIdentIfNeeded('Tickets')).toBe('"Tickets"');
    expect(quoteIdentIfNeeded('1st')).toBe('"1st"');
    expect(quoteIdentIfNeeded('with space')).toBe('"with space"');
    expect(quoteQualifiedIfNeeded('public', 'order')).toBe('public."order"');
  });

  it('quotes reserved words', () => {
    expect(quoteIdentIfNeeded('select')).toBe('"select"');
    expect(quoteIdentIfNeeded('user')).toBe('"user"');
    expect(quoteIdentIfNeeded('name')).toBe('name');
  });
});

describe('quoteLiteral', () => {
  it('doubles single quotes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });

  it('uses the E form when a backslash is present', () => {
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
  });

  it('refuses NUL', () => {
    expect(() => quoteLiteral('a\0')).toThrow(IdentifierError);
  });
});
