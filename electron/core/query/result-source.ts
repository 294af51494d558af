import type pg from 'pg';
import type { ResultSource } from '../../../shared/contract/query';
import resultSourceSql from '../sql/query/result-source.sql?raw';

interface FieldOrigin {
  tableID: number;
  columnID: number;
}

/**
 * Which table a result's rows come from, when every column is a plain column of one table (each
 * named once): then the rows can be edited through data.applyChanges. An expression, a join or a
 * column shown twice means no single row of one table stands behind a result row: null.
 */
export async function resultSource(pool: pg.Pool, fields: readonly FieldOrigin[]): Promise<ResultSource | null> {
  const table = fields[0]?.tableID ?? 0;
  const attnums = fields.map((f) => f.columnID);
  if (!table || fields.some((f) => f.tableID !== table || f.columnID <= 0) || new Set(attnums).size !== attnums.length) return null;
  const { rows } = await pool.query<ResultSource>(resultSourceSql, [table, attnums]).catch(() => ({ rows: [] as ResultSource[] }));
  const source = rows[0];
  return source && source.columns.length === fields.length ? source : null;
}
