import type pg from 'pg';
import type { DataQuery, TableData } from '../../../shared/contract/schema';
import { RAW_TEXT_TYPES } from '../db/raw-text';
import rowStatsKnownSql from '../sql/schema/row-stats-known.sql?raw';
import tableKeySql from '../sql/schema/table-key.sql?raw';
import viewColumnsSql from '../sql/schema/view-columns.sql?raw';
import columnsSql from '../sql/schema/table-columns.sql?raw';
import { filteredFrom, planPage, type DataSource } from './data-query';
import { resolveRelation, type ColumnRow } from './describe-table';

/** Tables, partitioned tables, views, materialized views and foreign tables can be browsed. */
const BROWSABLE = ['r', 'p', 'v', 'm', 'f'];

export async function loadDataSource(client: pg.ClientBase, schema: string, name: string): Promise<DataSource> {
  const header = await resolveRelation(client, schema, name, BROWSABLE);
  const isTable = header.relkind === 'r' || header.relkind === 'p' || header.relkind === 'f';
  const columns = isTable
    ? (await client.query<ColumnRow>(columnsSql, [header.oid])).rows.map((c) => ({ name: c.name, type: c.type, notNull: c.not_null }))
    : (await client.query<{ name: string; type: string }>(viewColumnsSql, [header.oid])).rows.map((c) => ({ ...c, notNull: false }));
  const primaryKey = (await client.query<{ name: string }>(tableKeySql, [header.oid])).rows.map((r) => r.name);
  return { schema, name, columns, primaryKey, hasCtid: header.relkind === 'r' || header.relkind === 'm' };
}

type Cell = string | null;

export async function readTablePage(
  client: pg.ClientBase,
  source: DataSource,
  query: DataQuery,
  after: string | undefined,
  limit: number,
): Promise<TableData> {
  const plan = planPage(source, query, after, limit);
  const result = await client.query<Cell[]>({ text: plan.text, values: plan.values, rowMode: 'array', types: RAW_TEXT_TYPES });
  const rows = result.rows;
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    columns: source.columns.map((c) => ({ name: c.name, type: c.type })),
    rows: plan.extraColumns ? page.map((r) => r.slice(0, r.length - plan.extraColumns)) : page,
    strategy: plan.strategy,
    strategyNote: plan.note,
    next: more && last ? plan.nextAfter(last) : null,
  };
}

/**
 * The planner's estimate (EXPLAIN, no execution) or an exact count(*) under the same filter. A
 * table that was never vacuumed or analyzed has no row statistics: the planner would guess from
 * its size (≈ 1,270 rows for a 3-row table), so the count is null and the page says "unknown".
 */
export async function countRows(
  client: pg.ClientBase,
  source: DataSource,
  query: DataQuery,
  exact: boolean,
): Promise<{ count: string | null; exact: boolean }> {
  const { from, where, values } = filteredFrom(source, query);
  if (exact) {
    const { rows } = await client.query<{ count: string }>({ text: `SELECT count(*)::text AS count FROM ${from} ${where}`, values });
    return { count: rows[0]?.count ?? '0', exact: true };
  }
  const stats = await client.query<{ known: boolean }>(rowStatsKnownSql, [source.schema, source.name]);
  if (stats.rows[0]?.known === false) return { count: null, exact: false };
  const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>({
    text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} ${where}`,
    values,
  });
  const estimate = rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  return { count: String(Math.round(estimate)), exact: false };
}
