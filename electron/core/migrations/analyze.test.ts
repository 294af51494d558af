import { describe, expect, it } from 'vitest';
import { analyzeScript } from './analyze';
import { checksumOf } from './discover';
import type { MigrationScript } from './types';

const script = (sql: string, extra: Partial<MigrationScript> = {}): MigrationScript => ({
  path: '/m/1_x.up.sql',
  file: '1_x.up.sql',
  sql,
  checksum: checksumOf(sql),
  firstLine: 1,
  transaction: true,
  ...extra,
});

describe('analyzeScript', () => {
  it('keeps a plain script in one transaction', async () => {
    const a = await analyzeScript(script('CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);'));
    expect(a.segments.map((s) => [s.transactional, s.statements.length])).toEqual([[true, 2]]);
    expect(a.nonTransactional).toEqual([]);
    expect(a.problem).toBeUndefined();
  });

  it('runs CONCURRENTLY statements alone, grouping the statements around them in transactions', async () => {
    const a = await analyzeScript(
      script('CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\nCOMMENT ON INDEX t_a IS $$x; y$$;\nVACUUM t;'),
    );
    expect(a.segments.map((s) => [s.transactional, s.statements.map((x) => x.kind)])).toEqual([
      [true, ['CreateStmt']],
      [false, ['IndexStmt']],
      [true, ['CommentStmt']],
      [false, ['VacuumStmt']],
    ]);
    expect(a.nonTransactional.map((n) => n.line)).toEqual([2, 4]);
  });

  it("skips the script's own BEGIN … COMMIT wrapper but refuses a COMMIT midway; savepoints are fine", async () => {
    const wrapped = await analyzeScript(script('BEGIN;\nCREATE TABLE t (a int);\nSAVEPOINT s;\nCOMMIT;'));
    expect(wrapped.strippedWrapper).toBe(true);
    expect(wrapped.statements.map((s) => s.kind)).toEqual(['CreateStmt', 'TransactionStmt']);
    expect(wrapped.problem).toBeUndefined();
    const midway = await analyzeScript(script('CREATE TABLE t (a int);\nCOMMIT;\nCREATE TABLE u (a int);'));
    expect(midway.problem).toMatchObject({ code: 'transaction_control', message: expect.stringContaining('1_x.up.sql:2') });
  });

  it('reports a syntax error at its line in the file, counting from a dbmate section start', async () => {
    const a = await analyzeScript(script('SELECT 1;\nSELEC 2;', { firstLine: 5 }));
    expect(a.problem).toMatchObject({ code: 'parse_error', message: expect.stringMatching(/^1_x\.up\.sql:6:1: /) });
  });

  it('runs every statement on its own when the file says transaction:false', async () => {
    const a = await analyzeScript(script('BEGIN;\nSELECT 1;\nCOMMIT;', { transaction: false }));
    expect(a.segments.every((s) => !s.transactional)).toBe(true);
    expect(a.segments).toHaveLength(3);
    expect(a.problem).toBeUndefined();
  });
});
