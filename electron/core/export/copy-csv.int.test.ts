import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('copy_csv');

// Every case the two CSV paths must agree on: NULL vs '', separators, quotes, line breaks, spaces,
// COPY's end-of-data marker, non-ASCII, a value with a trailing -- comment in the query.
const ROWS = `SELECT * FROM (VALUES
  (1, 'plain', NULL::text),
  (2, '', 'a,b'),
  (3, 'say "hi"', 'two
lines'),
  (4, ' padded ', '\\.'),
  (5, 'Zoë ☃', 'tab	in')
) AS t(id, a, b)`;

describe('CSV exports: COPY and the cursor write the same file', () => {
  it('query.export (COPY, no parameters) and schema.exportData with a filter (cursor, bound values) agree byte for byte', async () => {
    await env.db.pool.query(`CREATE TABLE csv_cases AS ${ROWS}`);
    const viaCopy = await env.call('query.export', {
      connectionId: env.id,
      sql: 'SELECT id, a, b FROM csv_cases ORDER BY id -- the editor text may end in a comment',
      format: 'csv',
    });
    const viaCursor = await env.call('schema.exportData', {
      connectionId: env.id,
      schema: 'public',
      name: 'csv_cases',
      format: 'csv',
      filters: [{ column: 'id', op: '>', value: '0' }],
      sort: { column: 'id', direction: 'asc' },
    });
    const copied = readFileSync(viaCopy.path, 'utf8');
    expect(copied).toBe(readFileSync(viaCursor.path, 'utf8'));
    expect(copied).toBe('id,a,b\n1,plain,\n2,"","a,b"\n3,"say ""hi""","two\nlines"\n4, padded ,\\.\n5,Zoë ☃,tab\tin\n');
    expect(viaCopy).toMatchObject({ rows: 5, bytes: Buffer.byteLength(copied) });
    expect(viaCursor).toMatchObject({ rows: 5, bytes: Buffer.byteLength(copied) });
  });

  it("a one-column \\. is quoted by both paths (COPY's end-of-data marker)", async () => {
    await env.db.pool.query("CREATE TABLE one_col AS SELECT '\\.'::text AS v");
    const viaCopy = await env.call('query.export', { connectionId: env.id, sql: 'SELECT v FROM one_col', format: 'csv' });
    const viaCursor = await env.call('schema.exportData', {
      connectionId: env.id,
      schema: 'public',
      name: 'one_col',
      format: 'csv',
      filters: [{ column: 'v', op: '=', value: '\\.' }],
    });
    expect(readFileSync(viaCopy.path, 'utf8')).toBe('v\n"\\."\n');
    expect(readFileSync(viaCursor.path, 'utf8')).toBe('v\n"\\."\n');
  });

  it('a statement COPY cannot wrap (SHOW) still exports, through the cursor', async () => {
    const shown = await env.call('query.export', { connectionId: env.id, sql: 'SHOW search_path', format: 'csv' });
    expect(readFileSync(shown.path, 'utf8')).toMatch(/^search_path\n.+\n$/);
    expect(shown.rows).toBe(1);
  });

  it('a failing COPY leaves no file behind and reaches the caller with its SQLSTATE', async () => {
    await expect(
      env.call('query.export', { connectionId: env.id, sql: 'SELECT 1 / (id - 3) FROM csv_cases', format: 'csv' }),
    ).rejects.toMatchObject({ pg: { sqlstate: '22012' } });
  });
});
