import { describe, expect, it } from 'vitest';
import { splitDbmate } from './dbmate';

describe('splitDbmate', () => {
  it('splits the up and down sections and keeps their line numbers', () => {
    const text = '-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n';
    const sections = splitDbmate(text)!;
    expect(sections.up).toEqual({ sql: 'CREATE TABLE t (id int);\n\n', firstLine: 2, transaction: true });
    expect(sections.down).toEqual({ sql: 'DROP TABLE t;\n', firstLine: 5, transaction: true });
  });

  it('reads transaction:false per section', () => {
    const sections = splitDbmate('-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\nDROP INDEX i;\n')!;
    expect(sections.up.transaction).toBe(false);
    expect(sections.down!.transaction).toBe(true);
  });

  it('is not a dbmate file without an up marker; a down section is optional', () => {
    expect(splitDbmate('CREATE TABLE t (id int);')).toBeUndefined();
    expect(splitDbmate('-- migrate:up\nSELECT 1;')?.down).toBeUndefined();
  });
});
