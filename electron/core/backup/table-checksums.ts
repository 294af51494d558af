import type pg from 'pg';
import { quoteQualified } from '../../../shared/domain/quote-ident';
import dumpedTablesSql from '../sql/backup/dumped-tables.sql?raw';
import rowSettingsSql from '../sql/backup/row-settings.sql?raw';

export interface DumpedTable {
  schema: string;
  name: string;
  bytes: string;
}

export interface TableChecksum {
  schema: string;
  name: string;
  /** int8 as a string. */
  rows: string;
  /** md5 of the sums of each row's md5 (as two 64-bit halves) of its text form: independent of row order on disk. */
  checksum: string;
}

export const CHECKSUM_METHOD = 'md5(sum(md5(row::text)[0:8]) || sum(md5(row::text)[8:16])) with ISO dates, UTC, extra_float_digits=1';

export interface TableScope {
  schema?: string;
  /** 'table' or 'schema.table'. */
  tables?: string[];
}

export async function dumpedTables(client: pg.ClientBase, scope: TableScope = {}): Promise<DumpedTable[]> {
  const { rows } = await client.query<DumpedTable>(dumpedTablesSql, [scope.schema ?? null, scope.tables?.length ? scope.tables : null]);
  return rows;
}

/**
 * Row count and checksum of each table, on `client` as it is (inside the caller's snapshot).
 * ONLY: a dump holds each table's own rows, not those of inheritance children.
 */
export async function tableChecksums(
  client: pg.ClientBase,
  tables: { schema: string; name: string }[],
  onTable?: (done: number) => void,
): Promise<TableChecksum[]> {
  await client.query(rowSettingsSql);
  const out: TableChecksum[] = [];
  for (const t of tables) {
    // The table name cannot be a bound parameter; it goes through the quoting helper.
    // Summing the two 64-bit halves of each row's md5 is order-independent and needs constant
    // memory (string_agg of every row's hash would hit the 1 GB limit near 33 million rows).
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT /* ticketz-console */ count(*)::text AS rows,
              pg_catalog.md5(coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::int8::numeric), 0)::text || ':' ||
                             coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::int8::numeric), 0)::text) AS checksum
         FROM (SELECT pg_catalog.md5(t::text) AS h FROM ONLY ${quoteQualified(t.schema, t.name)} AS t) AS x`,
    );
    out.push({ schema: t.schema, name: t.name, rows: rows[0]!.rows, checksum: rows[0]!.checksum });
    onTable?.(out.length);
  }
  return out;
}

export interface TableDifference {
  schema: string;
  name: string;
  problem: 'missing' | 'rows' | 'checksum';
  expected?: { rows: string; checksum: string };
  actual?: { rows: string; checksum: string };
}

/** What differs between the manifest's tables and a restored copy's (tables only in the copy are not a loss). */
export function compareChecksums(expected: TableChecksum[], actual: TableChecksum[]): TableDifference[] {
  const key = (t: { schema: string; name: string }) => `${t.schema}\u0000${t.name}`;
  const byKey = new Map(actual.map((t) => [key(t), t]));
  const out: TableDifference[] = [];
  for (const e of expected) {
    const a = byKey.get(key(e));
    const exp = { rows: e.rows, checksum: e.checksum };
    if (!a) out.push({ schema: e.schema, name: e.name, problem: 'missing', expected: exp });
    else if (a.rows !== e.rows)
      out.push({ schema: e.schema, name: e.name, problem: 'rows', expected: exp, actual: { rows: a.rows, checksum: a.checksum } });
    else if (a.checksum !== e.checksum)
      out.push({ schema: e.schema, name: e.name, problem: 'checksum', expected: exp, actual: { rows: a.rows, checksum: a.checksum } });
  }
  return out;
}
