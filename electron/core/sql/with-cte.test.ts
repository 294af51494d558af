import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql } from '../sql-parser';
import btreeTemplate from './bloat/btree-indexes.sql?raw';
import columnStatsView from './bloat/column-stats-view.sql?raw';
import columnStats from './bloat/column-stats.sql?raw';
import tablesTemplate from './bloat/tables.sql?raw';
import byEmail from './orders/search-by-email.sql?raw';
import byName from './orders/search-by-name.sql?raw';
import byOrderId from './orders/search-by-order-id.sql?raw';
import byTicket from './orders/search-by-ticket.sql?raw';
import ordersPage from './orders/search.sql?raw';
import { withCte } from './with-cte';

beforeAll(() => loadSqlParser());

const template = `/* ticketz-console */
-- Two numbers.
WITH /* ticketz-console */ b AS (
  SELECT 2 AS y
)
SELECT a.x, b.y FROM a, b`;

describe('withCte', () => {
  it('puts the CTE first in the WITH list, the template otherwise untouched', () => {
    const sql = withCte(template, 'a', '/* ticketz-console */\n-- One.\nSELECT /* ticketz-console */ 1 AS x -- trailing note\n');
    expect(sql).toBe(`/* ticketz-console */
-- Two numbers.
WITH /* ticketz-console */ a AS (
/* ticketz-console */
-- One.
SELECT /* ticketz-console */ 1 AS x -- trailing note
),
b AS (
  SELECT 2 AS y
)
SELECT a.x, b.y FROM a, b`);
  });

  it('refuses what it cannot join safely', () => {
    expect(() => withCte('SELECT 1', 'a', 'SELECT 1')).toThrow(/opens "WITH/);
    expect(() => withCte(template, 'a; DROP', 'SELECT 1')).toThrow(/Bad CTE name/);
    expect(() => withCte(template, 'a', 'SELECT 1;')).toThrow(/without a semicolon/);
  });

  it.each([
    ['bloat/tables.sql', tablesTemplate, 'column_stats', [columnStats, columnStatsView]],
    ['bloat/btree-indexes.sql', btreeTemplate, 'column_stats', [columnStats, columnStatsView]],
    ['orders/search.sql', ordersPage, 'matched', [byEmail, byName, byOrderId, byTicket]],
  ])('makes one statement of %s with each of its sources', async (_name, composed, cte, sources) => {
    for (const source of sources) {
      const statements = await splitSql(withCte(composed, cte, source));
      expect(statements).toHaveLength(1);
      expect(statements[0]!.kind).toBe('SelectStmt');
    }
  });
});
